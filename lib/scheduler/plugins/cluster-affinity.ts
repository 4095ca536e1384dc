import type { Cluster, ClusterAffinity, FieldSelectorRequirement } from "../../kube/karmada";
import type { LabelSelector, LabelSelectorRequirement } from "../../kube/selectors";
import { isQualifiedName, isValidLabelValue } from "../../policies/label-selector";
import type { FilterPlugin, ScheduleContext } from "../framework";

/**
 * ClusterAffinity filter and Karmada's `util.ClusterMatches`: exclude wins, then labelSelector,
 * fieldSelector (provider/region with label-selector semantics against the single value; zone
 * against the zones list) and clusterNames must all match. Affinities are compiled once per
 * binding into a predicate, since the same affinity is checked against every cluster.
 */

export const AFFINITY_MISMATCH = "cluster(s) did not match the placement cluster affinity constraint";

export type ClusterPredicate = (cluster: Cluster) => boolean;

const never: ClusterPredicate = () => false;

type Op = LabelSelectorRequirement["operator"] | "Gt" | "Lt";

/** A requirement's test of one value (undefined: the key is absent). */
type ValueCheck = (value: string | undefined) => boolean;

/** strconv.ParseInt(v, 10, 64) succeeds. */
function parsesInt64(v: string): boolean {
  if (!/^[+-]?\d+$/.test(v)) return false;
  const n = BigInt(v);
  return n >= -(2n ** 63n) && n < 2n ** 63n;
}

/**
 * One requirement as Kubernetes' `labels.NewRequirement` would accept it (a qualified-name key,
 * valid label values, the value count the operator needs); undefined if invalid. It tests the
 * value directly (callers look the key up), so checking a cluster allocates nothing.
 */
function compileRequirement(key: string, op: Op, values: string[] | undefined): ValueCheck | undefined {
  const vals = values ?? [];
  if (!isQualifiedName(key) || !vals.every(isValidLabelValue)) return undefined;
  switch (op) {
    case "In":
    case "NotIn": {
      // In/NotIn with no values is a selector error, which makes ClusterMatches false.
      if (vals.length === 0) return undefined;
      const set = new Set(vals);
      return op === "In" ? (v) => v !== undefined && set.has(v) : (v) => v === undefined || !set.has(v);
    }
    case "Exists":
    case "DoesNotExist":
      if (vals.length !== 0) return undefined;
      return op === "Exists" ? (v) => v !== undefined : (v) => v === undefined;
    case "Gt":
    case "Lt": {
      if (vals.length !== 1 || !parsesInt64(vals[0])) return undefined;
      const bound = BigInt(vals[0]);
      return (v) => {
        if (v === undefined || !parsesInt64(v)) return false;
        return op === "Gt" ? BigInt(v) > bound : BigInt(v) < bound;
      };
    }
    default:
      return undefined;
  }
}

/** Label values are strings; anything else found under the key (say, Object.prototype's "constructor") is absent. */
function labelValue(labels: Record<string, string>, key: string): string | undefined {
  const v: unknown = labels[key];
  return typeof v === "string" ? v : undefined;
}

function compileLabelSelector(sel: LabelSelector): ClusterPredicate {
  const keys: string[] = [];
  const checks: ValueCheck[] = [];
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) {
    // metav1.LabelSelectorAsSelector validates matchLabels as Equals requirements.
    if (!isQualifiedName(key) || !isValidLabelValue(value)) return never;
    keys.push(key);
    checks.push((v) => v === value);
  }
  for (const e of sel.matchExpressions ?? []) {
    if (e.operator === ("Gt" as string) || e.operator === ("Lt" as string)) return never;
    const check = compileRequirement(e.key, e.operator, e.values);
    if (!check) return never;
    keys.push(e.key);
    checks.push(check);
  }
  return (cluster) => {
    const labels = cluster.metadata.labels ?? {};
    for (let i = 0; i < checks.length; i++) if (!checks[i](labelValue(labels, keys[i]))) return false;
    return true;
  };
}

/** The cluster's failure zones: spec.zones only, as util.ClusterMatches reads them (the deprecated zone is moved into zones on write). */
export function clusterZones(cluster: Cluster): string[] {
  return cluster.spec.zones ?? [];
}

function compileZone(req: FieldSelectorRequirement): ClusterPredicate {
  const values = req.values ?? [];
  switch (req.operator) {
    case "In":
      return (c) => clusterZones(c).some((z) => values.includes(z));
    case "NotIn":
      return (c) => !clusterZones(c).some((z) => values.includes(z));
    case "Exists":
      return (c) => clusterZones(c).length > 0;
    case "DoesNotExist":
      return (c) => clusterZones(c).length === 0;
    default:
      return never;
  }
}

function compileFieldSelector(exprs: FieldSelectorRequirement[]): ClusterPredicate {
  const checks: ClusterPredicate[] = [];
  for (const req of exprs) {
    if (req.key === "zone") {
      checks.push(compileZone(req));
      continue;
    }
    const check = compileRequirement(req.key, req.operator as Op, req.values);
    if (!check) return never;
    const key = req.key;
    checks.push((c) => check(key === "provider" ? c.spec.provider || undefined : key === "region" ? c.spec.region || undefined : undefined));
  }
  return (c) => checks.every((check) => check(c));
}

/** Compiles a ClusterAffinity into a predicate with `util.ClusterMatches` semantics. */
export function compileClusterAffinity(affinity: ClusterAffinity): ClusterPredicate {
  const exclude = new Set(affinity.exclude ?? []);
  const label = affinity.labelSelector ? compileLabelSelector(affinity.labelSelector) : undefined;
  const field = affinity.fieldSelector ? compileFieldSelector(affinity.fieldSelector.matchExpressions ?? []) : undefined;
  const names = affinity.clusterNames && affinity.clusterNames.length > 0 ? new Set(affinity.clusterNames) : undefined;
  return (cluster) => {
    const name = cluster.metadata.name ?? "";
    if (exclude.has(name)) return false;
    if (label && !label(cluster)) return false;
    if (field && !field(cluster)) return false;
    return !names || names.has(name);
  };
}

/** One-off form of {@link compileClusterAffinity}. */
export function clusterMatches(cluster: Cluster, affinity: ClusterAffinity): boolean {
  return compileClusterAffinity(affinity)(cluster);
}

/**
 * The affinities a cluster may match for this attempt: `clusterAffinity`, or the clusterAffinities
 * term named by the observed affinity name plus (workloads only) its overflow affinities.
 * Undefined means "no affinity constraint".
 */
export function activeAffinities(ctx: ScheduleContext): ClusterAffinity[] | undefined {
  const { placement } = ctx;
  if (placement.clusterAffinity) return [placement.clusterAffinity];
  const term = placement.clusterAffinities?.find((t) => t.affinityName === (ctx.observedAffinityName ?? ""));
  if (!term) return undefined;
  const out: ClusterAffinity[] = [term];
  if (ctx.isWorkload) out.push(...(term.overflowAffinities ?? []));
  return out;
}

export const clusterAffinityPlugin: FilterPlugin = {
  name: "ClusterAffinity",
  prepare(ctx) {
    const affinities = activeAffinities(ctx);
    if (!affinities) return () => undefined;
    const predicates = affinities.map(compileClusterAffinity);
    return (cluster) => {
      for (const p of predicates) if (p(cluster)) return undefined;
      return AFFINITY_MISMATCH;
    };
  },
};
