import { afterEach, describe, expect, it } from "vitest";
import type { KubeObject } from "../../kube/types";
import type { Cluster, Work } from "../../kube/karmada";
import { CLUSTER_API_VERSION, WORK_V1ALPHA1 } from "../../kube/karmada";
import { createTestEnv, type TestEnv } from "../runtime/test-env";
import { FakeObjectClient } from "../runtime/fake-client";
import { noopLogger } from "../runtime/log";
import { executionController } from "./execution-controller";
import { staticMemberClients } from "./member-clients";
import { MemberWatcher } from "./member-watcher";

/**
 * Karmada's pkg/controllers/execution/execution_controller_test.go TestExecutionController_Reconcile
 * (its Pod in namespace default, Work "work" in karmada-es-cluster), run against our controller,
 * plus the Applied condition syncToClusters writes.
 */

const pod = (labels: Record<string, string> = {}): KubeObject => ({ apiVersion: "v1", kind: "Pod", metadata: { name: "test", namespace: "default", labels } });
const readyCluster: Cluster = { apiVersion: CLUSTER_API_VERSION, kind: "Cluster", metadata: { name: "cluster" }, spec: {}, status: { conditions: [{ type: "Ready", status: "True", reason: "", message: "", lastTransitionTime: "2024-01-01T00:00:00Z" }] } } as Cluster;
const newWork = (f: (w: Work) => void = () => {}): Work => {
  const w: Work = { apiVersion: WORK_V1ALPHA1, kind: "Work", metadata: { name: "work", namespace: "karmada-es-cluster", uid: "w-uid", generation: 1 }, spec: { workload: { manifests: [pod({ "karmada.io/managed": "true" })] } } };
  f(w);
  return w;
};

let env: TestEnv;
let watcher: MemberWatcher;
afterEach(async () => {
  await watcher?.stop();
  await env?.stop();
});

async function setup(work: Work, opts: { cluster?: Cluster | null; member?: KubeObject[] } = {}) {
  const objects: KubeObject[] = [work];
  if (opts.cluster !== null) objects.push(opts.cluster ?? readyCluster);
  env = await createTestEnv({ objects, watches: [{ apiVersion: WORK_V1ALPHA1, kind: "Work" }, { apiVersion: CLUSTER_API_VERSION, kind: "Cluster" }] });
  const member = new FakeObjectClient({ objects: opts.member ?? [pod({ "karmada.io/managed": "true" })] });
  const members = staticMemberClients({ cluster: member });
  watcher = new MemberWatcher({ members });
  const def = executionController({ members, watcher })({ client: env.client, informers: env.informers, events: env.events, log: noopLogger, clock: env.clock });
  const run = async () => {
    let err: unknown;
    await def.reconcile({ namespace: "karmada-es-cluster", name: "work" }, env.ctx()).catch((e) => (err = e));
    await env.settle();
    return err;
  };
  const get = () => env.client.get<Work>(WORK_V1ALPHA1, "Work", "karmada-es-cluster", "work");
  return { run, get, member };
}

describe("Karmada TestExecutionController_Reconcile", () => {
  it("work dispatching is suspended: no error, no apply, Dispatching False, the WorkDispatching Event", async () => {
    const { run, get, member } = await setup(newWork((w) => (w.spec.suspendDispatching = true)), { member: [] });
    expect(await run()).toBeUndefined();
    expect(await member.get("v1", "Pod", "default", "test")).toBeUndefined();
    const conds = (await get())!.status?.conditions ?? [];
    expect(conds.map(({ lastTransitionTime: _t, ...c }) => c)).toEqual([{ type: "Dispatching", status: "False", reason: "SuspendDispatching", message: "Work dispatching is in a suspended state." }]);
    expect(env.events.events.map((e) => `${e.type} ${e.reason} ${e.message}`)).toEqual(["Normal WorkDispatching Work dispatching is in a suspended state."]);
  });

  it("work dispatching is suspended, overwrites existing dispatching condition", async () => {
    const { run, get } = await setup(
      newWork((w) => {
        w.spec.suspendDispatching = true;
        w.status = { conditions: [{ type: "Dispatching", status: "True", reason: "Dispatching", message: "", lastTransitionTime: "2024-01-01T00:00:00Z" }] };
      }),
    );
    expect(await run()).toBeUndefined();
    expect((await get())!.status?.conditions?.find((c) => c.type === "Dispatching")?.status).toBe("False");
  });

  it.each([
    { name: "suspend work with deletion timestamp is deleted", spec: { suspendDispatching: true }, exists: false },
    { name: "PreserveResourcesOnDeletion=true, deletion timestamp set, does not delete resource", spec: { preserveResourcesOnDeletion: true }, exists: true },
    { name: "PreserveResourcesOnDeletion=false, deletion timestamp set, deletes resource", spec: { preserveResourcesOnDeletion: false }, exists: false },
    { name: "PreserveResourcesOnDeletion unset, deletion timestamp set, deletes resource", spec: {}, exists: false },
  ])("$name", async ({ spec, exists }) => {
    const { run, get, member } = await setup(newWork((w) => ((w.metadata.finalizers = ["karmada.io/execution-controller"]), Object.assign(w.spec, spec))));
    await env.client.delete({ apiVersion: WORK_V1ALPHA1, kind: "Work", namespace: "karmada-es-cluster", name: "work" });
    await env.settle();
    expect(await run()).toBeUndefined();
    expect(await get()).toBeUndefined();
    expect(!!(await member.get("v1", "Pod", "default", "test"))).toBe(exists);
  });
});

