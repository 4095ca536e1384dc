import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kube/types";
import { pruneForWork } from "./prune";
import { retainNative } from "./retain";
import { reviseReplica, hasReviseReplica } from "./revise-replica";

type Obj = Record<string, unknown>;
const get = (o: unknown, path: string[]): [unknown, boolean] => {
  let cur: unknown = o;
  for (const p of path) {
    if (!cur || typeof cur !== "object" || !(p in (cur as Obj))) return [undefined, false];
    cur = (cur as Obj)[p];
  }
  return [cur, true];
};
const k = (o: Obj) => o as unknown as KubeObject;

// Ported from Karmada's pkg/resourceinterpreter/default/native/prune/prune_test.go (TestRemoveIrrelevantField, 9 cases).
describe("TestRemoveIrrelevantField", () => {
  const names = (v: unknown) => (Array.isArray(v) ? v.map((m) => (m as Obj).name) : []);
  const cases: { name: string; workload: Obj; unexpected?: string[][]; unexpectedResource?: string; keep?: string[][]; keepResource?: string }[] = [
    {
      name: "remove common object irrelevant fields",
      workload: {
        metadata: {
          creationTimestamp: "2023-03-13T05:00:41Z",
          deletionTimestamp: "2023-03-13T06:00:41Z",
          deletionGracePeriodSeconds: 10,
          generation: 2,
          managedFields: [{ apiVersion: "v1", fieldsType: "FieldsV1", manager: "name", operation: "Apply" }],
          resourceVersion: "22222",
          selfLink: "http://example.com",
          uid: "db56a4a6-0dff-465a-b046-2c1dea42a42b",
          ownerReferences: [{ apiVersion: "v1", kind: "Pod", name: "foo", uid: "fb11a9a6-1daa-265b-c046-1c1dea42a42c" }],
          finalizers: ["foregroundDeletion"],
        },
        status: {},
      },
      unexpected: [
        ["metadata", "creationTimestamp"],
        ["metadata", "deletionTimestamp"],
        ["metadata", "deletionGracePeriodSeconds"],
        ["metadata", "generation"],
        ["metadata", "managedFields"],
        ["metadata", "resourceVersion"],
        ["metadata", "selfLink"],
        ["metadata", "uid"],
        ["metadata", "ownerReferences"],
        ["metadata", "finalizers"],
        ["status"],
      ],
    },
    { name: "remove service irrelevant fields", workload: { kind: "Service", spec: { clusterIP: "10.10.10.10", clusterIPs: ["10.10.10.10"] } }, unexpected: [["spec", "clusterIP"], ["spec", "clusterIPs"]] },
    {
      name: "remove job irrelevant fields",
      workload: {
        kind: "Job",
        spec: {
          selector: { matchLabels: { foo: "bar", "controller-uid": "ab11a9a6-1daa-265b-c046-1c1dea42a42c" } },
          template: { metadata: { labels: { "controller-uid": "ab11a9a6-1daa-265b-c046-1c1dea42a42c", "job-name": "test-job", foo: "bar" } } },
          ttlSecondsAfterFinished: 10,
        },
      },
      unexpected: [
        ["spec", "selector", "matchLabels", "controller-uid"],
        ["spec", "template", "metadata", "labels", "controller-uid"],
        ["spec", "template", "metadata", "labels", "job-name"],
        ["spec", "ttlSecondsAfterFinished"],
      ],
      keep: [
        ["spec", "selector", "matchLabels", "foo"],
        ["spec", "template", "metadata", "labels", "foo"],
      ],
    },
    {
      name: "remove serviceaccount irrelevant fields",
      workload: { kind: "ServiceAccount", metadata: { name: "foo" }, secrets: [{ name: "foo-token-6pgxf" }, { name: "foo-dockercfg-zdr2j" }] },
      unexpected: [["secrets"]],
      unexpectedResource: "foo-token-6pgxf",
      keep: [["secrets"]],
      keepResource: "foo-dockercfg-zdr2j",
    },
    {
      name: "remove service-account token secret irrelevant fields",
      workload: { kind: "Secret", metadata: { "kubernetes.io/service-account.uid": "123" }, type: "kubernetes.io/service-account-token", data: { token: "abc" } },
      unexpected: [
        ["metadata", "annotations", "kubernetes.io/service-account.uid"],
        ["data", "token"],
      ],
    },
    {
      name: "retains secret basic-auth fields",
      workload: { kind: "Secret", metadata: { foo: "bar" }, type: "kubernetes.io/basic-auth", data: { username: "foo", password: "bar" } },
      keep: [
        ["metadata", "foo"],
        ["data", "username"],
        ["data", "password"],
      ],
    },
    {
      name: "remove selected-node pvc annotation",
      workload: { kind: "PersistentVolumeClaim", metadata: { annotations: { "volume.kubernetes.io/selected-node": "node1" } } },
      unexpected: [["metadata", "annotations", "volume.kubernetes.io/selected-node"]],
    },
    {
      name: "removes deployment revision annotation",
      workload: { kind: "Deployment", metadata: { annotations: { "deployment.kubernetes.io/revision": 1 } } },
      unexpected: [["metadata", "annotations", "deployment.kubernetes.io/revision"]],
    },
    {
      name: "removes deployment revision history annotation",
      workload: { kind: "Deployment", metadata: { annotations: { "deployment.kubernetes.io/revision-history": "1,2" } } },
      unexpected: [["metadata", "annotations", "deployment.kubernetes.io/revision-history"]],
    },
  ];
  it.each(cases)("$name", (tc) => {
    const out = pruneForWork(k(tc.workload));
    for (const path of tc.unexpected ?? []) {
      const [v, found] = get(out, path);
      if (found) expect(tc.unexpectedResource !== undefined && !names(v).includes(tc.unexpectedResource), `${path.join(".")} still there`).toBe(true);
    }
    for (const path of tc.keep ?? []) {
      const [v, found] = get(out, path);
      expect(found, `${path.join(".")} removed`).toBe(true);
      if (tc.keepResource !== undefined) expect(names(v)).toContain(tc.keepResource);
    }
  });

  it("keeps a headless Service's clusterIP, and clusterIPs when clusterIP is absent (removeServiceIrrelevantField)", () => {
    expect(pruneForWork(k({ kind: "Service", spec: { clusterIP: "None", clusterIPs: ["None"] } })).spec).toEqual({ clusterIP: "None", clusterIPs: ["None"] });
    expect(pruneForWork(k({ kind: "Service", spec: { clusterIPs: ["10.0.0.1"] } })).spec).toEqual({ clusterIPs: ["10.0.0.1"] });
  });
  it("keeps the Job selector with manualSelector", () => {
    const spec = { manualSelector: true, selector: { matchLabels: { "controller-uid": "u" } }, template: { metadata: { labels: { "controller-uid": "u" } } } };
    expect(pruneForWork(k({ kind: "Job", spec })).spec).toEqual(spec);
  });
});

