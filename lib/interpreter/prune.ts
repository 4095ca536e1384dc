import type { KubeObject } from "../kube/types";
import { asObj, gvk, str, type Obj } from "./object-access";
import { cloneJson } from "../store/json-clone";

const SERVER_OWNED_META = ["creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "managedFields", "resourceVersion", "selfLink", "uid", "ownerReferences", "finalizers"] as const;

const DEPLOYMENT_REVISION_ANNOTATIONS = ["deployment.kubernetes.io/revision", "deployment.kubernetes.io/desired-replicas", "deployment.kubernetes.io/max-replicas"];
const JOB_GENERATED_LABELS = ["controller-uid", "batch.kubernetes.io/controller-uid", "job-name", "batch.kubernetes.io/job-name"];

/**
 * The manifest a Work carries (Karmada's prune.RemoveIrrelevantFields): a copy of the template
 * without server-owned metadata and status, plus per kind: Deployment revision annotations;
 * Job ttlSecondsAfterFinished, its generated selector and pod-template labels (unless
 * manualSelector); ServiceAccount token secrets; Service clusterIP/clusterIPs unless headless;
 * service-account-token Secret data; a PVC's bound volumeName. The template is not mutated.
 */
export function pruneForWork<T extends KubeObject>(template: T): T {
  const out = cloneJson(template);
  const meta = out.metadata as Record<string, unknown>;
  for (const k of SERVER_OWNED_META) delete meta[k];
  delete (out as KubeObject).status;
  const spec = out.spec && typeof out.spec === "object" ? (out.spec as Obj) : undefined;
  switch (gvk(out)) {
    case "apps/v1/Deployment":
      deleteKeys(out.metadata.annotations, DEPLOYMENT_REVISION_ANNOTATIONS);
      break;
    case "batch/v1/Job":
      if (spec) pruneJob(spec);
      break;
    case "v1/ServiceAccount":
      pruneServiceAccount(out as KubeObject & Obj);
      break;
    case "v1/Service":
      if (spec && spec.clusterIP !== "None") {
        delete spec.clusterIP;
        delete spec.clusterIPs;
      }
      break;
    case "v1/Secret":
      if ((out as Obj).type === "kubernetes.io/service-account-token") delete (out as Obj).data;
      break;
    case "v1/PersistentVolumeClaim":
      if (spec) delete spec.volumeName;
      break;
  }
  cleanEmpty(out.metadata as Obj, ["labels", "annotations"]);
  return out;
}

function pruneJob(spec: Obj): void {
  delete spec.ttlSecondsAfterFinished;
  if (spec.manualSelector === true) return;
  const selector = asObj(spec.selector);
  deleteKeys(asObj(selector.matchLabels) as Record<string, string>, JOB_GENERATED_LABELS);
  if (Object.keys(asObj(selector.matchLabels)).length === 0) delete spec.selector;
  const tplMeta = asObj(asObj(spec.template).metadata);
  deleteKeys(tplMeta.labels as Record<string, string> | undefined, JOB_GENERATED_LABELS);
}

/** Drops the auto-created `<sa>-token-*` secret references (Karmada keeps user-listed ones). */
function pruneServiceAccount(sa: KubeObject & Obj): void {
  const prefix = `${sa.metadata.name}-token-`;
  if (!Array.isArray(sa.secrets)) return;
  const kept = (sa.secrets as unknown[]).filter((s) => !str(asObj(s).name).startsWith(prefix));
  if (kept.length) sa.secrets = kept;
  else delete sa.secrets;
}

function deleteKeys(map: Record<string, string> | undefined, keys: readonly string[]): void {
  if (!map) return;
  for (const k of keys) delete map[k];
}

function cleanEmpty(meta: Obj, keys: string[]): void {
  for (const k of keys) if (meta[k] && Object.keys(asObj(meta[k])).length === 0) delete meta[k];
}
