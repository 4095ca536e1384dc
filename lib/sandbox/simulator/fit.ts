import type { KubeObject } from "../../kube/types";
import { quantityMilliValue, quantityValue } from "../../kube/quantity";
import { isPodActive, podNodeName, podRequests, dict } from "./pod-util";

type Dict = Record<string, unknown>;

/** What is already placed on a node: summed requests and pod count. */
export interface NodeUsage {
  cpu: number;
  memory: number;
  pods: number;
}

export type FitResult = { node: string } | { message: string; reasons: Record<string, number> };

/** Sums requests of active pods per node name. */
export function usageByNode(pods: Iterable<KubeObject>): Map<string, NodeUsage> {
  const out = new Map<string, NodeUsage>();
  for (const p of pods) {
    const node = podNodeName(p);
    if (!node || !isPodActive(p)) continue;
    addUsage(out, node, p);
  }
  return out;
}

export function addUsage(usage: Map<string, NodeUsage>, node: string, pod: KubeObject): void {
  const r = podRequests(pod);
  const u = usage.get(node) ?? { cpu: 0, memory: 0, pods: 0 };
  usage.set(node, { cpu: u.cpu + r.cpu, memory: u.memory + r.memory, pods: u.pods + 1 });
}

/**
 * kube-scheduler's filter and score, in small: a node fits when it is schedulable, its
 * NoSchedule/NoExecute taints are tolerated, it matches nodeSelector and required node
 * affinity, and has room for the pod's requests (NodeResourcesFit). Among fitting nodes the
 * least allocated wins (ties by name). Otherwise the FitError message kubectl shows:
 * `0/3 nodes are available: 3 Insufficient cpu.`
 */
export function findNode(pod: KubeObject, nodes: KubeObject[], usage: Map<string, NodeUsage>): FitResult {
  const reasons: Record<string, number> = {};
  let best: { name: string; score: number } | undefined;
  for (const node of [...nodes].sort((a, b) => (a.metadata.name ?? "").localeCompare(b.metadata.name ?? ""))) {
    const failed = nodeFailures(pod, node, usage.get(node.metadata.name ?? "") ?? { cpu: 0, memory: 0, pods: 0 });
    if (failed.length) {
      for (const r of failed) reasons[r] = (reasons[r] ?? 0) + 1;
      continue;
    }
    const score = freeShare(pod, node, usage.get(node.metadata.name ?? ""));
    if (!best || score > best.score) best = { name: node.metadata.name ?? "", score };
  }
  if (best) return { node: best.name };
  const parts = Object.entries(reasons).map(([r, n]) => `${n} ${r}`).sort();
  return { message: `0/${nodes.length} nodes are available: ${parts.join(", ")}.`, reasons };
}

function allocatable(node: KubeObject): { cpu: number; memory: number; pods: number } {
  const a = dict(dict(node.status).allocatable) as Record<string, string>;
  const q = (f: () => number) => {
    try {
      return f();
    } catch {
      return 0;
    }
  };
  return { cpu: q(() => quantityMilliValue(a.cpu ?? "0")), memory: q(() => quantityValue(a.memory ?? "0")), pods: q(() => quantityValue(a.pods ?? "0")) };
}

/** Every reason this node rejects the pod (kube-scheduler reports each plugin's). */
export function nodeFailures(pod: KubeObject, node: KubeObject, used: NodeUsage): string[] {
  const spec = dict(pod.spec);
  const tolerations = (spec.tolerations as Dict[] | undefined) ?? [];
  const nodeSpec = dict(node.spec);
  if (nodeSpec.unschedulable === true && !tolerations.some((t) => tolerates(t, { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" })))
    return ["node(s) were unschedulable"];
  for (const taint of (nodeSpec.taints as Dict[] | undefined) ?? []) {
    if (taint.effect !== "NoSchedule" && taint.effect !== "NoExecute") continue;
    if (!tolerations.some((t) => tolerates(t, taint))) return [`node(s) had untolerated taint {${String(taint.key)}: ${String(taint.value ?? "")}}`];
  }
  if (!matchesNodeSelector(pod, node)) return ["node(s) didn't match Pod's node affinity/selector"];
  const out: string[] = [];
  const cap = allocatable(node);
  const req = podRequests(pod);
  if (used.pods + 1 > cap.pods) out.push("Too many pods");
  if (req.cpu > 0 && used.cpu + req.cpu > cap.cpu) out.push("Insufficient cpu");
  if (req.memory > 0 && used.memory + req.memory > cap.memory) out.push("Insufficient memory");
  return out;
}

function freeShare(pod: KubeObject, node: KubeObject, used: NodeUsage | undefined): number {
  const cap = allocatable(node);
  const req = podRequests(pod);
  const u = used ?? { cpu: 0, memory: 0, pods: 0 };
  const cpu = cap.cpu ? (cap.cpu - u.cpu - req.cpu) / cap.cpu : 0;
  const mem = cap.memory ? (cap.memory - u.memory - req.memory) / cap.memory : 0;
  return (cpu + mem) / 2;
}

/** core/v1 toleration matching (an empty key with Exists tolerates everything). */
export function tolerates(t: Dict, taint: Dict): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if ((t.operator ?? "Equal") === "Exists") return !t.key || t.key === taint.key;
  return t.key === taint.key && (t.value ?? "") === (taint.value ?? "");
}

function matchesNodeSelector(pod: KubeObject, node: KubeObject): boolean {
  const spec = dict(pod.spec);
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(dict(spec.nodeSelector))) if (labels[k] !== v) return false;
  const required = dict(dict(dict(spec.affinity).nodeAffinity).requiredDuringSchedulingIgnoredDuringExecution);
  const terms = (required.nodeSelectorTerms as Dict[] | undefined) ?? [];
  if (!terms.length) return true;
  return terms.some((term) => {
    const exprs = (term.matchExpressions as Dict[] | undefined) ?? [];
    const fields = (term.matchFields as Dict[] | undefined) ?? [];
    if (!exprs.length && !fields.length) return false;
    return exprs.every((e) => matchExpr(e, labels)) && fields.every((e) => matchExpr(e, { "metadata.name": node.metadata.name ?? "" }));
  });
}

function matchExpr(e: Dict, labels: Record<string, string>): boolean {
  const key = String(e.key);
  const values = ((e.values as unknown[] | undefined) ?? []).map(String);
  const has = key in labels;
  const v = labels[key];
  switch (e.operator) {
    case "In":
      return has && values.includes(v);
    case "NotIn":
      return !has || !values.includes(v);
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
    case "Gt":
      return has && Number(v) > Number(values[0]);
    case "Lt":
      return has && Number(v) < Number(values[0]);
    default:
      return false;
  }
}
