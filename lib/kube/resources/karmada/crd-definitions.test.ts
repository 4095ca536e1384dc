import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../types";
import type { JSONSchemaProps } from "../../validation/schema-types";
import { descriptorsFromCRD } from "../crd-descriptors";
import { karmadaCRDObjects } from "./crd-definitions";
import { karmadaCRDs } from "./crds";

interface Row {
  name: string;
  kind: string;
  version: string;
  scope: string;
  shortNames?: string[];
  categories?: string[];
  status: boolean;
  columns: string[];
}

// Facts from the kubebuilder resource/printcolumn/subresource markers of Karmada's API types.
const POLICY_COLS = ["CONFLICT-RESOLUTION", "PRIORITY", "AGE"];
const BINDING_COLS = ["SCHEDULED", "FULLYAPPLIED", "AGE"];
const table: Row[] = [
  { name: "propagationpolicies.policy.karmada.io", kind: "PropagationPolicy", version: "v1alpha1", scope: "Namespaced", shortNames: ["pp"], categories: ["karmada-io"], status: false, columns: POLICY_COLS },
  { name: "clusterpropagationpolicies.policy.karmada.io", kind: "ClusterPropagationPolicy", version: "v1alpha1", scope: "Cluster", shortNames: ["cpp"], categories: ["karmada-io"], status: false, columns: POLICY_COLS },
  { name: "overridepolicies.policy.karmada.io", kind: "OverridePolicy", version: "v1alpha1", scope: "Namespaced", shortNames: ["op"], categories: ["karmada-io"], status: false, columns: [] },
  { name: "clusteroverridepolicies.policy.karmada.io", kind: "ClusterOverridePolicy", version: "v1alpha1", scope: "Cluster", shortNames: ["cop"], categories: ["karmada-io"], status: false, columns: [] },
  { name: "clustertaintpolicies.policy.karmada.io", kind: "ClusterTaintPolicy", version: "v1alpha1", scope: "Cluster", status: false, columns: [] },
  { name: "resourcebindings.work.karmada.io", kind: "ResourceBinding", version: "v1alpha2", scope: "Namespaced", shortNames: ["rb"], categories: ["karmada-io"], status: true, columns: BINDING_COLS },
  { name: "clusterresourcebindings.work.karmada.io", kind: "ClusterResourceBinding", version: "v1alpha2", scope: "Cluster", shortNames: ["crb"], categories: ["karmada-io"], status: true, columns: BINDING_COLS },
  { name: "works.work.karmada.io", kind: "Work", version: "v1alpha1", scope: "Namespaced", shortNames: ["wk"], categories: ["karmada-io"], status: true, columns: ["WORKLOAD-KIND", "APPLIED", "AGE"] },
];

type CRDSpec = { group: string; scope: string; names: Record<string, unknown>; versions: Record<string, unknown>[] };
const spec = (c: KubeObject) => c.spec as unknown as CRDSpec;

describe("karmadaCRDObjects", () => {
  const crds = karmadaCRDObjects();

  it("lists the eight Karmada CRD kinds in a stable order", () => {
    expect(crds.map((c) => c.metadata.name)).toEqual(table.map((r) => r.name));
  });

  it.each(table)("$kind: names, scope, storage version, subresources and columns", (row) => {
    const crd = crds.find((c) => c.metadata.name === row.name)!;
    const s = spec(crd);
    expect(crd).toMatchObject({ apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition" });
    expect(`${s.names.plural}.${s.group}`).toBe(row.name);
    expect(s.names).toMatchObject({ kind: row.kind, listKind: `${row.kind}List`, singular: row.kind.toLowerCase() });
    expect(s.names.shortNames).toEqual(row.shortNames);
    expect(s.names.categories).toEqual(row.categories);
    expect(s.scope).toBe(row.scope);
    expect(s.versions).toHaveLength(1);
    expect(s.versions[0]).toMatchObject({ name: row.version, served: true, storage: true });
    expect(s.versions[0].subresources !== undefined).toBe(row.status);
    const cols = (s.versions[0].additionalPrinterColumns as { name: string }[] | undefined) ?? [];
    expect(cols.map((c) => c.name)).toEqual(row.columns);
  });

  it.each(table)("$kind: the descriptor built from the CRD matches its facts", (row) => {
    const [d] = descriptorsFromCRD(crds.find((c) => c.metadata.name === row.name)!);
    expect(d).toMatchObject({ kind: row.kind, version: row.version, namespaced: row.scope === "Namespaced" });
    expect(d.subresources).toEqual({ status: row.status, scale: false });
    // Versions without printer columns fall back to kube's single Age column.
    expect(d.columns!.map((c) => c.name)).toEqual(row.columns.length ? row.columns : ["Age"]);
  });

  it("returns fresh objects: mutating one result leaves the next untouched", () => {
    const first = karmadaCRDs();
    const schema = (spec(first[0]).versions[0].schema as { openAPIV3Schema: JSONSchemaProps }).openAPIV3Schema;
    delete schema.properties!.spec;
    spec(first[0]).names.shortNames = ["x"];
    const second = karmadaCRDs();
    expect((spec(second[0]).versions[0].schema as { openAPIV3Schema: JSONSchemaProps }).openAPIV3Schema.properties!.spec).toBeDefined();
    expect(spec(second[0]).names.shortNames).toEqual(["pp"]);
  });

  it("evaluates the binding and Work printer columns like kubectl shows them", () => {
    const [rb] = descriptorsFromCRD(crds[5]);
    const [work] = descriptorsFromCRD(crds[7]);
    const binding = {
      apiVersion: "work.karmada.io/v1alpha2",
      kind: "ResourceBinding",
      metadata: { name: "b", namespace: "default" },
      spec: {},
      status: { conditions: [{ type: "FullyApplied", status: "False" }, { type: "Scheduled", status: "True" }] },
    } as KubeObject;
    expect(rb.columns!.slice(0, 2).map((c) => c.cell(binding))).toEqual(["True", "False"]);
    const w = {
      apiVersion: "work.karmada.io/v1alpha1",
      kind: "Work",
      metadata: { name: "w", namespace: "karmada-es-m1" },
      spec: { workload: { manifests: [{ kind: "Deployment" }, { kind: "Service" }] } },
    } as KubeObject;
    // kube's CRD table convertor prints the first JSONPath result only.
    expect(work.columns![0].cell(w)).toBe("Deployment");
    expect(work.columns![1].cell(w)).toBeNull();
  });
});
