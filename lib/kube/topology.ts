import type { Condition, KubeObject } from "./types";
import type { Cluster, OverridePolicy, PropagationPolicy, ResourceBinding, Work } from "./karmada";
import { ANNOTATION_APPLIED_CLUSTER_OVERRIDES, ANNOTATION_APPLIED_OVERRIDES, clusterOfExecutionNamespace } from "./karmada";

/**
 * The workflow graph of one resource template: template → policy → binding → Works → member
 * objects, with override policies feeding the Works they changed. Pure: the console's workflow
 * endpoint gathers the objects, this module decides what each step's state is and which step
 * failed first ("why didn't it propagate"), and the browser only lays it out and draws it.
 */

/** Where a step stands; every phase is shown as text as well as colour. */
export type NodePhase = "Ready" | "Progressing" | "Failed" | "Missing" | "Unknown";

export interface NodeState {
  phase: NodePhase;
  /** Short text for the node, e.g. "Applied", "Scheduled to 2 clusters", "NotReady". */
  label: string;
  reason?: string;
  message?: string;
}

/** How a node names its object, enough to link to it or fetch its YAML and events. */
export interface NodeObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

interface NodeBase {
  /** Stable across refreshes, so the graph keeps selection and positions. */
  id: string;
  state: NodeState;
  /** undefined for a step that does not exist (yet). */
  ref?: NodeObjectRef;
  conditions: Condition[];
}

export type TopologyNode =
  | (NodeBase & { type: "ResourceTemplate" })
  | (NodeBase & { type: "PropagationPolicy"; clusterScoped: boolean })
  | (NodeBase & { type: "OverridePolicy"; clusterScoped: boolean })
  | (NodeBase & { type: "ResourceBinding"; clusters: { name: string; replicas?: number }[] })
  | (NodeBase & { type: "Work"; cluster: string })
  | (NodeBase & { type: "MemberWorkload"; cluster: string; health?: "Healthy" | "Unhealthy" | "Unknown" });

export type TopologyNodeType = TopologyNode["type"];

export interface TopologyEdge {
  id: string;
  source: string;
  target: string;
  /** Why the edge exists, e.g. the policy that caused it or the cluster a Work targets. */
  label?: string;
}

export interface Topology {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
  /** The first step, in chain order, whose phase is Failed or Missing; absent when nothing failed. */
  firstFailure?: { nodeId: string; reason: string; message: string };
}

/** The objects around one template, as the workflow endpoint found them. */
export interface TopologyInput {
  /** The template reference (kept even when the template itself is gone). */
  resource: NodeObjectRef;
  template?: KubeObject;
  policy?: PropagationPolicy;
  /** Override policies that apply to this template (either kind). */
  overridePolicies?: OverridePolicy[];
  binding?: ResourceBinding;
  works?: Work[];
  /** Clusters by name, to explain member steps on NotReady clusters. */
  clusters?: Cluster[];
}

/** Chain order of node types: the first-failure search and the layout columns follow it. */
export const NODE_TYPE_ORDER: readonly TopologyNodeType[] = ["ResourceTemplate", "PropagationPolicy", "OverridePolicy", "ResourceBinding", "Work", "MemberWorkload"];

/** Builds the graph; deterministic for equal inputs (works and members sorted by cluster). */
export function buildTopology(input: TopologyInput): Topology {
  const nodes: TopologyNode[] = [];
  const edges: TopologyEdge[] = [];
  const template = templateNode(input);
  nodes.push(template);
  const policy = policyNode(input);
  nodes.push(policy);
  edges.push(edge(template.id, policy.id, "selected by"));
  const binding = bindingNode(input, policy);
  nodes.push(binding);
  edges.push(edge(policy.id, binding.id, input.policy?.metadata.name ? `propagates (${input.policy.metadata.name})` : "propagates"));

  const overrides = (input.overridePolicies ?? []).map(overrideNode).sort(byId);
  nodes.push(...overrides);
  const works = workSteps(input);
  for (const { work, member } of works) {
    nodes.push(work);
    edges.push(edge(binding.id, work.id, work.cluster));
    for (const o of overrides) if (o.ref && workHasOverride(findWork(input, work.cluster), o.ref.name)) edges.push(edge(o.id, work.id, `overrides (${o.ref.name})`));
    nodes.push(member);
    edges.push(edge(work.id, member.id, "applies"));
  }
  return { nodes, edges, firstFailure: firstFailure(nodes) };
}

/** The first Failed or Missing node in chain order (nodes are emitted in chain order). */
export function firstFailure(nodes: TopologyNode[]): Topology["firstFailure"] {
  const ordered = [...nodes].sort((a, b) => NODE_TYPE_ORDER.indexOf(a.type) - NODE_TYPE_ORDER.indexOf(b.type));
  const failed = ordered.find((n) => n.state.phase === "Failed" || n.state.phase === "Missing");
  if (!failed) return undefined;
  return { nodeId: failed.id, reason: failed.state.reason ?? failed.state.label, message: failed.state.message ?? failed.state.label };
}

