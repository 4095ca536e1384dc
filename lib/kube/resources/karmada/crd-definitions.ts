import type { KubeObject } from "../../types";
import type { JSONSchemaProps } from "../../validation/schema-types";
import type { CRDColumn } from "../crd-descriptors";
import { clusterTaintPolicySchema, overridePolicySchema, propagationPolicySchema } from "./schemas/policy-kinds";
import { resourceBindingSchema, workSchema } from "./schemas/work-kinds";

/**
 * Karmada's CRD-defined kinds as apiextensions.k8s.io/v1 CustomResourceDefinition objects,
 * written by hand from Karmada's Go API types and their kubebuilder markers (resource names,
 * scope, short names, categories, status subresource, printer columns). Only the storage
 * version is listed: older served versions would need conversion we do not implement.
 */

/** The facts of one Karmada CRD kind, from its Go type and kubebuilder markers. */
export interface KindFacts {
  group: "policy.karmada.io" | "work.karmada.io";
  version: string;
  kind: string;
  plural: string;
  scope: "Namespaced" | "Cluster";
  shortNames?: string[];
  /** Absent on ClusterTaintPolicy, which declares no category. */
  categories?: string[];
  status?: boolean;
  columns?: CRDColumn[];
  schema: JSONSchemaProps;
}

const AGE: CRDColumn = { jsonPath: ".metadata.creationTimestamp", name: "AGE", type: "date" };
const POLICY_COLUMNS: CRDColumn[] = [
  { jsonPath: ".spec.conflictResolution", name: "CONFLICT-RESOLUTION", type: "string" },
  { jsonPath: ".spec.priority", name: "PRIORITY", type: "string" },
  AGE,
];
const BINDING_COLUMNS: CRDColumn[] = [
  { jsonPath: '.status.conditions[?(@.type=="Scheduled")].status', name: "SCHEDULED", type: "string" },
  { jsonPath: '.status.conditions[?(@.type=="FullyApplied")].status', name: "FULLYAPPLIED", type: "string" },
  AGE,
];
const WORK_COLUMNS: CRDColumn[] = [
  { jsonPath: ".spec.workload.manifests[*].kind", name: "WORKLOAD-KIND", type: "string" },
  { jsonPath: '.status.conditions[?(@.type=="Applied")].status', name: "APPLIED", type: "string" },
  AGE,
];
const KARMADA = ["karmada-io"];

const KINDS: KindFacts[] = [
  { group: "policy.karmada.io", version: "v1alpha1", kind: "PropagationPolicy", plural: "propagationpolicies", scope: "Namespaced", shortNames: ["pp"], categories: KARMADA, columns: POLICY_COLUMNS, schema: propagationPolicySchema },
  { group: "policy.karmada.io", version: "v1alpha1", kind: "ClusterPropagationPolicy", plural: "clusterpropagationpolicies", scope: "Cluster", shortNames: ["cpp"], categories: KARMADA, columns: POLICY_COLUMNS, schema: propagationPolicySchema },
  { group: "policy.karmada.io", version: "v1alpha1", kind: "OverridePolicy", plural: "overridepolicies", scope: "Namespaced", shortNames: ["op"], categories: KARMADA, schema: overridePolicySchema },
  { group: "policy.karmada.io", version: "v1alpha1", kind: "ClusterOverridePolicy", plural: "clusteroverridepolicies", scope: "Cluster", shortNames: ["cop"], categories: KARMADA, schema: overridePolicySchema },
  { group: "policy.karmada.io", version: "v1alpha1", kind: "ClusterTaintPolicy", plural: "clustertaintpolicies", scope: "Cluster", schema: clusterTaintPolicySchema },
  { group: "work.karmada.io", version: "v1alpha2", kind: "ResourceBinding", plural: "resourcebindings", scope: "Namespaced", shortNames: ["rb"], categories: KARMADA, status: true, columns: BINDING_COLUMNS, schema: resourceBindingSchema },
  { group: "work.karmada.io", version: "v1alpha2", kind: "ClusterResourceBinding", plural: "clusterresourcebindings", scope: "Cluster", shortNames: ["crb"], categories: KARMADA, status: true, columns: BINDING_COLUMNS, schema: resourceBindingSchema },
  { group: "work.karmada.io", version: "v1alpha1", kind: "Work", plural: "works", scope: "Namespaced", shortNames: ["wk"], categories: KARMADA, status: true, columns: WORK_COLUMNS, schema: workSchema },
];

/** One CustomResourceDefinition object from the facts of a kind (fresh objects on every call). */
export function crdFromFacts(f: KindFacts): KubeObject {
  const names: Record<string, unknown> = { kind: f.kind, listKind: `${f.kind}List`, plural: f.plural, singular: f.kind.toLowerCase() };
  if (f.shortNames) names.shortNames = [...f.shortNames];
  if (f.categories) names.categories = [...f.categories];
  const version: Record<string, unknown> = { name: f.version, served: true, storage: true, schema: { openAPIV3Schema: structuredClone(f.schema) } };
  if (f.columns) version.additionalPrinterColumns = f.columns.map((c) => ({ ...c }));
  if (f.status) version.subresources = { status: {} };
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `${f.plural}.${f.group}` },
    spec: { group: f.group, names, scope: f.scope, versions: [version] },
  } as KubeObject;
}

/** The CRDs of every Karmada kind Flotilla serves natively, in a stable order. */
export function karmadaCRDObjects(): KubeObject[] {
  return KINDS.map(crdFromFacts);
}
