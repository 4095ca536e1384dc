import type { KubeObject } from "../../kube/types";
import type { Cluster, OverridePolicy, PropagationPolicy, Work } from "../../kube/karmada";
import { executionNamespace } from "../../kube/karmada";
import { errors } from "../../kube/errors";
import { buildTopology, type NodeObjectRef, type Topology } from "../../kube/topology";
import { matchesAnyResourceSelector, workName } from "../../policies";
import type { ConsoleDeps } from "../resources/services";
import { bindingOf } from "../resources/list-templates";
import { claimingPolicy } from "../resources/propagation-summary";
import { resolveTemplateKind, templateKinds } from "../resources/template-kinds";
import { buildTimeline, involvedKey, type EventLike, type TimelineEntry } from "./timeline";

/** GET /api/v1/workflow/{namespace}/{kind}/{name} answer. */
export interface WorkflowView {
  resource: NodeObjectRef;
  topology: Topology;
  /** The object behind each node that has one, by node id (for the YAML, conditions and events panels). */
  objects: Record<string, KubeObject>;
  timeline: TimelineEntry[];
}

const POLICY = "policy.karmada.io";
const WORK = "work.karmada.io";

/**
 * Gathers everything around one template (its claiming policy, override policies that select
 * it, the binding, one Work per cluster, the clusters and the events of all of them) and builds
 * the workflow graph. Works are read by their deterministic names in each cluster's execution
 * namespace, so the cost grows with clusters, not with the number of Works in the store.
 */
export async function getWorkflow(deps: ConsoleDeps, params: { namespace?: string; kind: string; name: string }): Promise<WorkflowView> {
  const kind = resolveTemplateKind(templateKinds(deps.registry.all()), params.kind);
  if (!kind) throw errors.badRequest(`unknown or ambiguous kind "${params.kind}"`);
  const namespace = kind.namespaced ? params.namespace : undefined;
  if (kind.namespaced && !namespace) throw errors.badRequest(`${kind.kind} is namespaced: the path needs a namespace`);
  const apiVersion = kind.group ? `${kind.group}/${kind.version}` : kind.version;
  const resource: NodeObjectRef = { apiVersion, kind: kind.kind, namespace, name: params.name };

  const template = await deps.storage.get({ group: kind.group, resource: kind.plural }, namespace ?? "", params.name);
  const [policy, binding, clusters, overridePolicies] = await Promise.all([
    template ? policyOf(deps, template) : undefined,
    template ? bindingOf(deps, template) : undefined,
    listAll<Cluster>(deps, "cluster.karmada.io", "clusters"),
    template ? overridesFor(deps, template) : [],
  ]);
  const works = await worksOf(deps, resource, clusters);
  const topology = buildTopology({ resource, template, policy, binding, works, clusters, overridePolicies });
  const objects = objectsByNode(topology, [template, policy, binding, ...works, ...overridePolicies]);
  const timeline = buildTimeline(await eventsOf(deps, resource, objects), nodeIdsOf(topology));
  return { resource, topology, objects, timeline };
}

async function policyOf(deps: ConsoleDeps, template: KubeObject): Promise<PropagationPolicy | undefined> {
  const claim = claimingPolicy(template);
  if (!claim) return undefined;
  const resource = claim.kind === "PropagationPolicy" ? "propagationpolicies" : "clusterpropagationpolicies";
  return (await deps.storage.get({ group: POLICY, resource }, claim.namespace ?? "", claim.name)) as PropagationPolicy | undefined;
}

/** OverridePolicies of the template's namespace and ClusterOverridePolicies whose selectors match (none listed = all). */
async function overridesFor(deps: ConsoleDeps, template: KubeObject): Promise<OverridePolicy[]> {
  const matches = (p: KubeObject) => {
    const selectors = (p as OverridePolicy).spec?.resourceSelectors;
    return !selectors?.length || matchesAnyResourceSelector(selectors, template);
  };
  const ns = template.metadata.namespace;
  const [cluster, local] = await Promise.all([
    deps.storage.list({ group: POLICY, resource: "clusteroverridepolicies" }, { filter: matches }),
    ns ? deps.storage.list({ group: POLICY, resource: "overridepolicies" }, { namespace: ns, filter: matches }) : undefined,
  ]);
  return [...cluster.items, ...(local?.items ?? [])] as OverridePolicy[];
}

async function worksOf(deps: ConsoleDeps, resource: NodeObjectRef, clusters: Cluster[]): Promise<Work[]> {
  const name = workName(resource.namespace, resource.name, resource.kind);
  const found = await Promise.all(clusters.map((c) => deps.storage.get({ group: WORK, resource: "works" }, executionNamespace(c.metadata.name ?? ""), name)));
  return found.filter((w): w is Work => !!w);
}

async function listAll<T extends KubeObject>(deps: ConsoleDeps, group: string, resource: string): Promise<T[]> {
  return (await deps.storage.list({ group, resource })).items as T[];
}

function objectsByNode(topology: Topology, objs: (KubeObject | undefined)[]): Record<string, KubeObject> {
  const out: Record<string, KubeObject> = {};
  for (const node of topology.nodes) {
    const ref = node.ref;
    if (!ref) continue;
    const obj = objs.find((o) => o && o.kind === ref.kind && o.metadata.name === ref.name && (o.metadata.namespace ?? "") === (ref.namespace ?? ""));
    if (obj) out[node.id] = obj;
    // A member node shows the manifest its Work carries.
    if (node.type === "MemberWorkload") {
      const work = objs.find((o) => o?.kind === "Work" && o.metadata.namespace === executionNamespace(node.cluster)) as Work | undefined;
      const manifest = work?.spec.workload?.manifests?.[0];
      if (manifest) out[node.id] = manifest;
    }
  }
  return out;
}

function nodeIdsOf(topology: Topology): Map<string, string> {
  const ids = new Map<string, string>();
  for (const n of topology.nodes) if (n.ref && n.type !== "MemberWorkload") ids.set(involvedKey(n.ref.kind, n.ref.namespace, n.ref.name), n.id);
  return ids;
}

/** Events of the template, policy and binding (in the template's namespace) and of each Work (in its execution namespace). */
async function eventsOf(deps: ConsoleDeps, resource: NodeObjectRef, objects: Record<string, KubeObject>): Promise<EventLike[]> {
  const byNamespace = new Map<string, Set<string>>();
  const add = (ns: string | undefined, kind: string, name: string | undefined) => {
    const key = ns || "default";
    if (!byNamespace.has(key)) byNamespace.set(key, new Set());
    byNamespace.get(key)!.add(`${kind}/${name ?? ""}`);
  };
  add(resource.namespace, resource.kind, resource.name);
  for (const o of Object.values(objects)) if (o.kind !== resource.kind) add(o.metadata.namespace, o.kind, o.metadata.name);
  const lists = await Promise.all(
    [...byNamespace].map(([ns, wanted]) =>
      deps.storage.list({ group: "", resource: "events" }, { namespace: ns, filter: (e) => wanted.has(`${(e as EventLike).involvedObject?.kind}/${(e as EventLike).involvedObject?.name}`) }),
    ),
  );
  return lists.flatMap((l) => l.items as EventLike[]);
}
