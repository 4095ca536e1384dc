/**
 * Pull vs Push propagation latency: time from creating a Deployment (already selected by a
 * PropagationPolicy) on the control plane to the object existing in the member, for a Push
 * sandbox (member1) and a Pull sandbox served by a `flotilla agent` child process (member4).
 * Karmada's published Pull P99 is 989 ms; Flotilla's target is under 300 ms.
 * Run: npx tsx bench/pull.ts [iterations]
 */
import { startPlane } from "../tests/control-plane/harness";
import { startMiniConsole } from "../tests/agent/harness";
import type { ObjectClient } from "../lib/kube/client";
import type { SandboxManager } from "../lib/sandbox/sandbox-manager";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function waitFor(fn: () => Promise<unknown>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 30);
  Object.assign(process.env, { FLOTILLA_AGENT_STATUS_INTERVAL_MS: "2000", FLOTILLA_LOG_LEVEL: "warn" });
  const cons = await startMiniConsole();
  const plane = await startPlane({ env: { FLOTILLA_SANDBOXES: "member1,member4:pull", PORT: String(cons.port), FLOTILLA_CLUSTER_STATUS_INTERVAL_MS: "1000" } });
  const cp = plane.handle.services.client as ObjectClient;
  const sandboxes = plane.handle.services.sandboxes as SandboxManager;
  try {
    await waitFor(async () => (await cp.get<any>("cluster.karmada.io/v1alpha1", "Cluster", undefined, "member4"))?.status?.conditions?.some((c: any) => c.type === "Ready" && c.status === "True"), 60_000); // eslint-disable-line @typescript-eslint/no-explicit-any
    const results: Record<string, number[]> = { Push: [], Pull: [] };
    for (const [mode, cluster] of [["Push", "member1"], ["Pull", "member4"]] as const) {
      const member = sandboxes.cluster(cluster)!.client;
      await cp.create({ apiVersion: "policy.karmada.io/v1alpha1", kind: "PropagationPolicy", metadata: { name: `bench-${cluster}`, namespace: "default" }, spec: { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", labelSelector: { matchLabels: { bench: cluster } } }], placement: { clusterAffinity: { clusterNames: [cluster] } } } } as never);
      for (let i = 0; i < n + 3; i++) {
        const name = `bench-${cluster}-${i}`;
        const t0 = performance.now();
        await cp.create({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name, namespace: "default", labels: { bench: cluster } }, spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "c", image: "nginx" }] } } } } as never);
        await waitFor(() => member.get("apps/v1", "Deployment", "default", name));
        // The first few warm caches and connections up.
        if (i >= 3) results[mode].push(performance.now() - t0);
      }
    }
    for (const [mode, xs] of Object.entries(results)) {
      const s = [...xs].sort((a, b) => a - b);
      console.log(`${mode.padEnd(4)} propagation (n=${s.length}): p50 ${percentile(s, 50).toFixed(0)} ms, p99 ${percentile(s, 99).toFixed(0)} ms (Karmada Pull P99: 989 ms; target < 300 ms)`);
    }
  } finally {
    await plane.destroy();
    await cons.close();
  }
}

void main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
