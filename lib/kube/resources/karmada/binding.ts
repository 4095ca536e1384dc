import type { KubeObject, StatusCause } from "../../types";
import type { ResourceDescriptor } from "../../resource-descriptor";
import {
  ANNOTATION_MANAGED_ANNOTATIONS,
  ANNOTATION_MANAGED_LABELS,
  LABEL_CRB_PERMANENT_ID,
  LABEL_RB_PERMANENT_ID,
  LABEL_WORK_PERMANENT_ID,
} from "../../karmada";
import { causes } from "../../errors";
import { pruneForWork } from "../../../interpreter/prune";
import { baselineChild, unchangedSubtree, updateBaseline } from "../../validation/update-baseline";
import { karmadaCRDDescriptor, withWebhook } from "./crds";

/** util.DependenciesAnnotationKey. */
export const ANNOTATION_DEPENDENCIES = "resourcebinding.karmada.io/dependencies";

/** Sets a random permanent-id label when absent or empty, as Karmada's binding and Work mutating webhooks do. */
export function ensurePermanentId(obj: KubeObject, label: string): void {
  if (obj.metadata.labels?.[label]) return;
  obj.metadata.labels = { ...obj.metadata.labels, [label]: globalThis.crypto.randomUUID() };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isStringOrAbsent = (v: unknown) => v === undefined || v === null || typeof v === "string";

/** Whether json.Unmarshal into []DependentObjectReference succeeds: null, or a list of objects with string fields. */
function decodesAsDependencies(text: string): boolean {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return false;
  }
  if (v === null) return true;
  if (!Array.isArray(v)) return false;
  return v.every(
    (d) =>
      d === null ||
      (isObject(d) &&
        ["apiVersion", "kind", "namespace", "name"].every((k) => isStringOrAbsent(d[k])) &&
        (d.labelSelector === undefined || d.labelSelector === null || isObject(d.labelSelector))),
  );
}

/**
 * Karmada's ResourceBinding validating webhook (pkg/webhook/resourcebinding): the dependencies
 * annotation must decode. FederatedResourceQuota enforcement (gate FederatedQuotaEnforcement) and
 * component names (gate MultiplePodTemplatesScheduling) are alpha gates, off by default, and not
 * served here.
 */
export function validateResourceBinding(obj: KubeObject): StatusCause[] {
  const deps = obj.metadata.annotations?.[ANNOTATION_DEPENDENCIES];
  if (deps === undefined || decodesAsDependencies(deps)) return [];
  return [causes.invalid(`metadata.annotations.${ANNOTATION_DEPENDENCIES}`, deps, "annotation value must be a valid JSON")];
}

/**
 * Karmada's Work mutating webhook (pkg/webhook/work): the permanent-id label, then each manifest
 * pruned (prune.RemoveIrrelevantFields with RemoveJobTTLSeconds) and labelled
 * (util.SetLabelsAndAnnotationsForWorkload: managed annotations, the Work's permanent id,
 * managed labels). Manifests an update leaves as stored were mutated when stored and are skipped.
 */
export function mutateWork(obj: KubeObject): void {
  ensurePermanentId(obj, LABEL_WORK_PERMANENT_ID);
  const workload = (obj.spec as { workload?: { manifests?: unknown[] } } | undefined)?.workload;
  if (!workload || !Array.isArray(workload.manifests)) return;
  const oldManifests = baselineChild(baselineChild(baselineChild(updateBaseline(), "spec"), "workload"), "manifests");
  const workId = obj.metadata.labels?.[LABEL_WORK_PERMANENT_ID] ?? "";
  workload.manifests = workload.manifests.map((m, i) => {
    if (!isObject(m) || unchangedSubtree(m, baselineChild(oldManifests, i))) return m;
    const pruned = pruneForWork(m as unknown as KubeObject);
    setLabelsAndAnnotationsForWorkload(pruned, workId);
    return pruned;
  });
}

function setLabelsAndAnnotationsForWorkload(workload: KubeObject, workId: string): void {
  const meta = (workload.metadata ??= {} as KubeObject["metadata"]);
  const annotations: Record<string, string> = { ...(meta.annotations ?? {}) };
  // util.RecordManagedAnnotations: every annotation key plus the two bookkeeping keys.
  const managed = new Set([ANNOTATION_MANAGED_ANNOTATIONS, ANNOTATION_MANAGED_LABELS, ...Object.keys(annotations)]);
  annotations[ANNOTATION_MANAGED_ANNOTATIONS] = [...managed].sort().join(",");
  if (workId) meta.labels = { ...(meta.labels ?? {}), [LABEL_WORK_PERMANENT_ID]: workId };
  // util.RecordManagedLabels.
  annotations[ANNOTATION_MANAGED_LABELS] = Object.keys(meta.labels ?? {}).sort().join(",");
  meta.annotations = annotations;
}

export function resourceBindingDescriptor(): ResourceDescriptor {
  return withWebhook(karmadaCRDDescriptor("ResourceBinding"), {
    mutate: (o) => ensurePermanentId(o, LABEL_RB_PERMANENT_ID),
    validate: (o) => validateResourceBinding(o),
  });
}

export function clusterResourceBindingDescriptor(): ResourceDescriptor {
  return withWebhook(karmadaCRDDescriptor("ClusterResourceBinding"), { mutate: (o) => ensurePermanentId(o, LABEL_CRB_PERMANENT_ID) });
}

export function workDescriptor(): ResourceDescriptor {
  return withWebhook(karmadaCRDDescriptor("Work"), { mutate: mutateWork });
}
