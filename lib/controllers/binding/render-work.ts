import type { KubeObject } from "../../kube/types";
import type { Cluster, OverridePolicy, ResourceBinding, TargetCluster, Work } from "../../kube/karmada";
import {
  ANNOTATION_CONFLICT_RESOLUTION,
  ANNOTATION_MANAGED_ANNOTATIONS,
  ANNOTATION_MANAGED_LABELS,
  ANNOTATION_TEMPLATE_GENERATION,
  ANNOTATION_TEMPLATE_UID,
  ANNOTATION_WORK_NAME,
  ANNOTATION_WORK_NAMESPACE,
  LABEL_MANAGED,
  LABEL_WORK_PERMANENT_ID,
  WORK_V1ALPHA1,
  executionNamespace,
} from "../../kube/karmada";
import { divideJobCompletions, hasReviseReplica, needReviseJobCompletions, pruneForWork, reviseReplica, withJobCompletions } from "../../interpreter";
import { applyOverrides, type OverrideError } from "../../overrides";
import { workName } from "../../policies";
import { bindingId, bindingIdLabel, bindingRefAnnotations, FINALIZER_EXECUTION, mergeTargetClusters } from "./binding-meta";
import { deepEqual } from "../../apiserver/object-utils";
import { cloneJson } from "../../store/json-clone";

export interface RenderInput {
  binding: ResourceBinding;
  template: KubeObject;
  target: TargetCluster;
  /** The Cluster object (override rules match on it); a bare name when unknown. */
  cluster: Cluster;
  overridePolicies: readonly OverridePolicy[];
  clusterOverridePolicies: readonly OverridePolicy[];
  /** Existing Work, to keep its permanent id. */
  existing?: Work;
  /** Stable id for a new Work (tests pass one; default random). */
  newWorkId: string;
}

export type RenderResult = { work: Work; errors: []; appliedPolicies?: string[] } | { work?: undefined; errors: OverrideError[] };

/**
 * The Work for one target cluster (karmada-api.md §7.4, §9): pruned template, replicas forced to
 * the cluster's share, Job completions split for Divided placements, overrides applied last,
 * then Karmada's labels and annotations on the manifest and the Work. Override errors abort
 * this cluster's Work (returned, not thrown), as Karmada does.
 */
export function renderWork(input: RenderInput): RenderResult {
  const { binding, template, target } = input;
  let manifest = pruneForWork(template);
  if (isWorkload(binding) && hasReviseReplica(manifest)) manifest = reviseReplica(manifest, target.replicas ?? 0);
  if (template.kind === "Job" && needReviseJobCompletions(binding.spec.replicas ?? 0, binding.spec.placement)) {
    const share = divideJobCompletions(template, mergeTargetClusters(binding))?.find((c) => c.name === target.name);
    if (share) manifest = withJobCompletions(manifest, share.replicas ?? 0);
  }
  const ov = applyOverrides({ manifest, cluster: input.cluster, overridePolicies: input.overridePolicies, clusterOverridePolicies: input.clusterOverridePolicies });
  if (ov.errors.length) return { errors: ov.errors };
  manifest = ov.manifest;
  const ns = executionNamespace(target.name);
  const name = workName(template.metadata.namespace, template.metadata.name ?? "", template.kind);
  const workId = input.existing?.metadata.labels?.[LABEL_WORK_PERMANENT_ID] ?? input.newWorkId;
  const conflict = conflictResolution(template, binding);
  const idLabel = { [bindingIdLabel(binding.kind)]: bindingId(binding) };
  const refs = bindingRefAnnotations(binding);
  const generation = template.metadata.generation ?? 0;
  const labels: Record<string, string> = { ...(manifest.metadata.labels ?? {}), ...idLabel, [LABEL_MANAGED]: "true", [LABEL_WORK_PERMANENT_ID]: workId };
  const annotations: Record<string, string> = {
    ...(manifest.metadata.annotations ?? {}),
    ...refs,
    ...(generation > 0 ? { [ANNOTATION_TEMPLATE_GENERATION]: String(generation) } : {}),
    [ANNOTATION_TEMPLATE_UID]: template.metadata.uid ?? "",
    [ANNOTATION_WORK_NAME]: name,
    [ANNOTATION_WORK_NAMESPACE]: ns,
    [ANNOTATION_CONFLICT_RESOLUTION]: conflict,
  };
  annotations[ANNOTATION_MANAGED_LABELS] = Object.keys(labels).sort().join(",");
  annotations[ANNOTATION_MANAGED_ANNOTATIONS] = [...Object.keys(annotations), ANNOTATION_MANAGED_ANNOTATIONS].filter((k, i, a) => a.indexOf(k) === i).sort().join(",");
  manifest.metadata.labels = labels;
  manifest.metadata.annotations = annotations;
  const suspension = binding.spec.suspension;
  const suspend = suspension?.dispatching === true || (suspension?.dispatchingOnClusters?.clusterNames ?? []).includes(target.name);
  const work: Work = {
    apiVersion: WORK_V1ALPHA1,
    kind: "Work",
    metadata: {
      name,
      namespace: ns,
      labels: { ...idLabel, [LABEL_WORK_PERMANENT_ID]: workId },
      annotations: { ...refs, [ANNOTATION_CONFLICT_RESOLUTION]: conflict, ...ov.annotations },
      finalizers: [FINALIZER_EXECUTION],
    },
    spec: {
      workload: { manifests: [manifest] },
      ...(suspend ? { suspendDispatching: true } : {}),
      ...(binding.spec.preserveResourcesOnDeletion ? { preserveResourcesOnDeletion: true } : {}),
    },
  };
  // Each override policy applied, once, in the order Karmada applies (and records) them.
  const appliedPolicies = [
    ...(ov.appliedClusterOverrides ?? []).map((i) => `ClusterOverridePolicy/${i.policyName}`),
    ...(ov.appliedOverrides ?? []).map((i) => `OverridePolicy/${template.metadata.namespace}/${i.policyName}`),
  ].filter((p, i, all) => all.indexOf(p) === i);
  return { work, errors: [], appliedPolicies };
}

