import { describe, expect, it } from "vitest";
import { checkManifest, fieldPathSegments } from "./manifest-diagnostics";
import { controlPlaneDescriptors } from "../../kube/resources";

const descriptors = controlPlaneDescriptors();

const deployment = (extra = "") => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: default
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27${extra}
`;

describe("checkManifest", () => {
  it("accepts a valid Deployment", () => {
    const r = checkManifest(deployment(), descriptors);
    expect(r.diagnostics).toEqual([]);
    expect(r.descriptor?.kind).toBe("Deployment");
    expect(r.object?.metadata.name).toBe("web");
  });

  it("reports YAML syntax errors at their position and stops there", () => {
    const text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n";
    const r = checkManifest(text, descriptors);
    expect(r.object).toBeUndefined();
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics[0].severity).toBe("error");
    expect(r.diagnostics[0].from).toBeGreaterThan(text.indexOf("metadata") - 1);
  });

  it("places a validation error on the offending field", () => {
    const text = deployment().replace("replicas: 2", "replicas: -1");
    const r = checkManifest(text, descriptors);
    const d = r.diagnostics.find((x) => x.field === "spec.replicas");
    expect(d?.severity).toBe("error");
    expect(text.slice(d!.from, d!.to)).toBe("replicas: -1");
  });

  it("flags an invalid name through ObjectMeta validation", () => {
    const r = checkManifest(deployment().replace("name: web\n  namespace", "name: Web_App\n  namespace"), descriptors);
    expect(r.diagnostics.some((d) => d.field === "metadata.name" && d.severity === "error")).toBe(true);
  });

  it("requires apiVersion and kind", () => {
    const r = checkManifest("metadata:\n  name: x\n", descriptors);
    expect(r.diagnostics.map((d) => d.field).sort()).toEqual(["apiVersion", "kind"]);
  });

  it("warns (not errors) on kinds it does not know", () => {
    const r = checkManifest("apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n", descriptors);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0].severity).toBe("warning");
  });

  it("validates Karmada kinds with their own rules", () => {
    const text = `apiVersion: policy.karmada.io/v1alpha1
kind: PropagationPolicy
metadata:
  name: pp
  namespace: default
spec:
  resourceSelectors: []
`;
    const r = checkManifest(text, descriptors);
    expect(r.diagnostics.some((d) => d.severity === "error" && d.field?.startsWith("spec.resourceSelectors"))).toBe(true);
  });

  it("warns on unknown fields of a schema'd kind", () => {
    const text = `apiVersion: policy.karmada.io/v1alpha1
kind: PropagationPolicy
metadata:
  name: pp
  namespace: default
spec:
  bogus: 1
  resourceSelectors:
    - apiVersion: apps/v1
      kind: Deployment
`;
    const r = checkManifest(text, descriptors);
    const d = r.diagnostics.find((x) => x.field === "spec.bogus");
    expect(d?.severity).toBe("warning");
    expect(text.slice(d!.from, d!.to)).toBe("bogus: 1");
  });

  it("rejects an empty document and a non-mapping", () => {
    expect(checkManifest("", descriptors).diagnostics[0].message).toMatch(/empty/);
    expect(checkManifest("- a\n- b\n", descriptors).diagnostics[0].message).toMatch(/mapping/);
  });
});

describe("fieldPathSegments", () => {
  it.each([
    ["spec.replicas", ["spec", "replicas"]],
    ["spec.template.spec.containers[0].image", ["spec", "template", "spec", "containers", 0, "image"]],
    ["metadata.labels[app.kubernetes.io/name]", ["metadata", "labels", "app.kubernetes.io/name"]],
  ])("%s", (field, want) => expect(fieldPathSegments(field)).toEqual(want));
});
