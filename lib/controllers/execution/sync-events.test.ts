import { describe, expect, it } from "vitest";
import type { Work } from "../../kube/karmada";
import type { KubeObject } from "../../kube/types";
import { RecordingEventRecorder } from "../runtime/test-env";
import { appliedFailedMessage, manifestEventRef, recordSyncEvents } from "./execution-controller";

const deploy: KubeObject = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { namespace: "default", name: "nginx", annotations: { "resourcetemplate.karmada.io/uid": "u-1" } },
};
const role: KubeObject = {
  apiVersion: "rbac.authorization.k8s.io/v1",
  kind: "ClusterRole",
  metadata: { name: "reader", annotations: { "resourcetemplate.karmada.io/uid": "u-2" } },
};
const work: Work = {
  apiVersion: "work.karmada.io/v1alpha1",
  kind: "Work",
  metadata: { namespace: "karmada-es-member1", name: "nginx-687f7fb96f" },
  spec: { workload: { manifests: [deploy, role] } },
};

describe("execution Events (Karmada's execution controller)", () => {
  it("records per manifest on the template, then on the Work, after a successful sync", () => {
    const events = new RecordingEventRecorder();
    recordSyncEvents(events, work, "member1", { written: 2, errors: [], manifests: [{ manifest: deploy, written: true }, { manifest: role, written: true }] });
    expect(events.events.map((e) => [e.kind, e.namespace, e.name, e.type, e.reason, e.message])).toEqual([
      ["Deployment", "default", "nginx", "Normal", "SyncSucceed", "Successfully applied resource(default/nginx) to cluster member1"],
      ["ClusterRole", undefined, "reader", "Normal", "SyncSucceed", "Successfully applied resource(/reader) to cluster member1"],
      ["Work", "karmada-es-member1", "nginx-687f7fb96f", "Normal", "SyncSucceed", "Sync work(karmada-es-member1/nginx-687f7fb96f) to cluster(member1) successful."],
    ]);
  });

  it("records the failed manifests and the aggregated error on the Work", () => {
    const events = new RecordingEventRecorder();
    const res = { written: 0, errors: ["boom", "bang"], manifests: [{ manifest: deploy, written: false, error: "boom" }, { manifest: role, written: false, error: "bang" }] };
    recordSyncEvents(events, work, "member1", res);
    expect(events.events.map((e) => [e.kind, e.type, e.reason, e.message])).toEqual([
      ["Deployment", "Warning", "SyncFailed", "Failed to create or update resource(default/nginx) in member cluster(member1): boom"],
      ["ClusterRole", "Warning", "SyncFailed", "Failed to create or update resource(reader) in member cluster(member1): bang"],
      ["Work", "Warning", "SyncFailed", "Failed to sync work(karmada-es-member1/nginx-687f7fb96f) to cluster(member1), err: [boom, bang]"],
    ]);
    expect(appliedFailedMessage(res, 2)).toBe("Failed to apply all manifests (0/2): [boom, bang]");
    expect(appliedFailedMessage({ written: 1, errors: ["boom"] }, 2)).toBe("Failed to apply all manifests (1/2): boom");
  });

  it("names the template with its UID from the annotation, and skips manifests without one", () => {
    expect(manifestEventRef(deploy)).toEqual({ apiVersion: "apps/v1", kind: "Deployment", metadata: { namespace: "default", name: "nginx", uid: "u-1" } });
    expect(manifestEventRef({ ...deploy, metadata: { namespace: "default", name: "nginx" } })).toBeUndefined();
  });
});
