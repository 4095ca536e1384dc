import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../types";
import { clusterResourceBindingDescriptor, resourceBindingDescriptor, workDescriptor } from "./binding";
import { ANNOTATION_MANAGED_ANNOTATIONS, ANNOTATION_MANAGED_LABELS, LABEL_CRB_PERMANENT_ID, LABEL_RB_PERMANENT_ID, LABEL_WORK_PERMANENT_ID } from "../../karmada";
import { withUpdateBaseline } from "../../validation/update-baseline";

const ts = "2024-01-01T00:00:00Z";

describe("ResourceBinding / ClusterResourceBinding / Work", () => {
  it("prints SCHEDULED and FULLYAPPLIED from conditions", () => {
    const rb: KubeObject = {
      apiVersion: "work.karmada.io/v1alpha2",
      kind: "ResourceBinding",
      metadata: { name: "nginx-deployment", namespace: "default", creationTimestamp: ts },
      spec: { resource: { apiVersion: "apps/v1", kind: "Deployment", name: "nginx" } },
      status: { conditions: [{ type: "FullyApplied", status: "False" }, { type: "Scheduled", status: "True" }] },
    };
    const d = resourceBindingDescriptor();
    expect(d.columns!.map((c) => [c.name, c.cell(rb)])).toEqual([["SCHEDULED", "True"], ["FULLYAPPLIED", "False"], ["AGE", ts]]);
    expect(clusterResourceBindingDescriptor().namespaced).toBe(false);
  });

  it("stamps a permanent id and validates spec.resource", () => {
    const d = resourceBindingDescriptor();
    const rb: KubeObject = { apiVersion: "work.karmada.io/v1alpha2", kind: "ResourceBinding", metadata: { name: "x", namespace: "default" }, spec: { resource: { kind: "Deployment" } } };
    d.applyDefaults!(rb);
    expect(rb.metadata.labels?.[LABEL_RB_PERMANENT_ID]).toBeTruthy();
    expect(d.validate!(rb).map((c) => c.field)).toEqual(expect.arrayContaining(["spec.resource.apiVersion", "spec.resource.name"]));
  });

  it("Work prints the first manifest kind and APPLIED; manifests keep unknown fields", () => {
    const d = workDescriptor();
    const manifest = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "n" }, spec: { replicas: 2, anything: { x: 1 } } };
    const work: KubeObject = {
      apiVersion: "work.karmada.io/v1alpha1",
      kind: "Work",
      metadata: { name: "n-1", namespace: "karmada-es-m1", creationTimestamp: ts },
      spec: { workload: { manifests: [manifest, { kind: "Service" }] } },
      status: { conditions: [{ type: "Applied", status: "True", reason: "AppliedSuccessful", message: "ok", lastTransitionTime: ts }] },
    };
    d.applyDefaults!(work);
    expect(work.metadata.labels?.[LABEL_WORK_PERMANENT_ID]).toBeTruthy();
    const id = work.metadata.labels![LABEL_WORK_PERMANENT_ID];
    expect((work.spec as { workload: { manifests: unknown[] } }).workload.manifests[0]).toEqual({
      ...manifest,
      metadata: {
        name: "n",
        labels: { [LABEL_WORK_PERMANENT_ID]: id },
        annotations: { [ANNOTATION_MANAGED_ANNOTATIONS]: `${ANNOTATION_MANAGED_ANNOTATIONS},${ANNOTATION_MANAGED_LABELS}`, [ANNOTATION_MANAGED_LABELS]: LABEL_WORK_PERMANENT_ID },
      },
    });
    expect(d.columns!.map((c) => c.cell(work))).toEqual(["Deployment", "True", ts]);
    expect(d.validate!(work)).toEqual([]);
  });
});

// pkg/webhook/resourcebinding/validating_test.go TestValidatingAdmission_Handle: the dependencies
// annotation cases. The FederatedResourceQuota and component cases run behind the alpha gates
// FederatedQuotaEnforcement and MultiplePodTemplatesScheduling (off by default, not served here):
// with the gates off Karmada allows them, and so do we.
describe("ResourceBinding validating webhook", () => {
  const d = resourceBindingDescriptor();
  const rb = (annotations?: Record<string, string>, spec: Record<string, unknown> = {}): KubeObject => {
    const o: KubeObject = {
      apiVersion: "work.karmada.io/v1alpha2",
      kind: "ResourceBinding",
      metadata: { name: "rb", namespace: "default", ...(annotations ? { annotations } : {}) },
      spec: { resource: { apiVersion: "apps/v1", kind: "Deployment", name: "d" }, ...spec },
    };
    d.applyDefaults!(o);
    return o;
  };
  const messages = (o: KubeObject) => d.validate!(o).map((c) => `${c.field}: ${c.message}`);

  it.each<[string, Record<string, string> | undefined, string[]]>([
    ["valid dependencies annotation should be allowed", { "resourcebinding.karmada.io/dependencies": '[{"apiVersion":"v1","kind":"ConfigMap","namespace":"default","name":"my-config"}]' }, []],
    [
      "invalid dependencies annotation should be denied",
      { "resourcebinding.karmada.io/dependencies": "invalid-json-string" },
      ['metadata.annotations.resourcebinding.karmada.io/dependencies: Invalid value: "invalid-json-string": annotation value must be a valid JSON'],
    ],
    ["no dependencies annotation should be allowed", undefined, []],
    // json.Unmarshal into a slice: an object does not decode, null does.
    ["an object is no dependency list", { "resourcebinding.karmada.io/dependencies": "{}" }, ['metadata.annotations.resourcebinding.karmada.io/dependencies: Invalid value: "{}": annotation value must be a valid JSON']],
    ["null decodes", { "resourcebinding.karmada.io/dependencies": "null" }, []],
  ])("%s", (_n, annotations, want) => {
    expect(messages(rb(annotations))).toEqual(want);
  });

  it("validateComponents (gate MultiplePodTemplatesScheduling off): empty or duplicate component names are allowed", () => {
    expect(messages(rb(undefined, { components: [{ name: "foo", replicas: 1 }, { name: "foo", replicas: 1 }] }))).toEqual([]);
  });
});