// Ported from Karmada's pkg/resourceinterpreter/default/native/retain_test.go (14 cases).
describe("retain_test.go", () => {
  const deploy = (labels: Obj | undefined, replicas?: number) => k({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "nginx", ...(labels ? { labels } : {}) }, spec: replicas === undefined ? {} : { replicas } });
  const retainLabel = { "resourcetemplate.karmada.io/retain-replicas": "true" };

  describe("Test_retainK8sWorkloadReplicas", () => {
    it("deployment is control by hpa", () => expect(retainNative(deploy(retainLabel, 2), deploy(undefined, 4))).toEqual(deploy(retainLabel, 4)));
    it("deployment is not control by hpa", () => expect(retainNative(deploy(undefined, 2), deploy(undefined, 4))).toEqual(deploy(undefined, 2)));
    it("empty observed replicas", () => expect(() => retainNative(deploy(retainLabel, 2), deploy(undefined))).toThrow());
  });

  describe("Test_retainSecretServiceAccountToken", () => {
    const secret = (type: string, key: string, value: string) => k({ apiVersion: "v1", kind: "Secret", metadata: {}, data: { [key]: Buffer.from(value).toString("base64") }, type });
    it.each<[string, KubeObject, KubeObject, KubeObject]>([
      [
        "secret data and uid are retained for type service-account-token",
        secret("kubernetes.io/service-account-token", "token", "desired-token"),
        secret("kubernetes.io/service-account-token", "token", "observed-token"),
        secret("kubernetes.io/service-account-token", "token", "observed-token"),
      ],
      [
        "ignores missing uid and data for type service-account-token",
        k({ apiVersion: "v1", kind: "Secret", metadata: {}, type: "kubernetes.io/service-account-token" }),
        k({ apiVersion: "v1", kind: "Secret", metadata: {}, type: "kubernetes.io/service-account-token" }),
        k({ apiVersion: "v1", kind: "Secret", metadata: {}, type: "kubernetes.io/service-account-token" }),
      ],
      ["does not retain for type tls", secret("kubernetes.io/tls", "tls.crt", "desired-cert"), secret("kubernetes.io/tls", "tls.crt", "observed-cert"), secret("kubernetes.io/tls", "tls.crt", "desired-cert")],
      ["does not retain for type basic-auth", secret("kubernetes.io/basic-auth", "username", "desired-user"), secret("kubernetes.io/basic-auth", "username", "observed-user"), secret("kubernetes.io/basic-auth", "username", "desired-user")],
      ["does not retain for type dockercfg", secret("kubernetes.io/dockercfg", ".dockercfg", "desired-docker-cfg"), secret("kubernetes.io/dockercfg", ".dockercfg", "observed-docker-cfg"), secret("kubernetes.io/dockercfg", ".dockercfg", "desired-docker-cfg")],
    ])("%s", (_n, desired, observed, want) => expect(retainNative(desired, observed)).toEqual(want));
  });

  it("Test_retainPersistentVolumeFields: retain claimRef", () => {
    const pv = (name: string) => k({ apiVersion: "v1", kind: "PersistentVolume", metadata: { name: "pv" }, spec: { claimRef: { name, namespace: "default" } } });
    expect(retainNative(pv("pvc-1"), pv("pvc-2"))).toEqual(pv("pvc-2"));
  });

  it("Test_retainPersistentVolumeClaimFields: retain observed volume name", () => {
    const pvc = (volumeName: string) => k({ apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "pvc" }, spec: { volumeName } });
    expect(retainNative(pvc("desired-volume-name"), pvc("observed-volume-name"))).toEqual(pvc("observed-volume-name"));
  });

  // Karmada calls retainJobSelectorFields on Deployments there; the rule is the Job's.
  describe("Test_retainJobSelectorFields", () => {
    const job = (selector: Obj | undefined, labels: Obj | undefined) =>
      k({
        apiVersion: "batch/v1",
        kind: "Job",
        metadata: { name: "nginx" },
        spec: { ...(selector ? { selector: { matchLabels: selector } } : {}), template: { metadata: labels ? { labels } : {} }, parallelism: 2 },
      });
    it.each<[string, KubeObject, KubeObject, KubeObject]>([
      ["matchLabels and templateLabels exists", job({ app: "nginx_v1" }, { app: "nginx_v1" }), job({ name: "nginx" }, { name: "nginx" }), job({ name: "nginx" }, { name: "nginx" })],
      ["matchLabels does not exists", job(undefined, { app: "nginx_v1" }), job(undefined, { name: "nginx" }), job(undefined, { name: "nginx" })],
      ["templateLabels does not exists", job({ app: "nginx_v1" }, undefined), job({ name: "nginx" }, undefined), job({ name: "nginx" }, undefined)],
    ])("%s", (_n, desired, observed, want) => expect(retainNative(desired, observed)).toEqual(want));
  });

  it("Test_retainPodFields: retain observed pod fields", () => {
    const vm = (name: string, path: string, readOnly: boolean) => [{ name, mountPath: path, ...(readOnly ? { readOnly } : {}) }];
    const pod = (spec: Obj) => k({ apiVersion: "v1", kind: "Pod", metadata: {}, spec });
    const desired = pod({
      nodeName: "node2",
      serviceAccountName: "fake-desired-sa",
      volumes: [{ name: "fake-desired-volume", secret: { secretName: "fake-desired-secret" } }],
      initContainers: [
        { name: "test", volumeMounts: vm("fake-desired-config", "/etc/etcd/desired", false) },
        { name: "test-3", volumeMounts: vm("fake-desired-config-2", "/etc/etcd/desired2", false) },
      ],
      containers: [
        { name: "test", volumeMounts: vm("fake-desired-cert", "/etc/karmada/desired", true) },
        { name: "test-3", volumeMounts: vm("fake-desired-cert-2", "/etc/karmada/desired2", true) },
      ],
    });
    const observed = pod({
      nodeName: "node1",
      serviceAccountName: "fake-observed-sa",
      volumes: [{ name: "fake-observed-volume", secret: { secretName: "fake-observed-secret" } }],
      initContainers: [
        { name: "test", volumeMounts: vm("fake-observed-config", "/etc/etcd/observed", false) },
        { name: "test-2", volumeMounts: vm("fake-observed-config-2", "/etc/etcd/observed2", false) },
      ],
      containers: [
        { name: "test", volumeMounts: vm("fake-observed-cert", "/etc/karmada/observed", true) },
        { name: "test-2", volumeMounts: vm("fake-observed-cert-2", "/etc/karmada/observed2", true) },
      ],
    });
    expect(retainNative(desired, observed)).toEqual(
      pod({
        nodeName: "node1",
        serviceAccountName: "fake-observed-sa",
        volumes: [{ name: "fake-observed-volume", secret: { secretName: "fake-observed-secret" } }],
        initContainers: [
          { name: "test", volumeMounts: vm("fake-observed-config", "/etc/etcd/observed", false) },
          { name: "test-3", volumeMounts: vm("fake-desired-config-2", "/etc/etcd/desired2", false) },
        ],
        containers: [
          { name: "test", volumeMounts: vm("fake-observed-cert", "/etc/karmada/observed", true) },
          { name: "test-3", volumeMounts: vm("fake-desired-cert-2", "/etc/karmada/desired2", true) },
        ],
      }),
    );
  });

  // lifted.RetainServiceFields (pkg/util/lifted/retain.go; no table in retain_test.go).
  it("Service: live clusterIP and healthCheckNodePort overwrite the desired ones; clusterIPs are not retained", () => {
    const svc = (spec: Obj) => k({ apiVersion: "v1", kind: "Service", metadata: {}, spec });
    expect(retainNative(svc({ type: "ClusterIP", clusterIP: "10.0.0.9" }), svc({ clusterIP: "10.0.0.1", clusterIPs: ["10.0.0.1"], healthCheckNodePort: 30001 }))).toEqual(
      svc({ type: "ClusterIP", clusterIP: "10.0.0.1", healthCheckNodePort: 30001 }),
    );
    expect(retainNative(svc({ clusterIP: "10.0.0.9" }), svc({ clusterIP: "", healthCheckNodePort: 0 }))).toEqual(svc({ clusterIP: "10.0.0.9" }));
  });
  it("ServiceAccount: desired secrets first, then the live ones it lacks", () => {
    const sa = (o: Obj) => k({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "sa" }, ...o });
    expect(retainNative(sa({ secrets: [{ name: "a" }] }), sa({ secrets: [{ name: "b" }, { name: "a" }], imagePullSecrets: [{ name: "p" }] }))).toEqual(
      sa({ secrets: [{ name: "a" }, { name: "b" }], imagePullSecrets: [{ name: "p" }] }),
    );
  });

  it("Test_getAllDefaultRetentionInterpreter: only apps/v1 Deployment retains replicas", () => {
    const sts = k({ apiVersion: "apps/v1", kind: "StatefulSet", metadata: { labels: retainLabel }, spec: { replicas: 2 } });
    expect(retainNative(sts, k({ apiVersion: "apps/v1", kind: "StatefulSet", metadata: {}, spec: { replicas: 5 } })).spec).toEqual({ replicas: 2 });
  });
});

