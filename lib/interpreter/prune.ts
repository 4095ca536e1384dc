import type { KubeObject } from "../kube/types";
import { asObj, str, type Obj } from "./object-access";
import { cloneJson } from "../store/json-clone";

const SERVER_OWNED_META = ["creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "managedFields", "resourceVersion", "selfLink", "uid", "ownerReferences", "finalizers"] as const;

/** k8s.io/kubectl/pkg/util/deployment RevisionAnnotation and RevisionHistoryAnnotation. */
const DEPLOYMENT_REVISION_ANNOTATIONS = ["deployment.kubernetes.io/revision", "deployment.kubernetes.io/revision-history"];
const JOB_SELECTOR_LABELS = ["controller-uid", "batch.kubernetes.io/controller-uid"];
const JOB_TEMPLATE_LABELS = ["controller-uid", "job-name", "batch.kubernetes.io/controller-uid", "batch.kubernetes.io/job-name"];
const ANNOTATION_SA_UID = "kubernetes.io/service-account.uid";
const ANNOTATION_SELECTED_NODE = "volume.kubernetes.io/selected-node";

/**
 * The manifest a Work carries (Karmada's prune.RemoveIrrelevantFields with RemoveJobTTLSeconds):
 * a copy of the template without server-owned metadata and status, plus per kind (matched by
 * kind alone, as Karmada's table is keyed): Deployment revision and revision-history annotations;
 * Job ttlSecondsAfterFinished and, unless manualSelector, the generated selector labels
 * (controller-uid) and pod-template labels (controller-uid, job-name); ServiceAccount
 * `<name>-token-*` secrets; Service clusterIP/clusterIPs when clusterIP is set and not "None";
 * service-account-token Secret data (set to null) and service-account.uid annotation; PVC
 * selected-node annotation. Emptied maps and lists stay, as Karmada writes them back. The
 * template is not mutated.
 */
export function pruneForWork<T extends KubeObject>(template: T): T {
  const out = cloneJson(template);
  const o = out as unknown as Obj;
  const meta = o.metadata && typeof o.metadata === "object" ? (o.metadata as Obj) : undefined;
  if (meta) for (const k of SERVER_OWNED_META) delete meta[k];
  delete o.status;
  const spec = o.spec && typeof o.spec === "object" ? (o.spec as Obj) : undefined;
  const annotations = meta?.annotations && typeof meta.annotations === "object" ? (meta.annotations as Obj) : undefined;
  switch (o.kind) {
    case "Deployment":
      if (annotations) for (const k of DEPLOYMENT_REVISION_ANNOTATIONS) delete annotations[k];
      break;
    case "Job":
      if (spec) pruneJob(spec);
      break;
    case "ServiceAccount":
      pruneServiceAccount(o);
      break;
    case "Service":
      if (spec && typeof spec.clusterIP === "string" && spec.clusterIP !== "None") {
        delete spec.clusterIP;
        delete spec.clusterIPs;
      }
      break;
    case "Secret":
      if (o.type === "kubernetes.io/service-account-token") {
        if (annotations) delete annotations[ANNOTATION_SA_UID];
        o.data = null;
      }
      break;
    case "PersistentVolumeClaim":
      if (annotations && str(annotations[ANNOTATION_SELECTED_NODE]) !== "") delete annotations[ANNOTATION_SELECTED_NODE];
      break;
  }
  return out;
}

function pruneJob(spec: Obj): void {
  delete spec.ttlSecondsAfterFinished;
  if (spec.manualSelector === true) return;
  const matchLabels = asObj(spec.selector).matchLabels;
  if (matchLabels && typeof matchLabels === "object") for (const k of JOB_SELECTOR_LABELS) delete (matchLabels as Obj)[k];
  const labels = asObj(asObj(spec.template).metadata).labels;
  if (labels && typeof labels === "object") for (const k of JOB_TEMPLATE_LABELS) delete (labels as Obj)[k];
}

/**
 * Drops the auto-created `<name>-token-*` secret references. Karmada's loop skips the entry after
 * each one it removes, so of two adjacent token secrets the second stays; kept here.
 */
function pruneServiceAccount(sa: Obj): void {
  if (!Array.isArray(sa.secrets) || sa.secrets.length === 0) return;
  const prefix = `${str(asObj(sa.metadata).name)}-token-`;
  const secrets = [...(sa.secrets as unknown[])];
  for (let i = 0; i < secrets.length; i++) if (str(asObj(secrets[i]).name).startsWith(prefix)) secrets.splice(i, 1);
  sa.secrets = secrets;
}
