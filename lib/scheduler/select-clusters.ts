import type { Placement, SpreadConstraint } from "../kube/karmada";
import { type ClusterCandidate, ScheduleError } from "./framework";
import { compareCandidates } from "./candidates";
import { type GroupInfo, selectGroups } from "./select-groups";

/**
 * Spread-constraint selection (`pkg/scheduler/core/spreadconstraint`): which of the ranked
 * candidates are handed to replica assignment. Errors are plain (SchedulerError) like Karmada's.
 */

/** Karmada's group-score unit: capacity dominates, average cluster score breaks ties. */
const WEIGHT_UNIT = 1000;

/** Record of a spread-constraint decision, for explanations. */
export interface SelectionExplanation {
  mode: "all" | "cluster" | "region";
  /** Why this mode applies. */
  reason: string;
  /** Region groups considered: name, cluster count, score. */
  groups?: { name: string; clusters: number; score: number }[];
  chosenGroups?: string[];
  /** Capacity the selection had to cover (-1 when capacity is ignored). */
  needReplicas?: number;
  selected: string[];
}

/** Static-weight division (or Weighted without any preference) ignores spread constraints entirely. */
export function shouldIgnoreSpreadConstraint(placement: Placement): boolean {
  const s = placement.replicaScheduling;
  return (
    !!s &&
    s.replicaSchedulingType === "Divided" &&
    s.replicaDivisionPreference === "Weighted" &&
    (!s.weightPreference || ((s.weightPreference.staticWeightList?.length ?? 0) !== 0 && !s.weightPreference.dynamicWeight))
  );
}

function isDuplicated(placement: Placement): boolean {
  return !placement.replicaScheduling || placement.replicaScheduling.replicaSchedulingType === "Duplicated";
}

/** Karmada's `calcGroupScore` over a group's clusters (already in candidate order). */
export function calcGroupScore(clusters: readonly ClusterCandidate[], placement: Placement, replicas: number, minGroups: number): number {
  if (isDuplicated(placement)) {
    let valid = 0;
    let sumScore = 0;
    for (const c of clusters) {
      if (c.availableReplicas >= replicas) {
        valid++;
        sumScore += c.score;
      }
    }
    return valid === 0 ? 0 : valid * WEIGHT_UNIT + Math.trunc(sumScore / valid);
  }
  const target = Math.ceil(replicas / minGroups);
  let clusterMinGroups = 0;
  for (const sc of placement.spreadConstraints ?? []) if (sc.spreadByField === "cluster") clusterMinGroups = sc.minGroups ?? 0;
  if (clusterMinGroups < minGroups) clusterMinGroups = minGroups;
  let sumAvailable = 0;
  let sumScore = 0;
  let valid = 0;
  for (const c of clusters) {
    sumAvailable += c.availableReplicas;
    sumScore += c.score;
    valid++;
    if (valid >= clusterMinGroups && sumAvailable >= target) break;
  }
  if (sumAvailable < target) return sumAvailable * WEIGHT_UNIT + Math.trunc(sumScore / clusters.length);
  return target * WEIGHT_UNIT + Math.trunc(sumScore / valid);
}

/** Karmada's `selectClustersByAvailableResource`: swap low-ranked picks for bigger leftovers until capacity suffices. */
function selectByAvailableResource(candidates: readonly ClusterCandidate[], needCount: number, needReplicas: number): ClusterCandidate[] | undefined {
  const picked = candidates.slice(0, needCount);
  const rest = candidates.slice(needCount);
  const enough = () => picked.reduce((s, c) => s + c.availableReplicas, 0) >= needReplicas;
  for (let i = picked.length - 1; !enough() && i >= 0; i--) {
    let best = -1;
    let bestAvailable = picked[i].availableReplicas;
    for (let j = 0; j < rest.length; j++) {
      if (rest[j].availableReplicas > bestAvailable) {
        best = j;
        bestAvailable = rest[j].availableReplicas;
      }
    }
    if (best < 0) continue;
    [picked[i], rest[best]] = [rest[best], picked[i]];
  }
  return enough() ? picked : undefined;
}

function selectByCluster(constraint: SpreadConstraint, candidates: readonly ClusterCandidate[], needReplicas: number): ClusterCandidate[] {
  if (candidates.length < (constraint.minGroups ?? 0)) {
    throw new ScheduleError("SchedulerError", "the number of feasible clusters is less than spreadConstraint.MinGroups");
  }
  const needCount = Math.min(candidates.length, constraint.maxGroups ?? 0);
  if (needReplicas === -1) return candidates.slice(0, needCount);
  const picked = selectByAvailableResource(candidates, needCount, needReplicas);
  if (!picked || picked.length === 0) throw new ScheduleError("SchedulerError", `no enough resource when selecting ${needCount} clusters`);
  return picked;
}