// Ported from Karmada's pkg/resourceinterpreter/default/native/revisereplica_test.go (8 cases). The
// four "accessor error, expected int64" cases are Go typing (int vs int64) and have no JSON analogue.
describe("revisereplica_test.go", () => {
  it.each<[string, string, string, string]>([
    ["revise deployment replica", "apps/v1", "Deployment", "replicas"],
    ["revise replicaset replica", "apps/v1", "ReplicaSet", "replicas"],
    ["revise job parallelism", "batch/v1", "Job", "parallelism"],
    ["revise statefulset replica", "apps/v1", "StatefulSet", "replicas"],
  ])("%s", (_n, apiVersion, kind, field) => {
    const obj = k({ apiVersion, kind, metadata: { name: "fake" }, spec: { [field]: 1 } });
    expect(reviseReplica(obj, 3)).toEqual(k({ apiVersion, kind, metadata: { name: "fake" }, spec: { [field]: 3 } }));
    expect(obj.spec).toEqual({ [field]: 1 });
  });
  it("helper.ApplyReplica writes only a field that exists", () => {
    const obj = k({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "fake" }, spec: {} });
    expect(reviseReplica(obj, 3)).toEqual(obj);
  });
  it("TestGetAllDefaultReviseReplicaInterpreter", () => {
    for (const [apiVersion, kind] of [
      ["apps/v1", "Deployment"],
      ["apps/v1", "ReplicaSet"],
      ["apps/v1", "StatefulSet"],
      ["batch/v1", "Job"],
    ])
      expect(hasReviseReplica({ apiVersion, kind })).toBe(true);
    expect(hasReviseReplica({ apiVersion: "apps/v1", kind: "DaemonSet" })).toBe(false);
  });
});
