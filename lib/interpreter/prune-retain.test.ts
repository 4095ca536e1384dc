import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kube/types";
import { pruneForWork } from "./prune";
import { retainMemberFields } from "./retain";

describe("pruneForWork (§7.4)", () => {
  it("drops server-owned metadata and status", () => {
    const t: KubeObject = {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "c", namespace: "n", uid: "u", resourceVersion: "5", generation: 2, creationTimestamp: "x", managedFields: [], finalizers: ["f"], ownerReferences: [] as never, labels: { a: "b" } },
      status: { x: 1 },
    };
    const p = pruneForWork(t);
    expect(p).toEqual({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", namespace: "n", labels: { a: "b" } } });
    expect(t.metadata.uid).toBe("u");
  });

  const cases: [string, KubeObject, (p: KubeObject) => void][] = [
    ["Deployment revision annotation", { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d", annotations: { "deployment.kubernetes.io/revision": "3", keep: "1" } }, spec: {} }, (p) => expect(p.metadata.annotations).toEqual({ keep: "1" })],
    ["Service clusterIP", { apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: { clusterIP: "10.0.0.1", clusterIPs: ["10.0.0.1"], ports: [] } }, (p) => expect(p.spec).toEqual({ ports: [] })],
    ["headless Service keeps None", { apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: { clusterIP: "None" } }, (p) => expect(p.spec).toEqual({ clusterIP: "None" })],
    [
      "Job generated selector and labels, ttl",
      { apiVersion: "batch/v1", kind: "Job", metadata: { name: "j" }, spec: { ttlSecondsAfterFinished: 5, selector: { matchLabels: { "controller-uid": "x" } }, template: { metadata: { labels: { "controller-uid": "x", "job-name": "j", app: "a" } } } } },
      (p) => expect(p.spec).toEqual({ selector: { matchLabels: {} }, template: { metadata: { labels: { app: "a" } } } }),
    ],
    ["SA token secrets", { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "sa" }, secrets: [{ name: "sa-token-abc" }, { name: "mine" }] } as KubeObject, (p) => expect((p as KubeObject & { secrets: unknown }).secrets).toEqual([{ name: "mine" }])],
    ["SA token Secret data", { apiVersion: "v1", kind: "Secret", metadata: { name: "t" }, type: "kubernetes.io/service-account-token", data: { token: "x" } } as KubeObject, (p) => expect((p as KubeObject & { data: unknown }).data).toBeNull()],
    ["PVC keeps volumeName", { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "p" }, spec: { volumeName: "pv1", resources: {} } }, (p) => expect(p.spec).toEqual({ volumeName: "pv1", resources: {} })],
  ];
  it.each(cases)("per kind: %s", (_n, obj, check) => check(pruneForWork(obj)));
});

describe("retainMemberFields (§7.5)", () => {
  it("keeps resourceVersion, finalizers, ownerReferences and foreign labels; drops keys Karmada stopped managing", () => {
    const desired: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", labels: { a: "new" }, annotations: { "resourcetemplate.karmada.io/managed-labels": "a" } } };
    const live: KubeObject = {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "c", resourceVersion: "9", finalizers: ["x"], labels: { a: "old", b: "gone", foreign: "kept" }, annotations: { "resourcetemplate.karmada.io/managed-labels": "a,b" } },
    };
    const out = retainMemberFields(desired, live);
    expect(out.metadata).toMatchObject({ resourceVersion: "9", finalizers: ["x"], labels: { a: "new", foreign: "kept" } });
    expect(out.metadata.labels).not.toHaveProperty("b");
  });

  it("replaces the desired finalizers and ownerReferences by the live ones, even none (objectwatcher retainClusterFields)", () => {
    const desired: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", finalizers: ["mine"], ownerReferences: [{ apiVersion: "v1", kind: "X", name: "x", uid: "u" }] } };
    const out = retainMemberFields(desired, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", resourceVersion: "3" } });
    expect(out.metadata).toEqual({ name: "c", resourceVersion: "3" });
  });

  const cases: [string, KubeObject, KubeObject, (o: KubeObject) => void][] = [
    [
      "Service clusterIP",
      { apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: { ports: [] } },
      { apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: { clusterIP: "10.1.1.1", clusterIPs: ["10.1.1.1"] } },
      (o) => expect(o.spec).toEqual({ ports: [], clusterIP: "10.1.1.1" }),
    ],
    [
      "Pod nodeName and volumes",
      { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "c" }] } },
      { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { nodeName: "n1", serviceAccountName: "sa", volumes: [{ name: "v" }], containers: [{ name: "c", volumeMounts: [{ name: "v" }] }] } },
      (o) => expect(o.spec).toEqual({ nodeName: "n1", serviceAccountName: "sa", volumes: [{ name: "v" }], containers: [{ name: "c", volumeMounts: [{ name: "v" }] }] }),
    ],
    [
      "PVC volumeName",
      { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "p" }, spec: {} },
      { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "p" }, spec: { volumeName: "pv" } },
      (o) => expect(o.spec).toEqual({ volumeName: "pv" }),
    ],
    [
      "Job selector and template labels",
      { apiVersion: "batch/v1", kind: "Job", metadata: { name: "j" }, spec: { template: { metadata: { labels: { app: "a" } } } } },
      { apiVersion: "batch/v1", kind: "Job", metadata: { name: "j" }, spec: { selector: { matchLabels: { "controller-uid": "u" } }, template: { metadata: { labels: { "controller-uid": "u", app: "a" } } } } },
      (o) => expect(o.spec).toEqual({ selector: { matchLabels: { "controller-uid": "u" } }, template: { metadata: { labels: { "controller-uid": "u", app: "a" } } } }),
    ],
    [
      "Deployment replicas with retain-replicas",
      { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d", labels: { "resourcetemplate.karmada.io/retain-replicas": "true" } }, spec: { replicas: 2 } },
      { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { replicas: 7 } },
      (o) => expect(o.spec).toEqual({ replicas: 7 }),
    ],
    [
      "Deployment replicas without the label",
      { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { replicas: 2 } },
      { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { replicas: 7 } },
      (o) => expect(o.spec).toEqual({ replicas: 2 }),
    ],
  ];
  it.each(cases)("per kind: %s", (_n, d, l, check) => check(retainMemberFields(d, l)));
});