/** A region with its ranked clusters and group score (Karmada's RegionInfo). */
export interface RegionGroup {
  name: string;
  score: number;
  /** In candidate order (tier asc, score desc, available desc, name asc). */
  clusters: ClusterCandidate[];
}

/** Karmada's `generateRegionInfo`: groups ranked candidates by non-empty region and scores each group. */
export function groupByRegion(candidates: readonly ClusterCandidate[], placement: Placement, replicas: number): RegionGroup[] {
  let minGroups = 0;
  for (const sc of placement.spreadConstraints ?? []) if (sc.spreadByField === "region") minGroups = sc.minGroups ?? 0;
  const regions = new Map<string, ClusterCandidate[]>();
  for (const c of candidates) {
    const region = c.cluster.spec.region;
    if (!region) continue;
    let list = regions.get(region);
    if (!list) regions.set(region, (list = []));
    list.push(c);
  }
  return [...regions].map(([name, clusters]) => ({ name, clusters, score: calcGroupScore(clusters, placement, replicas, minGroups) }));
}

/**
 * Karmada's `selectBestClustersByRegion`: choose regions by DFS (enough clusters for the cluster
 * minGroups), take each chosen region's top cluster, then fill up to the cluster maxGroups with
 * the remaining clusters of the chosen regions by rank. Throws SchedulerError when short.
 */
export function selectBestClustersByRegion(regionConstraint: SpreadConstraint, clusterConstraint: SpreadConstraint | undefined, regions: readonly RegionGroup[], explain?: SelectionExplanation): ClusterCandidate[] {
  if (explain) explain.groups = regions.map((g) => ({ name: g.name, clusters: g.clusters.length, score: g.score }));
  if (regions.length < (regionConstraint.minGroups ?? 0)) {
    throw new ScheduleError("SchedulerError", "the number of feasible region is less than spreadConstraint.MinGroups");
  }
  const groups: GroupInfo[] = regions.map((g) => ({ name: g.name, value: g.clusters.length, weight: g.score }));
  const chosen = selectGroups(groups, regionConstraint.minGroups ?? 0, regionConstraint.maxGroups ?? 0, clusterConstraint?.minGroups ?? 0);
  if (chosen.length === 0) throw new ScheduleError("SchedulerError", "the number of clusters is less than the cluster spreadConstraint.MinGroups");
  if (explain) explain.chosenGroups = chosen.map((g) => g.name);
  const byName = new Map(regions.map((g) => [g.name, g]));
  const selected: ClusterCandidate[] = [];
  const rest: ClusterCandidate[] = [];
  for (const g of chosen) {
    const [top, ...others] = byName.get(g.name)!.clusters;
    selected.push(top);
    rest.push(...others);
  }
  const needCount = Math.min(rest.length + selected.length, clusterConstraint?.maxGroups ?? 0);
  const restCount = needCount - selected.length;
  if (restCount > 0) {
    rest.sort(compareCandidates);
    selected.push(...rest.slice(0, restCount));
  }
  return selected;
}

/**
 * Karmada's `SelectBestClusters`: all candidates when there are no spread constraints or the
 * division is static-weight; otherwise region-then-cluster or cluster-only selection, where
 * Duplicated ignores capacity. Throws ScheduleError("SchedulerError") on failure.
 */
export function selectClusters(placement: Placement, candidates: readonly ClusterCandidate[], replicas: number): { selected: ClusterCandidate[]; explanation: SelectionExplanation } {
  const spread = placement.spreadConstraints ?? [];
  if (spread.length === 0 || shouldIgnoreSpreadConstraint(placement)) {
    const reason = spread.length === 0 ? "no spread constraints: every feasible cluster is selected" : "static weight division ignores spread constraints";
    return { selected: [...candidates], explanation: { mode: "all", reason, selected: candidates.map((c) => c.name) } };
  }
  const needReplicas = isDuplicated(placement) ? -1 : replicas;
  const constraints = new Map<string, SpreadConstraint>();
  for (const sc of spread) constraints.set(sc.spreadByField ?? "", sc);
  if (constraints.has("region")) {
    const explanation: SelectionExplanation = { mode: "region", reason: "spread by region, then cluster", needReplicas, selected: [] };
    const regions = groupByRegion(candidates, placement, replicas);
    const selected = selectBestClustersByRegion(constraints.get("region")!, constraints.get("cluster"), regions, explanation);
    explanation.selected = selected.map((c) => c.name);
    return { selected, explanation };
  }
  if (constraints.has("cluster")) {
    const selected = selectByCluster(constraints.get("cluster")!, candidates, needReplicas);
    const reason = needReplicas === -1 ? "spread by cluster (Duplicated: capacity ignored)" : "spread by cluster with enough available replicas";
    return { selected, explanation: { mode: "cluster", reason, needReplicas, selected: selected.map((c) => c.name) } };
  }
  throw new ScheduleError("SchedulerError", "just support cluster and region spread constraint");
}
