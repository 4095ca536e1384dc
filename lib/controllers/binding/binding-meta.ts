import type { KubeObject } from "../../kube/types";
import type { ResourceBinding, TargetCluster, Work } from "../../kube/karmada";
import type { Informer } from "../runtime/informer";
import {
  ANNOTATION_CRB_NAME,
  ANNOTATION_RB_NAME,
  ANNOTATION_RB_NAMESPACE,
  LABEL_CRB_PERMANENT_ID,
  LABEL_RB_PERMANENT_ID,
  WORK_V1ALPHA2,
} from "../../kube/karmada";

/** Finalizers Karmada puts on bindings and Works (karmada-api.md §5, §6). */
export const FINALIZER_BINDING = "karmada.io/binding-controller";
export const FINALIZER_CLUSTER_BINDING = "karmada.io/cluster-resource-binding-controller";
export const FINALIZER_EXECUTION = "karmada.io/execution-controller";

export type BindingKind = "ResourceBinding" | "ClusterResourceBinding";

/** The binding kind for a template: namespaced templates get a ResourceBinding, others a ClusterResourceBinding. */
export function bindingKindFor(template: Pick<KubeObject, "metadata">): BindingKind {
  return template.metadata.namespace ? "ResourceBinding" : "ClusterResourceBinding";
}

export function bindingFinalizer(kind: BindingKind): string {
  return kind === "ResourceBinding" ? FINALIZER_BINDING : FINALIZER_CLUSTER_BINDING;
}

/** The permanent-id label key of a binding kind. */
export function bindingIdLabel(kind: BindingKind): string {
  return kind === "ResourceBinding" ? LABEL_RB_PERMANENT_ID : LABEL_CRB_PERMANENT_ID;
}

/** The binding's permanent id (its label; the uid when a webhook has not stamped one). */
export function bindingId(b: ResourceBinding): string {
  return b.metadata.labels?.[bindingIdLabel(b.kind)] ?? b.metadata.uid ?? "";
}

/** Annotations that point from a Work (and its manifest) back to its binding. */
export function bindingRefAnnotations(b: ResourceBinding): Record<string, string> {
  if (b.kind === "ClusterResourceBinding") return { [ANNOTATION_CRB_NAME]: b.metadata.name ?? "" };
  return { [ANNOTATION_RB_NAMESPACE]: b.metadata.namespace ?? "", [ANNOTATION_RB_NAME]: b.metadata.name ?? "" };
}

/** Which binding a Work belongs to, from its annotations (undefined for Works of other owners). */
export function bindingOfWork(work: KubeObject): { kind: BindingKind; namespace?: string; name: string } | undefined {
  const a = work.metadata.annotations ?? {};
  if (a[ANNOTATION_RB_NAME]) return { kind: "ResourceBinding", namespace: a[ANNOTATION_RB_NAMESPACE], name: a[ANNOTATION_RB_NAME] };
  if (a[ANNOTATION_CRB_NAME]) return { kind: "ClusterResourceBinding", name: a[ANNOTATION_CRB_NAME] };
  return undefined;
}

export const BINDING_API_VERSION = WORK_V1ALPHA2;

/**
 * Clusters whose Works the binding keeps (Karmada's ObtainBindingSpecExistingClusters,
 * karmada-api.md §7.4): spec.clusters, clusters named in requiredBy, and eviction-task clusters
 * whose purgeMode is not Directly (their Work stays until the task ends). A Work elsewhere is an
 * orphan; FullyApplied expects exactly these. First occurrence wins.
 */
export function targetClusters(b: ResourceBinding): TargetCluster[] {
  const out = new Map<string, TargetCluster>();
  for (const c of mergeTargetClusters(b)) out.set(c.name, c);
  for (const t of b.spec.gracefulEvictionTasks ?? []) {
    if (t.purgeMode === "Directly" || out.has(t.fromCluster)) continue;
    out.set(t.fromCluster, { name: t.fromCluster, replicas: t.replicas ?? 0 });
  }
  return [...out.values()];
}

/**
 * Clusters the binding controller renders a Work for (Karmada's mergeTargetClusters):
 * spec.clusters in order, then each cluster named only in requiredBy, with the replicas its
 * snapshot records. Eviction-task clusters are not rendered: their Work is kept as it was.
 */
export function mergeTargetClusters(b: ResourceBinding): TargetCluster[] {
  const out = new Map<string, TargetCluster>();
  for (const c of b.spec.clusters ?? []) if (!out.has(c.name)) out.set(c.name, { name: c.name, replicas: c.replicas ?? 0 });
  for (const r of b.spec.requiredBy ?? []) for (const c of r.clusters ?? []) if (!out.has(c.name)) out.set(c.name, { name: c.name, replicas: c.replicas ?? 0 });
  return [...out.values()];
}

/** Clusters whose Works must go at once (eviction tasks with purgeMode Directly). */
export function directlyEvictedClusters(b: ResourceBinding): string[] {
  return (b.spec.gracefulEvictionTasks ?? []).filter((t) => t.purgeMode === "Directly").map((t) => t.fromCluster);
}

/** Index of the Works informer: binding kind + permanent id → Works of that binding. */
export const WORKS_BY_BINDING_INDEX = "flotilla.binding-id";

/**
 * The Works of a binding, from the shared Works cache through an index on the binding's
 * permanent-id labels (added on first use). A scan of every Work per reconcile made binding
 * and status work O(Works²) at 10,000 Works.
 */
export function worksOfBinding(works: Informer<Work>, binding: ResourceBinding): Work[] {
  works.addIndexer(WORKS_BY_BINDING_INDEX, (w) => {
    const out: string[] = [];
    const rb = w.metadata.labels?.[LABEL_RB_PERMANENT_ID];
    const crb = w.metadata.labels?.[LABEL_CRB_PERMANENT_ID];
    if (rb) out.push(`ResourceBinding/${rb}`);
    if (crb) out.push(`ClusterResourceBinding/${crb}`);
    return out;
  });
  const kind = binding.kind as BindingKind;
  return works.byIndex(WORKS_BY_BINDING_INDEX, `${kind}/${bindingId(binding)}`);
}
