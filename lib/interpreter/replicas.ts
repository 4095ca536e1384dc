import type { KubeObject } from "../kube/types";
import type { NodeClaim, ReplicaRequirements, ResourceList } from "../kube/karmada";
import { formatQuantity, quantityMilliValue, quantityValue } from "../kube/quantity";
import { asArray, asObj, at, gvk, num, type Obj } from "./object-access";

export interface ReplicaInfo {
  replicas: number;
  replicaRequirements?: ReplicaRequirements;
}

/** Whether the built-in interpreter has a replica rule for this kind (Karmada's HookEnabled for InterpretReplica). */
export function interpretsReplicas(obj: KubeObject): boolean {
  return ["apps/v1/Deployment", "apps/v1/ReplicaSet", "apps/v1/StatefulSet", "batch/v1/Job", "v1/Pod"].includes(gvk(obj));
}

/**
 * Karmada's default replica interpreter (native/replica.go): apps/v1 Deployment, ReplicaSet and
 * StatefulSet use spec.replicas (absent = 0); batch/v1 Job uses min(parallelism, completions)
 * (completions absent = parallelism); v1 Pod is 1. Requirements come from the pod template
 * (see `replicaRequirements`). Any other kind: 0 replicas, no requirements (it is not a workload).
 */
export function getReplicas(obj: KubeObject): ReplicaInfo {
  const spec = asObj(obj.spec);
  let replicas: number;
  let podSpec: Obj;
  switch (gvk(obj)) {
    case "apps/v1/Deployment":
    case "apps/v1/ReplicaSet":
    case "apps/v1/StatefulSet":
      replicas = num(spec.replicas);
      podSpec = asObj(at(spec, "template", "spec"));
      break;
    case "batch/v1/Job": {
      const parallelism = num(spec.parallelism);
      const completions = typeof spec.completions === "number" ? spec.completions : parallelism;
      replicas = Math.min(parallelism, completions);
      podSpec = asObj(at(spec, "template", "spec"));
      break;
    }
    case "v1/Pod":
      replicas = 1;
      podSpec = spec;
      break;
    default:
      return { replicas: 0 };
  }
  const replicaRequirements = replicaRequirementsOf(podSpec);
  return replicaRequirements ? { replicas, replicaRequirements } : { replicas };
}

/**
 * Per-replica requirements (GenerateReplicaRequirements): undefined when the pod spec has no
 * resource requests (limits count as requests when requests omit them) and no node claim.
 */
export function replicaRequirementsOf(podSpec: Obj): ReplicaRequirements | undefined {
  const nodeClaim = nodeClaimOf(podSpec);
  const resourceRequest = podRequest(podSpec);
  if (!nodeClaim && !resourceRequest) return undefined;
  return { ...(nodeClaim ? { nodeClaim } : {}), ...(resourceRequest ? { resourceRequest } : {}) };
}

/** nodeSelector, required node affinity and tolerations; undefined when none is set. */
export function nodeClaimOf(podSpec: Obj): NodeClaim | undefined {
  const claim: NodeClaim = {};
  const selector = podSpec.nodeSelector;
  if (selector && typeof selector === "object") claim.nodeSelector = selector as Record<string, string>;
  const hard = at(podSpec, "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution");
  if (hard && typeof hard === "object") claim.hardNodeAffinity = hard as NodeClaim["hardNodeAffinity"];
  const tolerations = asArray(podSpec.tolerations);
  if (tolerations.length) claim.tolerations = tolerations as NodeClaim["tolerations"];
  return claim.nodeSelector || claim.hardNodeAffinity || claim.tolerations ? claim : undefined;
}

const BINARY_RESOURCES = new Set(["memory", "ephemeral-storage"]);

/** Kubernetes' "scalar" resources: extended (domain-prefixed), hugepages-*, attachable-volumes-*, kubernetes.io/*. */
function isScalarResource(name: string): boolean {
  if (name.startsWith("hugepages-") || name.startsWith("attachable-volumes-")) return true;
  if (name.includes("kubernetes.io/")) return true;
  return name.includes("/") && !name.startsWith("requests.");
}

const KNOWN = new Set(["cpu", "memory", "ephemeral-storage", "pods"]);

/** Sum of container requests, raised per resource to the largest init container request, plus overhead. */
export function podRequest(podSpec: Obj): ResourceList | undefined {
  const total = new Map<string, number>();
  const valueOf = (name: string, q: string | number) => (name === "cpu" ? quantityMilliValue(q) : quantityValue(q));
  const tracked = (name: string) => KNOWN.has(name) || isScalarResource(name);
  const add = (list: Obj) => {
    for (const [name, q] of Object.entries(list)) if (tracked(name)) total.set(name, (total.get(name) ?? 0) + valueOf(name, q as string));
  };
  const max = (list: Obj) => {
    for (const [name, q] of Object.entries(list)) if (tracked(name)) total.set(name, Math.max(total.get(name) ?? 0, valueOf(name, q as string)));
  };
  for (const c of asArray(podSpec.containers)) add(effectiveRequests(c));
  for (const c of asArray(podSpec.initContainers)) max(effectiveRequests(c));
  add(asObj(podSpec.overhead));
  const out: ResourceList = {};
  for (const [name, v] of total) {
    if (v <= 0) continue;
    if (name === "cpu") out[name] = formatQuantity(v / 1000, "DecimalSI");
    else out[name] = formatQuantity(v, BINARY_RESOURCES.has(name) || name.startsWith("hugepages-") ? "BinarySI" : "DecimalSI");
  }
  return Object.keys(out).length ? out : undefined;
}

/** Requests with limits filling in the resources requests do not mention (API server defaulting). */
function effectiveRequests(container: unknown): Obj {
  const resources = asObj(asObj(container).resources);
  return { ...asObj(resources.limits), ...asObj(resources.requests) };
}
