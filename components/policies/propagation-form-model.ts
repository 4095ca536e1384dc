import { z } from "zod";
import type { Placement, PropagationPolicy, ReplicaSchedulingStrategy, ResourceSelector, SpreadConstraint, Toleration } from "../../lib/kube/karmada";
import { POLICY_API_VERSION } from "../../lib/kube/karmada";
import { isDNS1123Label, isDNS1123Subdomain } from "../../lib/kube/validation/names";
import { labelSelectorTextError, labelSelectorToText, textToLabelSelector } from "./label-selector-text";

/**
 * The propagation-policy form: flat, string-friendly values for react-hook-form, with lossless
 * conversion to and from the policy object. `toPropagationPolicy` starts from the current
 * object, so fields the form does not show (failover, suspension, clusterAffinities...) typed in
 * the YAML tab survive a round-trip through the form.
 */

const dnsSubdomain = z.string().min(1, "Required").refine((v) => isDNS1123Subdomain(v).length === 0, { message: "Must be a lowercase RFC 1123 subdomain (a-z, 0-9, '-', '.')" });
const selectorText = z.string().refine((v) => !labelSelectorTextError(v), { message: "Not a valid label selector" });

export const resourceSelectorSchema = z.object({
  apiVersion: z.string().min(1, "Required"),
  kind: z.string().min(1, "Required"),
  name: z.string(),
  namespace: z.string(),
  labelSelector: selectorText,
});

const tolerationSchema = z.object({
  key: z.string(),
  operator: z.enum(["Equal", "Exists"]),
  value: z.string(),
  effect: z.enum(["", "NoSchedule", "PreferNoSchedule", "NoExecute"]),
});

const spreadSchema = z
  .object({ spreadByField: z.enum(["cluster", "region", "zone", "provider"]), minGroups: z.number().int().min(0), maxGroups: z.number().int().min(0) })
  .refine((s) => s.maxGroups === 0 || s.minGroups <= s.maxGroups, { message: "minGroups must not exceed maxGroups", path: ["minGroups"] });

const weightSchema = z.object({ cluster: z.string().min(1, "Pick a cluster"), weight: z.number().int().min(1, "Weight must be at least 1") });

export const propagationFormSchema = z
  .object({
    kind: z.enum(["PropagationPolicy", "ClusterPropagationPolicy"]),
    name: dnsSubdomain,
    namespace: z.string(),
    resourceSelectors: z.array(resourceSelectorSchema).min(1, "Select at least one resource"),
    clusterNames: z.array(z.string()),
    clusterLabelSelector: selectorText,
    exclude: z.array(z.string()),
    tolerations: z.array(tolerationSchema),
    spreadConstraints: z.array(spreadSchema),
    replicaSchedulingType: z.enum(["", "Duplicated", "Divided"]),
    divisionPreference: z.enum(["", "Aggregated", "Weighted"]),
    weights: z.array(weightSchema),
    priority: z.number().int(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "PropagationPolicy" && isDNS1123Label(v.namespace).length) ctx.addIssue({ code: "custom", path: ["namespace"], message: "A namespace is required (RFC 1123 label)" });
    if (v.replicaSchedulingType === "Divided" && !v.divisionPreference) ctx.addIssue({ code: "custom", path: ["divisionPreference"], message: "Divided scheduling needs a division preference" });
    if (v.divisionPreference === "Weighted" && v.replicaSchedulingType === "Divided" && !v.weights.length) ctx.addIssue({ code: "custom", path: ["weights"], message: "Add a weight for at least one cluster" });
  });

export type PropagationFormValues = z.infer<typeof propagationFormSchema>;

export type ResourceSelectorValues = z.infer<typeof resourceSelectorSchema>;

/** Form values of a resource selector list (shared with the override form). */
export function selectorsToValues(selectors: readonly ResourceSelector[] | undefined): ResourceSelectorValues[] {
  return (selectors ?? []).map((s) => ({ apiVersion: s.apiVersion, kind: s.kind, name: s.name ?? "", namespace: s.namespace ?? "", labelSelector: labelSelectorToText(s.labelSelector) }));
}

/** Resource selectors from form values; empty strings mean "not set". */
export function valuesToSelectors(values: readonly ResourceSelectorValues[]): ResourceSelector[] {
  return values.map((s) => {
    const labelSelector = textToLabelSelector(s.labelSelector);
    return { apiVersion: s.apiVersion, kind: s.kind, ...(s.namespace ? { namespace: s.namespace } : {}), ...(s.name ? { name: s.name } : {}), ...(labelSelector ? { labelSelector } : {}) };
  });
}