describe("execution conditions (execution_controller.go syncToClusters)", () => {
  const strip = (w: Work | undefined) => (w?.status?.conditions ?? []).map(({ lastTransitionTime: _t, ...c }) => c);

  it("applied: Dispatching True then Applied True AppliedSuccessful, no observedGeneration", async () => {
    const { run, get, member } = await setup(newWork(), { member: [] });
    expect(await run()).toBeUndefined();
    expect(await member.get("v1", "Pod", "default", "test")).toBeDefined();
    expect(strip(await get())).toEqual([
      { type: "Dispatching", status: "True", reason: "Dispatching", message: "Work is being dispatched to member clusters." },
      { type: "Applied", status: "True", reason: "AppliedSuccessful", message: "Manifest has been successfully applied" },
    ]);
  });

  it("a manifest that cannot apply: Applied False AppliedFailed with Karmada's message, error returned", async () => {
    const unmanaged: KubeObject = { apiVersion: "v1", kind: "Pod", metadata: { name: "test", namespace: "default" } };
    const { run, get } = await setup(newWork(), { member: [unmanaged] });
    expect(await run()).toBeInstanceOf(Error);
    const applied = strip(await get()).find((c) => c.type === "Applied")!;
    expect(applied).toMatchObject({ status: "False", reason: "AppliedFailed" });
    expect(applied.message).toMatch(/^Failed to apply all manifests \(0\/1\): /);
  });

  it("cluster not ready: Dispatching True, error, no Applied", async () => {
    const notReady = { ...readyCluster, status: { conditions: [{ type: "Ready", status: "False", reason: "", message: "", lastTransitionTime: "2024-01-01T00:00:00Z" }] } } as Cluster;
    const { run, get } = await setup(newWork(), { cluster: notReady });
    expect(String(await run())).toContain("cluster(cluster) not ready");
    expect(strip(await get()).map((c) => `${c.type}=${c.status}`)).toEqual(["Dispatching=True"]);
  });

  it("no Cluster object: error before any condition is written (util.GetCluster fails first)", async () => {
    const { run, get } = await setup(newWork(), { cluster: null });
    expect(await run()).toBeInstanceOf(Error);
    expect((await get())!.status?.conditions ?? []).toEqual([]);
  });

  it("deleting a Work whose cluster is not ready (and not leaving): handleWorkDelete's error, finalizer kept", async () => {
    const notReady = { ...readyCluster, status: { conditions: [{ type: "Ready", status: "False", reason: "", message: "", lastTransitionTime: "2024-01-01T00:00:00Z" }] } } as Cluster;
    const { run, get } = await setup(newWork((w) => (w.metadata.finalizers = ["karmada.io/execution-controller"])), { cluster: notReady });
    await env.client.delete({ apiVersion: WORK_V1ALPHA1, kind: "Work", namespace: "karmada-es-cluster", name: "work" });
    await env.settle();
    expect(String(await run())).toBe("Error: cluster(cluster) not ready");
    expect((await get())!.metadata.finalizers).toEqual(["karmada.io/execution-controller"]);
  });
});
