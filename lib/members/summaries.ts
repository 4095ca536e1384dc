import type { AllocatableModeling, ResourceList, ResourceModel, ResourceSummary } from "../kube/karmada";
import { parseQuantityExact } from "../kube/quantity";
import type { KubeObject } from "../kube/types";
import { ResourceAmounts, sumResourceLists, type PodSpecLike } from "./resource-amounts";

/** The fields of a Node the summaries read. */
export interface NodeLike extends KubeObject {
  status?: { allocatable?: ResourceList; conditions?: { type: string; status: string }[] };
}

/** The fields of a Pod the summaries read. */
export interface PodLike extends KubeObject {
  spec?: PodSpecLike;
  status?: { phase?: string };
}

/** Karmada's NodeSummary: all nodes, and those whose Ready condition is True. */
export function nodeSummary(nodes: readonly NodeLike[]): { totalNum: number; readyNum: number } {
  const readyNum = nodes.filter((n) => n.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True")).length;
  return { totalNum: nodes.length, readyNum };
}

/**
 * Karmada's ResourceSummary of a member (cluster status controller):
 * - allocatable: sum of every node's status.allocatable;
 * - allocating: requests of pods not bound to a node (any phase), plus their count as `pods`;
 * - allocated: requests of pods bound to a node and neither Succeeded nor Failed, plus their count;
 * - allocatableModelings (only with non-empty resourceModels): nodes counted by grade.
 * Empty lists are left out, as Go's omitempty does.
 */
export function resourceSummary(nodes: readonly NodeLike[], pods: readonly PodLike[], resourceModels?: readonly ResourceModel[]): ResourceSummary {
  const allocating = new ResourceAmounts();
  const allocated = new ResourceAmounts();
  let allocatingPods = 0;
  let allocatedPods = 0;
  for (const pod of pods) {
    if (!pod.spec?.nodeName) {
      allocating.addPodRequest(pod.spec);
      allocatingPods++;
    } else if (occupiesNode(pod)) {
      allocated.addPodRequest(pod.spec);
      allocatedPods++;
    }
  }
  allocating.add({ pods: String(allocatingPods) });
  allocated.add({ pods: String(allocatedPods) });
  const out: ResourceSummary = {};
  const allocatable = sumResourceLists(nodes.map((n) => n.status?.allocatable));
  if (allocatable) out.allocatable = allocatable;
  const allocatingList = allocating.toResourceList();
  if (allocatingList) out.allocating = allocatingList;
  const allocatedList = allocated.toResourceList();
  if (allocatedList) out.allocated = allocatedList;
  const modelings = allocatableModelings(resourceModels, nodes, pods);
  if (modelings) out.allocatableModelings = modelings;
  return out;
}

/**
 * Karmada's getAllocatableModelings. Each node's free resources (allocatable minus the requests
 * of its running pods) land in grade g = min over the modelled resources of "the last grade
 * whose min <= the free amount" (a missing resource counts as 0). Karmada stops counting at
 * the first node without a free pod slot; that quirk is kept. Grades follow the models' order.
 */
export function allocatableModelings(models: readonly ResourceModel[] | undefined, nodes: readonly NodeLike[], pods: readonly PodLike[]): AllocatableModeling[] | undefined {
  if (!models?.length) return undefined;
  const names = models[0].ranges.map((r) => r.name);
  const mins = names.map((name) => models.map((m) => parseQuantityExact(m.ranges.find((r) => r.name === name)?.min ?? "0").nanos));
  const counts = models.map(() => 0);
  const perNode = new Map<string, ResourceAmounts>();
  for (const pod of pods) {
    const node = pod.spec?.nodeName;
    if (!node || !occupiesNode(pod)) continue;
    let acc = perNode.get(node);
    if (!acc) perNode.set(node, (acc = new ResourceAmounts()));
    acc.addPodRequest(pod.spec);
    acc.add({ pods: "1" });
  }
  for (const node of nodes) {
    const free = nodeAvailable(node.status?.allocatable ?? {}, perNode.get(node.metadata.name ?? ""));
    if (!free) break;
    let grade = Number.MAX_SAFE_INTEGER;
    names.forEach((name, i) => {
      grade = Math.min(grade, lastAtMost(mins[i], free[name] !== undefined ? parseQuantityExact(free[name]).nanos : 0n));
    });
    if (grade >= 0 && grade < counts.length) counts[grade]++;
  }
  return models.map((m, i) => ({ grade: m.grade, count: counts[i] }));
}

/** Pods the scheduler counts against a node: bound, and not Succeeded or Failed. */
function occupiesNode(pod: PodLike): boolean {
  const phase = pod.status?.phase;
  return !!pod.spec?.nodeName && phase !== "Succeeded" && phase !== "Failed";
}

/** Karmada's getNodeAvailable; undefined when the node has no pod slot left. */
function nodeAvailable(allocatable: ResourceList, used: ResourceAmounts | undefined): Record<string, string> | undefined {
  const usedList = used?.toResourceList();
  if (!usedList) return allocatable;
  const allowedPods = Number(parseQuantityExact(allocatable.pods ?? "0").nanos / 1_000_000_000n) - Number(parseQuantityExact(usedList.pods ?? "0").nanos / 1_000_000_000n);
  if (allowedPods <= 0) return undefined;
  const free: Record<string, string> = { ...allocatable };
  for (const [name, q] of Object.entries(usedList)) {
    if (free[name] === undefined) continue;
    free[name] = `${parseQuantityExact(free[name]).nanos - parseQuantityExact(q).nanos}n`;
  }
  return free;
}

/** Index of the last sorted min <= target, or -1 (Karmada's searchLastLessElement). */
function lastAtMost(sortedMins: bigint[], target: bigint): number {
  let found = -1;
  for (let i = 0; i < sortedMins.length; i++) if (sortedMins[i] <= target) found = i;
  return found;
}