// pkg/webhook/resourcebinding/mutating_test.go and clusterresourcebinding/mutating_test.go
// TestMutatingAdmission_Handle_FullCoverage: the permanent id is the only change.
describe.each([
  ["ResourceBinding", resourceBindingDescriptor, LABEL_RB_PERMANENT_ID, "default"],
  ["ClusterResourceBinding", clusterResourceBindingDescriptor, LABEL_CRB_PERMANENT_ID, undefined],
])("%s mutating webhook", (kind, descriptor, label, namespace) => {
  const d = descriptor();
  const make = (labels?: Record<string, string>): KubeObject => ({
    apiVersion: "work.karmada.io/v1alpha2",
    kind,
    metadata: { name: "test-binding", ...(namespace ? { namespace } : {}), ...(labels ? { labels } : {}) },
    spec: { resource: { apiVersion: "apps/v1", kind: "Deployment", name: "d" } },
  });
  it("sets the permanent id when missing or empty", () => {
    for (const labels of [undefined, { [label]: "" }]) {
      const o = make(labels);
      d.applyDefaults!(o);
      expect(o.metadata.labels?.[label]).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
  it("keeps an existing permanent id (set only when empty)", () => {
    const o = make({ [label]: "keep" });
    d.applyDefaults!(o);
    expect(o.metadata.labels?.[label]).toBe("keep");
  });
});

// pkg/webhook/work/mutating_test.go TestMutatingAdmission_Handle_FullCoverage.
describe("Work mutating webhook", () => {
  const d = workDescriptor();
  const deployment = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: {
      name: "test-deployment",
      namespace: "test-namespace",
      creationTimestamp: "2024-01-01T12:00:00Z",
      deletionGracePeriodSeconds: 30,
      generation: 2,
      managedFields: [{ manager: "kube-controller-manager", operation: "Apply", apiVersion: "apps/v1" }],
      resourceVersion: "123456",
      selfLink: "/apis/apps/v1/namespaces/test-namespace/deployments/test-deployment",
      uid: "abcd-1234-efgh-5678",
      ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "owner-deployment", uid: "owner-uid-1234" }],
      finalizers: ["foregroundDeletion"],
      labels: {},
    },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: "test" } },
      template: { metadata: { labels: { app: "test" } }, spec: { containers: [{ name: "nginx", image: "nginx:stable-alpine-perl", ports: [{ containerPort: 80 }] }] } },
    },
    status: {},
  };
  const work = (): KubeObject => ({
    apiVersion: "work.karmada.io/v1alpha1",
    kind: "Work",
    metadata: { name: "test-work", namespace: "test-namespace", labels: {} },
    spec: { workload: { manifests: [structuredClone(deployment)] } },
  });

  it("prunes server-owned fields and records the managed labels and annotations", () => {
    const w = work();
    d.applyDefaults!(w);
    const id = w.metadata.labels![LABEL_WORK_PERMANENT_ID];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((w.spec as { workload: { manifests: unknown[] } }).workload.manifests).toEqual([
      {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: {
          name: "test-deployment",
          namespace: "test-namespace",
          annotations: { [ANNOTATION_MANAGED_ANNOTATIONS]: `${ANNOTATION_MANAGED_ANNOTATIONS},${ANNOTATION_MANAGED_LABELS}`, [ANNOTATION_MANAGED_LABELS]: LABEL_WORK_PERMANENT_ID },
          labels: { [LABEL_WORK_PERMANENT_ID]: id },
        },
        spec: deployment.spec,
      },
    ]);
  });

  it("is idempotent, and an update leaves manifests it shares with the stored Work alone", () => {
    const w = work();
    d.applyDefaults!(w);
    const again = structuredClone(w);
    d.applyDefaults!(again);
    expect(again).toEqual(w);
    const updated: KubeObject = { ...w, metadata: { ...w.metadata } };
    withUpdateBaseline(w, () => d.applyDefaults!(updated));
    expect((updated.spec as { workload: { manifests: unknown[] } }).workload.manifests[0]).toBe((w.spec as { workload: { manifests: unknown[] } }).workload.manifests[0]);
  });
});
