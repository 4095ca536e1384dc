import { defineController, type ControllerDefinition } from "../../controllers/runtime/controller";
import { ownerKey } from "../../controllers/runtime/watches";
import type { KubeObject } from "../../kube/types";
import { ownedPods, type SimContext } from "./context";
import { Expectations } from "./expectations";
import { dict, isPodActive, isPodReady, podFromTemplate, podNodeName, podPhase, randomSuffix, sameJson } from "./pod-util";

export const REPLICASET_CONTROLLER = "replicaset-controller";
/** At most this many pods are created or deleted per reconcile (kube's burstReplicas). */
const BURST = 500;

/** Whether a ready pod has been ready for minReadySeconds; else how long until it will be. */
export function availability(pod: KubeObject, minReadySeconds: number, now: number): { available: boolean; waitMs: number } {
  if (!isPodReady(pod)) return { available: false, waitMs: 0 };
  if (!minReadySeconds) return { available: true, waitMs: 0 };
  const ready = ((dict(pod.status).conditions as { type: string; lastTransitionTime?: string }[] | undefined) ?? []).find((c) => c.type === "Ready");
  const since = Date.parse(ready?.lastTransitionTime ?? "") || now;
  const waitMs = since + minReadySeconds * 1000 - now;
  return { available: waitMs <= 0, waitMs: Math.max(0, waitMs) };
}

/** Deletion order of kube's ActivePods ranking: unscheduled, pending, not ready, then newest first. */
export function deletionRank(a: KubeObject, b: KubeObject): number {
  const score = (p: KubeObject) => [podNodeName(p) ? 1 : 0, podPhase(p) === "Pending" ? 0 : 1, isPodReady(p) ? 1 : 0];
  const sa = score(a);
  const sb = score(b);
  for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return sa[i] - sb[i];
  return (b.metadata.creationTimestamp ?? "").localeCompare(a.metadata.creationTimestamp ?? "");
}

/**
 * ReplicaSets: keeps `spec.replicas` active pods (created from the template, owned by the
 * ReplicaSet), deletes extras in kube's order, and reports replicas, fullyLabeledReplicas,
 * readyReplicas, availableReplicas and observedGeneration.
 */
export function replicaSetController(sim: SimContext): ControllerDefinition {
  const expectations = new Expectations(() => sim.clock.now());
  const events = sim.recorder(REPLICASET_CONTROLLER);
  return defineController({
    name: REPLICASET_CONTROLLER,
    watches: [
      { apiVersion: "apps/v1", kind: "ReplicaSet" },
      { apiVersion: "v1", kind: "Pod", map: ownerKey({ apiVersion: "apps/v1", kind: "ReplicaSet", controllerOnly: true }) },
    ],
    async reconcile(req) {
      const key = `${req.namespace}/${req.name}`;
      const rs = sim.informersGet("apps/v1", "ReplicaSet", req.namespace, req.name);
      if (!rs) return expectations.forget(key);
      if (rs.metadata.deletionTimestamp) return;
      const spec = dict(rs.spec);
      const pods = ownedPods(sim, rs);
      const { creates, deletes } = expectations.inFlight(key, new Set(pods.map((p) => p.metadata.name ?? "")));
      const active = pods.filter((p) => isPodActive(p) && !deletes.has(p.metadata.name ?? ""));
      const diff = Number(spec.replicas ?? 1) - active.length - creates.size;
      if (diff > 0) {
        for (let i = 0; i < Math.min(diff, BURST); i++) {
          const name = `${rs.metadata.name}-${randomSuffix()}`;
          expectations.expectCreate(key, name);
          await sim.client.create(podFromTemplate(rs, spec.template, { name }), { fieldManager: REPLICASET_CONTROLLER });
          events.event(rs, "Normal", "SuccessfulCreate", `Created pod: ${name}`);
        }
      } else if (diff < 0) {
        for (const pod of [...active].sort(deletionRank).slice(0, Math.min(-diff, BURST))) {
          const name = pod.metadata.name ?? "";
          expectations.expectDelete(key, name);
          await sim.client.delete({ apiVersion: "v1", kind: "Pod", namespace: req.namespace, name });
          events.event(rs, "Normal", "SuccessfulDelete", `Deleted pod: ${name}`);
        }
      }
      return writeStatus(sim, rs, pods.filter(isPodActive));
    },
  });
}

async function writeStatus(sim: SimContext, rs: KubeObject, active: KubeObject[]) {
  const minReady = Number(dict(rs.spec).minReadySeconds ?? 0);
  let wait = 0;
  let available = 0;
  for (const p of active) {
    const a = availability(p, minReady, sim.clock.now());
    if (a.available) available++;
    else if (a.waitMs) wait = wait ? Math.min(wait, a.waitMs) : a.waitMs;
  }
  const prev = dict(rs.status);
  const status: Record<string, unknown> = {
    replicas: active.length,
    fullyLabeledReplicas: active.length,
    readyReplicas: active.filter(isPodReady).length,
    availableReplicas: available,
    observedGeneration: rs.metadata.generation ?? 1,
  };
  if (prev.conditions) status.conditions = prev.conditions;
  if (!sameJson(status, prev)) await sim.client.updateStatus({ ...rs, status });
  return wait ? { requeueAfterMs: wait } : undefined;
}