/** Form values of a policy (defaults for everything it leaves unset). */
export function propagationToValues(p: PropagationPolicy): PropagationFormValues {
  const placement = p.spec?.placement ?? {};
  const affinity = placement.clusterAffinity ?? {};
  const rs = placement.replicaScheduling;
  return {
    kind: p.kind === "ClusterPropagationPolicy" ? "ClusterPropagationPolicy" : "PropagationPolicy",
    name: p.metadata?.name ?? "",
    namespace: p.metadata?.namespace ?? "",
    resourceSelectors: selectorsToValues(p.spec?.resourceSelectors),
    clusterNames: affinity.clusterNames ?? [],
    clusterLabelSelector: labelSelectorToText(affinity.labelSelector),
    exclude: affinity.exclude ?? [],
    tolerations: (placement.clusterTolerations ?? []).map((t) => ({ key: t.key ?? "", operator: t.operator === "Exists" ? "Exists" : "Equal", value: t.value ?? "", effect: t.effect ?? "" })),
    spreadConstraints: (placement.spreadConstraints ?? []).map((s) => ({ spreadByField: s.spreadByField ?? "cluster", minGroups: s.minGroups ?? 0, maxGroups: s.maxGroups ?? 0 })),
    replicaSchedulingType: rs?.replicaSchedulingType ?? "",
    divisionPreference: rs?.replicaDivisionPreference ?? "",
    weights: (rs?.weightPreference?.staticWeightList ?? []).flatMap((w) => (w.targetCluster.clusterNames ?? []).map((cluster) => ({ cluster, weight: w.weight }))),
    priority: p.spec?.priority ?? 0,
  };
}

/** The policy the form describes, on top of `base` (fields the form does not manage are kept). */
export function valuesToPropagation(v: PropagationFormValues, base?: PropagationPolicy): PropagationPolicy {
  const baseSpec = base?.spec ?? { resourceSelectors: [] };
  const placement: Placement = { ...(baseSpec.placement ?? {}) };
  const labelSelector = textToLabelSelector(v.clusterLabelSelector);
  const affinity = { ...(placement.clusterAffinity ?? {}), clusterNames: nonEmpty(v.clusterNames), exclude: nonEmpty(v.exclude), labelSelector };
  placement.clusterAffinity = prune(affinity);
  placement.clusterTolerations = nonEmpty(v.tolerations.map(toToleration));
  placement.spreadConstraints = nonEmpty(v.spreadConstraints.map(toSpread));
  placement.replicaScheduling = toReplicaScheduling(v);
  const metadata = { ...(base?.metadata ?? {}), name: v.name };
  if (v.kind === "PropagationPolicy") metadata.namespace = v.namespace;
  else delete metadata.namespace;
  const spec = { ...baseSpec, resourceSelectors: valuesToSelectors(v.resourceSelectors), placement: prune(placement) ?? {}, priority: v.priority || undefined };
  return { ...(base ?? {}), apiVersion: POLICY_API_VERSION, kind: v.kind, metadata, spec: prune(spec) as PropagationPolicy["spec"] };
}

function toToleration(t: PropagationFormValues["tolerations"][number]): Toleration {
  return prune({ key: t.key || undefined, operator: t.operator, value: t.operator === "Exists" ? undefined : t.value || undefined, effect: t.effect || undefined }) as Toleration;
}

function toSpread(s: PropagationFormValues["spreadConstraints"][number]): SpreadConstraint {
  return prune({ spreadByField: s.spreadByField, minGroups: s.minGroups || undefined, maxGroups: s.maxGroups || undefined }) as SpreadConstraint;
}

function toReplicaScheduling(v: PropagationFormValues): ReplicaSchedulingStrategy | undefined {
  if (!v.replicaSchedulingType) return undefined;
  if (v.replicaSchedulingType === "Duplicated") return { replicaSchedulingType: "Duplicated" };
  const out: ReplicaSchedulingStrategy = { replicaSchedulingType: "Divided" };
  if (v.divisionPreference) out.replicaDivisionPreference = v.divisionPreference;
  if (v.divisionPreference === "Weighted" && v.weights.length) {
    out.weightPreference = { staticWeightList: v.weights.map((w) => ({ targetCluster: { clusterNames: [w.cluster] }, weight: w.weight })) };
  }
  return out;
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length ? list : undefined;
}

/** Drops undefined values and empty objects, so the YAML shows only what was set. */
function prune<T extends object>(obj: T): T | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    if (v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0) continue;
    out[k] = v;
  }
  return Object.keys(out).length ? (out as T) : undefined;
}

/** A new, empty policy to start the form with. */
export function newPropagationPolicy(kind: PropagationPolicy["kind"] = "PropagationPolicy", namespace = "default"): PropagationPolicy {
  return {
    apiVersion: POLICY_API_VERSION,
    kind,
    metadata: { name: "", ...(kind === "PropagationPolicy" ? { namespace } : {}) },
    spec: { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment" }], placement: { replicaScheduling: { replicaSchedulingType: "Duplicated" } } },
  };
}
