import { afterEach, describe, expect, it } from "vitest";
import type { KubeObject } from "../../kube/types";
import type { Work } from "../../kube/karmada";
import { WORK_V1ALPHA1 } from "../../kube/karmada";
import { createTestEnv, type TestEnv } from "../runtime/test-env";
import { FakeObjectClient } from "../runtime/fake-client";
import { noopLogger } from "../runtime/log";
import { staticMemberClients } from "../execution/member-clients";
import { MemberWatcher } from "../execution/member-watcher";
import { manifestStatus, workStatusController } from "./work-status-controller";

/**
 * Karmada's pkg/controllers/status/work_status_controller_test.go, run against our controller:
 * TestWorkStatusController_Reconcile (which Works get a status), syncWorkStatus's happy path
 * (one manifestStatuses entry for the member Pod), buildStatusIdentifier, mergeStatus and
 * interpretHealth.
 */

const managed = { "karmada.io/managed": "true" };
const memberPod: KubeObject = { apiVersion: "v1", kind: "Pod", metadata: { name: "pod", namespace: "default", labels: managed, annotations: { "work.karmada.io/namespace": "karmada-es-cluster", "work.karmada.io/name": "work" } } };
const applied = (status: "True" | "False") => ({ type: "Applied", status, reason: "", message: "", lastTransitionTime: "2024-01-01T00:00:00Z" });
const newWork = (f: (w: Work) => void = () => {}): Work => {
  const w: Work = {
    apiVersion: WORK_V1ALPHA1,
    kind: "Work",
    metadata: { name: "work", namespace: "karmada-es-cluster" },
    spec: { workload: { manifests: [{ apiVersion: "v1", kind: "Pod", metadata: { name: "pod", namespace: "default", labels: managed } }] } },
    status: { conditions: [applied("True")] },
  };
  f(w);
  return w;
};

let env: TestEnv;
let watcher: MemberWatcher;
afterEach(async () => {
  await watcher?.stop();
  await env?.stop();
});

async function reconcileOnce(work: Work) {
  env = await createTestEnv({ objects: [work], watches: [{ apiVersion: WORK_V1ALPHA1, kind: "Work" }] });
  const members = staticMemberClients({ cluster: new FakeObjectClient({ objects: [memberPod] }) });
  watcher = new MemberWatcher({ members });
  const def = workStatusController({ members, watcher })({ client: env.client, informers: env.informers, events: env.events, log: noopLogger, clock: env.clock });
  await def.reconcile({ namespace: work.metadata.namespace, name: work.metadata.name ?? "" }, env.ctx());
  await env.settle();
  return env.client.get<Work>(WORK_V1ALPHA1, "Work", work.metadata.namespace, work.metadata.name ?? "");
}

describe("Karmada TestWorkStatusController_Reconcile / syncWorkStatus", () => {
  it("happy path updates work ManifestStatuses: one entry for the member Pod", async () => {
    const w = await reconcileOnce(newWork());
    expect(w!.status!.manifestStatuses).toEqual([{ identifier: { ordinal: 0, version: "v1", kind: "Pod", resource: "", namespace: "default", name: "pod" }, health: "Unhealthy" }]);
  });

  it.each([
    ["work's status is not applied", newWork((w) => (w.status = { conditions: [{ ...applied("True"), type: "Available" }] }))],
    ["Applied False", newWork((w) => (w.status = { conditions: [applied("False")] }))],
  ])("%s: nothing reflected", async (_n, work) => {
    expect((await reconcileOnce(work))!.status?.manifestStatuses).toBeUndefined();
  });
});

describe("Karmada buildStatusIdentifier / mergeStatus / interpretHealth", () => {
  it("the identifier of a cluster-scoped object of a named group: group, version, kind, name, empty resource, no namespace", () => {
    const cluster: KubeObject = { apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name: "cluster" } };
    expect(manifestStatus(cluster, 0).identifier).toEqual({ ordinal: 0, group: "cluster.karmada.io", version: "v1alpha1", kind: "Cluster", resource: "", name: "cluster" });
  });

  it.each([
    // testhelper.NewDeployment: spec.replicas 3, no status.
    ["deployment without status is interpreted as unhealthy", { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "bar", namespace: "foo" }, spec: { replicas: 3 } }, "Unhealthy"],
    ["cluster role without status is interpreted as healthy", { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "foo" }, rules: [] }, "Healthy"],
  ] as [string, KubeObject, string][])("%s", (_n, obj, health) => {
    expect(manifestStatus(obj, 0).health).toBe(health);
  });
});