/**
 * Karmada's ResourceBindingSpec.IsWorkload: replicas, replica requirements or components
 * declared. Only then are the cluster's replicas written into the manifest.
 */
export function isWorkload(binding: ResourceBinding): boolean {
  const spec = binding.spec as ResourceBinding["spec"] & { components?: unknown[] };
  return (spec.replicas ?? 0) > 0 || spec.replicaRequirements != null || (spec.components?.length ?? 0) >= 1;
}

/** The template's own annotation when it is overwrite/abort, else the binding's policy value. */
export function conflictResolution(template: KubeObject, binding: ResourceBinding): "overwrite" | "abort" {
  const own = template.metadata.annotations?.[ANNOTATION_CONFLICT_RESOLUTION];
  if (own === "overwrite" || own === "abort") return own;
  return binding.spec.conflictResolution === "Overwrite" ? "overwrite" : "abort";
}

/** Whether an existing Work differs from the rendered one in anything the binding controller owns. */
export function workChanged(existing: Work, desired: Work): boolean {
  // Compared without building the merged Work: a catch-up runs this for every Work, and cloning
  // each one (manifest and status included) only to compare was most of a no-op reconcile.
  if (!(existing.metadata.finalizers ?? []).includes(FINALIZER_EXECUTION)) return true;
  const labels = existing.metadata.labels ?? {};
  return !deepEqual(labels, mergedLabels(existing, desired)) || !deepEqual(existing.metadata.annotations ?? {}, mergedAnnotations(existing, desired)) || !deepEqual(existing.spec, desired.spec);
}

/** The existing Work with the rendered labels, annotations, finalizer and spec laid over it. */
export function mergeWork(existing: Work, desired: Work): Work {
  // The spec is replaced, so it is not cloned with the rest.
  const out = cloneJson({ ...existing, spec: undefined }) as unknown as Work;
  out.metadata.labels = mergedLabels(existing, desired);
  out.metadata.annotations = mergedAnnotations(existing, desired);
  out.metadata.finalizers = [...new Set([...(existing.metadata.finalizers ?? []), FINALIZER_EXECUTION])];
  out.spec = desired.spec;
  return out;
}

function mergedLabels(existing: Work, desired: Work): Record<string, string> {
  return { ...(existing.metadata.labels ?? {}), ...desired.metadata.labels };
}

function mergedAnnotations(existing: Work, desired: Work): Record<string, string> {
  const ann = { ...(existing.metadata.annotations ?? {}) };
  // Applied-override annotations are recomputed every time: a removed policy must disappear.
  for (const k of Object.keys(ann)) if (k.startsWith("policy.karmada.io/applied-")) delete ann[k];
  return { ...ann, ...desired.metadata.annotations };
}