function templateNode({ resource, template }: TopologyInput): TopologyNode {
  const base = { id: `template/${resource.kind}/${resource.namespace ?? ""}/${resource.name}`, type: "ResourceTemplate" as const, ref: resource };
  if (!template) return { ...base, conditions: [], state: { phase: "Missing", label: "Not found", reason: "NotFound", message: `${resource.kind} ${resource.name} does not exist` } };
  const conditions = readConditions(template);
  if (template.metadata.deletionTimestamp) return { ...base, conditions, state: { phase: "Progressing", label: "Deleting", reason: "Terminating", message: "The template is being deleted; members are cleaned up first" } };
  return { ...base, conditions, state: { phase: "Ready", label: "Exists" } };
}

function policyNode({ policy, template }: TopologyInput): TopologyNode {
  if (!policy) {
    const state: NodeState = template
      ? { phase: "Missing", label: "No policy", reason: "NoPolicyMatched", message: "No PropagationPolicy or ClusterPropagationPolicy selects this resource, so it stays on the control plane" }
      : { phase: "Unknown", label: "No policy" };
    return { id: "policy", type: "PropagationPolicy", clusterScoped: false, conditions: [], state };
  }
  const clusterScoped = policy.kind === "ClusterPropagationPolicy";
  const ref = refOf(policy);
  const state: NodeState = policy.spec.suspension?.dispatching
    ? { phase: "Progressing", label: "Dispatching suspended", reason: "Suspended", message: "The policy suspends dispatching to member clusters" }
    : { phase: "Ready", label: clusterScoped ? "ClusterPropagationPolicy" : "PropagationPolicy" };
  return { id: `policy/${policy.kind}/${ref.namespace ?? ""}/${ref.name}`, type: "PropagationPolicy", clusterScoped, ref, conditions: readConditions(policy), state };
}

function overrideNode(policy: OverridePolicy): TopologyNode {
  const ref = refOf(policy);
  return {
    id: `override/${policy.kind}/${ref.namespace ?? ""}/${ref.name}`,
    type: "OverridePolicy",
    clusterScoped: policy.kind === "ClusterOverridePolicy",
    ref,
    conditions: [],
    state: { phase: "Ready", label: `${policy.spec.overrideRules?.length ?? 0} rule(s)` },
  };
}

function bindingNode({ binding, policy, template }: TopologyInput, policyStep: TopologyNode): TopologyNode {
  const clusters = binding?.spec.clusters ?? [];
  if (!binding) {
    const waiting = !!policy && !!template;
    const state: NodeState = waiting
      ? { phase: "Progressing", label: "Not created yet", reason: "Pending", message: "Waiting for the resource detector to create the binding" }
      : { phase: "Unknown", label: policyStep.state.phase === "Missing" ? "Not created" : "Unknown" };
    return { id: "binding", type: "ResourceBinding", clusters: [], conditions: [], state };
  }
  const conditions = binding.status?.conditions ?? [];
  return { id: `binding/${binding.kind}/${binding.metadata.namespace ?? ""}/${binding.metadata.name}`, type: "ResourceBinding", clusters, ref: refOf(binding), conditions, state: bindingState(binding) };
}

function bindingState(binding: ResourceBinding): NodeState {
  const scheduled = findCondition(binding.status?.conditions, "Scheduled");
  const applied = findCondition(binding.status?.conditions, "FullyApplied");
  const n = binding.spec.clusters?.length ?? 0;
  if (scheduled?.status === "False") return { phase: "Failed", label: "Not scheduled", reason: scheduled.reason ?? "Unschedulable", message: scheduled.message ?? "" };
  if (!scheduled || scheduled.status !== "True") return { phase: "Progressing", label: "Scheduling…", reason: "Scheduling", message: "Waiting for the scheduler" };
  if (applied?.status === "True") return { phase: "Ready", label: `Fully applied on ${n} cluster(s)`, reason: applied.reason, message: applied.message };
  // Not fully applied is only a failure of this step when no Work explains it; the Work nodes carry their own reasons.
  return { phase: "Progressing", label: `Scheduled to ${n} cluster(s)`, reason: applied?.reason ?? "Applying", message: applied?.message ?? "Waiting for every Work to be applied" };
}

interface WorkStep {
  work: Extract<TopologyNode, { type: "Work" }>;
  member: Extract<TopologyNode, { type: "MemberWorkload" }>;
}

/** One Work and one member step per target cluster, plus any Work left on a cluster no longer targeted. */
function workSteps(input: TopologyInput): WorkStep[] {
  const names = new Set<string>((input.binding?.spec.clusters ?? []).map((c) => c.name));
  for (const w of input.works ?? []) {
    const c = workCluster(w);
    if (c) names.add(c);
  }
  return [...names].sort().map((cluster) => workStep(input, cluster));
}

