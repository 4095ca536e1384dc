import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cluster } from "../kube/karmada";
import { eventually, startClusterTestPlane, type ClusterTestPlane } from "./testing/control-plane-env";

/** The Pull path: an agent (simulated here) renews a Lease in karmada-cluster; silence turns Ready Unknown. */
let plane: ClusterTestPlane;
const LEASE = { apiVersion: "coordination.k8s.io/v1", kind: "Lease", namespace: "karmada-cluster", name: "pull1" };

beforeAll(async () => {
  plane = await startClusterTestPlane({ clusterGracePeriodMs: 1200, clusterMonitorPeriodMs: 100 });
});
afterAll(async () => plane?.stop());

const get = () => plane.api.client.get<Cluster>("cluster.karmada.io/v1alpha1", "Cluster", undefined, "pull1");
const micro = () => new Date().toISOString().replace("Z", "000Z");

describe("Pull cluster health", () => {
  it("stays Ready while the Lease is renewed, turns Unknown with the unreachable taint once renewals stop", async () => {
    const c = plane.api.client;
    await c.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "karmada-cluster" } }).catch(() => undefined);
    const created = await c.create<Cluster>({ apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name: "pull1" }, spec: { syncMode: "Pull" } });
    // What the agent posts once it runs: Ready=True, and a Lease it keeps renewing.
    await c.updateStatus({ ...created, status: { conditions: [{ type: "Ready", status: "True", reason: "ClusterReady", message: "cluster is healthy and ready to accept workloads", lastTransitionTime: micro().slice(0, 19) + "Z" }] } });
    await c.create({ apiVersion: LEASE.apiVersion, kind: "Lease", metadata: { name: "pull1", namespace: "karmada-cluster" }, spec: { holderIdentity: "pull1", leaseDurationSeconds: 40, renewTime: micro() } });
    await eventually(async () => !(await get())?.spec.taints?.length && (await get())?.metadata.finalizers?.length);

    const renewUntil = Date.now() + 2500;
    let lastRenew = Date.now();
    while (Date.now() < renewUntil) {
      lastRenew = Date.now();
      await c.patch(LEASE, "application/merge-patch+json", { spec: { renewTime: micro() } });
      await new Promise((r) => setTimeout(r, 300));
      expect((await get())?.status?.conditions?.find((x) => x.type === "Ready")?.status).toBe("True");
    }

    const cl = await eventually(async () => {
      const cl = await get();
      return cl?.spec.taints?.some((t) => t.key === "cluster.karmada.io/unreachable") ? cl : undefined;
    }, 8000, 25);
    // Not before the grace period (1.2 s) counted from the last renewal, less one monitor period.
    expect(Date.now() - lastRenew).toBeGreaterThanOrEqual(1100);
    expect(cl.status?.conditions?.find((x) => x.type === "Ready")).toMatchObject({ status: "Unknown", reason: "ClusterStatusUnknown" });
    expect(cl.spec.taints?.map((t) => t.key)).toEqual(["cluster.karmada.io/unreachable"]);
  });
});
