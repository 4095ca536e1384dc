import type { AggregatedStatusItem, ManifestStatus, ResourceBinding, Work } from "../../kube/karmada";
import { splitApiVersion } from "../../kube/types";
import { clusterOfExecutionNamespace } from "../../kube/karmada";
import type { ConditionInput } from "../runtime/conditions";
import { targetClusters } from "../binding/binding-meta";

export const CONDITION_FULLY_APPLIED = "FullyApplied";
export const REASON_FULLY_APPLIED_SUCCESS = "FullyAppliedSuccess";
export const REASON_FULLY_APPLIED_FAILED = "FullyAppliedFailed";
export const MESSAGE_FULLY_APPLIED = "All works have been successfully applied";
export const MESSAGE_NOT_FULLY_APPLIED = "Failed to apply all works, see status.aggregatedStatus for details";

/** The template a binding points at, as Karmada's ManifestReference (apiVersion, kind, namespace, name). */
export interface ManifestRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/**
 * aggregatedStatus from the binding's Works (Karmada's assembleWorkStatus, karmada-api.md §7.7):
 * one item per non-terminating Work, sorted by cluster; not Applied (False, Unknown or no
 * condition) → applied false with the condition's message and health Unknown; applied → the
 * status and health of the manifestStatuses entry whose identifier is the template's (its
 * ordinal in the Work's manifests, group, version, kind, namespace and name), else no status
 * and health Unknown. Without `ref` the Work's first manifest stands for the template.
 */
export function aggregatedItems(works: readonly Work[], ref?: ManifestRef): AggregatedStatusItem[] {
  const items: AggregatedStatusItem[] = [];
  for (const w of works) {
    if (w.metadata.deletionTimestamp) continue;
    const clusterName = clusterOfExecutionNamespace(w.metadata.namespace ?? "");
    if (!clusterName) continue;
    const applied = w.status?.conditions?.find((c) => c.type === "Applied");
    if (applied?.status !== "True") {
      items.push({ clusterName, applied: false, ...(applied?.message ? { appliedMessage: applied.message } : {}), health: "Unknown" });
      continue;
    }
    const ms = manifestStatusOf(w, ref);
    // A matching entry's health is taken as it is (none when it has none), as Karmada does.
    if (!ms) items.push({ clusterName, applied: true, health: "Unknown" });
    else items.push({ clusterName, ...(ms.status ? { status: ms.status } : {}), applied: true, ...(ms.health ? { health: ms.health } : {}) });
  }
  return items.sort((a, b) => (a.clusterName < b.clusterName ? -1 : a.clusterName > b.clusterName ? 1 : 0));
}

/** The Work's manifestStatuses entry for the template (Karmada's GetManifestIndex + equalIdentifier). */
function manifestStatusOf(w: Work, ref: ManifestRef | undefined): ManifestStatus | undefined {
  const manifests = w.spec.workload?.manifests ?? [];
  const want = ref ?? manifests[0];
  if (!want) return undefined;
  const r = "metadata" in want ? { apiVersion: want.apiVersion, kind: want.kind, namespace: want.metadata.namespace, name: want.metadata.name ?? "" } : want;
  const ordinal = manifests.findIndex((m) => m.apiVersion === r.apiVersion && m.kind === r.kind && (m.metadata.namespace ?? "") === (r.namespace ?? "") && (m.metadata.name ?? "") === r.name);
  if (ordinal < 0) return undefined;
  const { group, version } = splitApiVersion(r.apiVersion);
  return w.status?.manifestStatuses?.find((s) => {
    const id = s.identifier;
    return (id.ordinal ?? 0) === ordinal && (id.group ?? "") === group && id.version === version && id.kind === r.kind && (id.namespace ?? "") === (r.namespace ?? "") && id.name === r.name;
  });
}

/**
 * FullyApplied (Karmada's generateFullyAppliedCondition, §5): True when the binding expects
 * some cluster, there is exactly one item per expected cluster and every item is applied; no
 * observedGeneration, as Karmada sets none.
 */
export function fullyAppliedCondition(b: ResourceBinding, items: readonly AggregatedStatusItem[]): ConditionInput {
  const expected = new Set(targetClusters(b).map((t) => t.name));
  const ok = expected.size > 0 && expected.size === items.length && items.every((i) => i.applied && expected.has(i.clusterName));
  return ok
    ? { type: CONDITION_FULLY_APPLIED, status: "True", reason: REASON_FULLY_APPLIED_SUCCESS, message: MESSAGE_FULLY_APPLIED }
    : { type: CONDITION_FULLY_APPLIED, status: "False", reason: REASON_FULLY_APPLIED_FAILED, message: MESSAGE_NOT_FULLY_APPLIED };
}

/**
 * Whether going from the written aggregatedStatus to `next` only moves rollouts along, so the
 * write may be paced: the same clusters with the same applied flags, some applied item still
 * not Healthy, and no item that was Healthy turning otherwise (a regression goes out at once,
 * as do reaching all Healthy, an apply failure and a change of clusters).
 */
export function aggregateProgressOnly(written: readonly AggregatedStatusItem[] | undefined, next: readonly AggregatedStatusItem[]): boolean {
  if (!written?.length || written.length !== next.length) return false;
  let pending = false;
  for (let i = 0; i < next.length; i++) {
    const a = written[i];
    const b = next[i];
    if (a.clusterName !== b.clusterName || a.applied !== b.applied) return false;
    if (b.health === "Healthy") continue;
    if (a.health === "Healthy") return false;
    if (b.applied) pending = true;
  }
  return pending;
}
