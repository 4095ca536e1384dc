import type { ClusterStatus, Cluster } from "../../kube/karmada";
import type { Condition } from "../../kube/types";
import type { HealthProbe } from "../../members/health";
import type { DiscoveryResult } from "../../members/discovery";
import type { MemberClient, VersionInfo } from "../../members/member-client";
import { nodeSummary, resourceSummary, type NodeLike, type PodLike } from "../../members/summaries";
import type { MemberStatusCache, MemberSummaries } from "./member-status-cache";

/** Karmada's Ready reasons (cluster status controller, cluster controller). */
export const ReadyReason = {
  ClusterReady: "ClusterReady",
  ClusterNotReady: "ClusterNotReady",
  ClusterNotReachable: "ClusterNotReachable",
  StatusCollectionFailed: "StatusCollectionFailed",
} as const;

export type ConditionTemplate = Omit<Condition, "lastTransitionTime">;

/** Karmada's generateReadyCondition over a health probe (messages are the probe's, verbatim). */
export function readyConditionFor(probe: Pick<HealthProbe, "online" | "healthy" | "message">): ConditionTemplate {
  if (!probe.online) return { type: "Ready", status: "False", reason: ReadyReason.ClusterNotReachable, message: probe.message };
  if (!probe.healthy) return { type: "Ready", status: "False", reason: ReadyReason.ClusterNotReady, message: probe.message };
  return { type: "Ready", status: "True", reason: ReadyReason.ClusterReady, message: probe.message };
}

/** Ready=False when no client could be built for the member (bad or missing credentials). */
export function statusCollectionFailed(message: string): ConditionTemplate {
  return { type: "Ready", status: "False", reason: ReadyReason.StatusCollectionFailed, message: `failed to create a ClusterClient: ${message}` };
}

/** What one collection found, to merge into the Cluster's status. */
export interface CollectedStatus {
  fields: Pick<ClusterStatus, "kubernetesVersion" | "apiEnablements" | "nodeSummary" | "resourceSummary">;
  apiEnablementsCondition: ConditionTemplate;
  /** Version and discovery as fetched, for reuse by the next collections. */
  identity: MemberIdentity;
}

/** The slow-changing part of a member's status: version and discovery (the costliest calls). */
export interface MemberIdentity {
  version?: VersionInfo;
  discovery?: DiscoveryResult;
}

/** Where a collection reads Nodes and Pods from. */
export interface NodePodSource {
  /** The member's watch cache; without one (or while it is not fresh) the member is LISTed. */
  cache?: MemberStatusCache;
  /** How long to wait for a cache's first lists. Default 0. */
  syncWaitMs?: number;
}

/**
 * Karmada's setCurrentClusterStatus for a ready member: version, API enablements with the
 * CompleteAPIEnablements condition (Complete / Partial / Empty), node and resource summaries
 * (with allocatable modelings from spec.resourceModels). A failing version or list leaves its
 * field empty rather than failing the whole collection, as Karmada does (it also replaces
 * apiEnablements with the empty result when discovery fails, so they are cleared here too).
 * `known` skips the version and discovery calls (the caller refreshes them on its own, slower
 * rhythm). Nodes and pods come from `from.cache` when it is fresh (Karmada's listers); while
 * its first lists are under way the summaries already published stay; without a cache or
 * while it is stale, from a LIST of each.
 */
export async function collectClusterStatus(member: MemberClient, cluster: Cluster, known?: MemberIdentity, from: NodePodSource = {}): Promise<CollectedStatus> {
  const [version, discovery, summaries] = await Promise.all([
    known ? known.version : member.version().catch(() => undefined),
    known ? known.discovery : member.discoveryDetailed().catch(() => undefined),
    summariesOf(member, cluster, from),
  ]);
  const apiEnablements = discovery?.apiEnablements ?? [];
  let apiEnablementsCondition: ConditionTemplate;
  if (apiEnablements.length === 0) {
    apiEnablementsCondition = { type: "CompleteAPIEnablements", status: "False", reason: "Empty", message: "collected empty APIEnablements from the cluster" };
  } else if (!discovery?.complete) {
    apiEnablementsCondition = { type: "CompleteAPIEnablements", status: "False", reason: "Partial", message: `might collect partial APIEnablements(${apiEnablements.length}) from the cluster` };
  } else {
    apiEnablementsCondition = { type: "CompleteAPIEnablements", status: "True", reason: "Complete", message: "collected complete APIEnablements from the cluster" };
  }
  const fields: CollectedStatus["fields"] = {};
  if (summaries.nodeSummary) fields.nodeSummary = summaries.nodeSummary;
  if (summaries.resourceSummary) fields.resourceSummary = summaries.resourceSummary;
  if (version?.gitVersion) fields.kubernetesVersion = version.gitVersion;
  if (apiEnablements.length > 0) fields.apiEnablements = apiEnablements;
  return { fields, apiEnablementsCondition, identity: { version, discovery } };
}

async function summariesOf(member: MemberClient, cluster: Cluster, from: NodePodSource): Promise<Partial<MemberSummaries>> {
  const models = cluster.spec?.resourceModels;
  const state = from.cache ? await from.cache.ready(from.syncWaitMs ?? 0) : "stale";
  if (state === "fresh") return from.cache!.summaries(models);
  // The informers are still on their first lists: the last published summaries stay until they land.
  if (state === "syncing") return { nodeSummary: cluster.status?.nodeSummary, resourceSummary: cluster.status?.resourceSummary };
  const [nodes, pods] = await Promise.all([member.listNodes().catch(() => [] as NodeLike[]), member.listPods().catch(() => [] as PodLike[])]);
  return { nodeSummary: nodeSummary(nodes as NodeLike[]), resourceSummary: resourceSummary(nodes as NodeLike[], pods as PodLike[], models) };
}