function workStep(input: TopologyInput, cluster: string): WorkStep {
  const work = findWork(input, cluster);
  const clusterObj = input.clusters?.find((c) => c.metadata.name === cluster);
  const notReady = clusterNotReady(clusterObj);
  const conditions = work?.status?.conditions ?? [];
  const workNode: WorkStep["work"] = { id: `work/${cluster}`, type: "Work", cluster, ref: work ? refOf(work) : undefined, conditions, state: workState(work) };
  const memberNode: WorkStep["member"] = { id: `member/${cluster}`, type: "MemberWorkload", cluster, ref: memberRef(input, cluster), conditions: [], ...memberState(input, work, notReady) };
  return { work: workNode, member: memberNode };
}

function workState(work: Work | undefined): NodeState {
  if (!work) return { phase: "Progressing", label: "Not created yet", reason: "Pending", message: "Waiting for the binding controller to render the Work" };
  if (work.metadata.deletionTimestamp) return { phase: "Progressing", label: "Deleting", reason: "Terminating", message: "Removing the object from the member cluster" };
  if (work.spec.suspendDispatching) return { phase: "Progressing", label: "Dispatching suspended", reason: "SuspendDispatching", message: "Dispatching to this cluster is suspended" };
  const applied = findCondition(work.status?.conditions, "Applied");
  if (!applied || applied.status === "Unknown") return { phase: "Progressing", label: "Applying…", reason: applied?.reason ?? "Pending", message: applied?.message ?? "Waiting for the execution controller" };
  if (applied.status === "False") return { phase: "Failed", label: "Apply failed", reason: applied.reason ?? "AppliedFailed", message: applied.message ?? "" };
  return { phase: "Ready", label: "Applied", reason: applied.reason, message: applied.message };
}

function memberState(input: TopologyInput, work: Work | undefined, notReady: Condition | undefined): { state: NodeState; health?: "Healthy" | "Unhealthy" | "Unknown" } {
  if (notReady) return { state: { phase: "Failed", label: "Cluster NotReady", reason: notReady.reason ?? "ClusterNotReady", message: notReady.message ?? "The member cluster is not ready" } };
  const applied = findCondition(work?.status?.conditions, "Applied");
  if (!work || applied?.status !== "True") return { state: { phase: "Unknown", label: "Not applied" } };
  const manifest = work.status?.manifestStatuses?.[0];
  const item = input.binding?.status?.aggregatedStatus?.find((a) => a.clusterName === workCluster(work));
  const health = manifest?.health ?? item?.health;
  if (health === "Healthy") return { health, state: { phase: "Ready", label: "Healthy" } };
  if (health === "Unhealthy") return { health, state: { phase: "Failed", label: "Unhealthy", reason: "Unhealthy", message: "The member object reports an unhealthy status" } };
  return { health: health ?? "Unknown", state: { phase: "Progressing", label: "Health unknown", reason: "HealthUnknown", message: "Waiting for the member object's status" } };
}

function memberRef(input: TopologyInput, cluster: string): NodeObjectRef | undefined {
  const manifest = findWork(input, cluster)?.spec.workload?.manifests?.[0];
  if (!manifest) return undefined;
  return { apiVersion: manifest.apiVersion, kind: manifest.kind, namespace: manifest.metadata.namespace, name: manifest.metadata.name ?? input.resource.name };
}

/** The cluster's Ready condition when it is not True; undefined for ready or unknown clusters. */
function clusterNotReady(cluster: Cluster | undefined): Condition | undefined {
  const ready = findCondition(cluster?.status?.conditions, "Ready");
  return ready && ready.status !== "True" ? ready : undefined;
}

function findWork(input: TopologyInput, cluster: string): Work | undefined {
  return (input.works ?? []).find((w) => workCluster(w) === cluster);
}

/** The cluster a Work targets, from its execution namespace. */
export function workCluster(work: Work): string | undefined {
  return clusterOfExecutionNamespace(work.metadata.namespace ?? "");
}

/** Whether a Work (or its manifest) records an applied override from the named policy. */
function workHasOverride(work: Work | undefined, policyName: string): boolean {
  if (!work) return false;
  const sources = [work.metadata.annotations, work.spec.workload?.manifests?.[0]?.metadata.annotations];
  for (const annotations of sources) {
    for (const key of [ANNOTATION_APPLIED_OVERRIDES, ANNOTATION_APPLIED_CLUSTER_OVERRIDES]) {
      if (appliedPolicyNames(annotations?.[key]).includes(policyName)) return true;
    }
  }
  return false;
}

function appliedPolicyNames(raw: string | undefined): string[] {
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.map((e) => (e && typeof e === "object" ? String((e as { policyName?: unknown }).policyName ?? "") : ""));
  } catch {
    // A malformed annotation is not ours to fix; it just links no override.
    return [];
  }
}

function readConditions(obj: KubeObject): Condition[] {
  const status = obj.status as { conditions?: unknown } | undefined;
  return Array.isArray(status?.conditions) ? (status.conditions as Condition[]) : [];
}

function findCondition(conditions: Condition[] | undefined, type: string): Condition | undefined {
  return conditions?.find((c) => c.type === type);
}

function refOf(obj: KubeObject): NodeObjectRef {
  return { apiVersion: obj.apiVersion, kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name ?? "" };
}

function edge(source: string, target: string, label?: string): TopologyEdge {
  return { id: `${source}->${target}`, source, target, label };
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
