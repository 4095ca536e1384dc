import type { KubeObject } from "../../lib/kube/types";
import { getJson, startSamplePlane, until, type SamplePlane } from "../samples/harness";

/**
 * The real control plane (startControlPlane, in-process) with sandbox members, tuned for
 * scheduling and failover: cluster status every 500 ms and a 3 s grace period before a member
 * that stopped answering turns Ready=False/Unknown. Embedded store by default; Postgres (a
 * database of its own, dropped afterwards) with FLOTILLA_TEST_STORE=postgres.
 */
export async function startSchedulingPlane(sandboxes: string[], env: Record<string, string> = {}): Promise<SamplePlane> {
  return startSamplePlane(sandboxes, { FLOTILLA_CLUSTER_STATUS_INTERVAL_MS: "500", FLOTILLA_CLUSTER_GRACE_PERIOD_MS: "3000", ...env });
}

export { until };

/** `kubectl apply -f -` of objects on the control plane; throws with kubectl's stderr on failure. */
export async function apply(sp: SamplePlane, ...objects: unknown[]): Promise<void> {
  const r = await sp.kubectl(["apply", "-f", "-"], objects.map((o) => JSON.stringify(o)).join("\n"));
  if (r.code !== 0) throw new Error(`kubectl apply failed: ${r.stderr}`);
}

/** The replicas of a Deployment in each member, read with kubectl through the member's kubeconfig (absent: no entry). */
export async function memberReplicas(sp: SamplePlane, members: string[], name: string, namespace = "default"): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  await Promise.all(
    members.map(async (m) => {
      const d = await getJson<KubeObject & { spec: { replicas?: number } }>((args) => sp.member(m, args), ["deployment", name, "-n", namespace]);
      if (d) out[m] = d.spec.replicas ?? 1;
    }),
  );
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Waits until the members hold exactly `want` (cluster -> replicas) for a Deployment. */
export async function waitForReplicas(sp: SamplePlane, members: string[], name: string, want: Record<string, number>, ms = 40_000): Promise<void> {
  let last: Record<string, number> = {};
  try {
    await until(`${name} spread ${JSON.stringify(want)}`, async () => {
      last = await memberReplicas(sp, members, name);
      return JSON.stringify(last) === JSON.stringify(sortKeys(want));
    }, ms, 300);
  } catch (err) {
    throw new Error(`${(err as Error).message}; last seen ${JSON.stringify(last)}`);
  }
}

const sortKeys = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));

export interface EventView {
  reason: string;
  message: string;
  type: string;
  involvedObject: { kind: string; name: string };
}

/** Events of a namespace as `kubectl get events -o json` shows them. */
export async function kubectlEvents(sp: SamplePlane, namespace = "default"): Promise<EventView[]> {
  const list = await getJson<{ items: EventView[] }>(sp.kubectl, ["events", "-n", namespace]);
  return list?.items ?? [];
}

export function deployment(name: string, replicas: number, cpu?: string): KubeObject {
  const resources = cpu ? { requests: { cpu } } : undefined;
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "default", labels: { app: name } },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "app", image: "nginx", resources }] } } },
  };
}

export function policy(name: string, target: string, placement: Record<string, unknown>, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "policy.karmada.io/v1alpha1",
    kind: "PropagationPolicy",
    metadata: { name, namespace: "default" },
    spec: { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", name: target }], placement, ...extra },
  };
}
