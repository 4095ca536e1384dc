import type { Cluster, ClusterAffinity, FieldSelectorRequirement } from "../kube/karmada";
import { isQualifiedName, isValidLabelValue, labelSelectorMatches } from "./label-selector";

/**
 * ClusterAffinity matching with Karmada's `util.ClusterMatches` semantics. This is the one truth
 * for override rules (`targetCluster`) and static weight rules; the scheduler's filter plugin
 * may wrap it.
 *
 * Order of checks: `exclude` wins over everything; then the label selector (if set), then the
 * field selector (if set: `zone` against spec.zones with set semantics, `provider`/`region` as
 * node-selector requirements over the cluster's fields), and finally `clusterNames` (empty =
 * any). An empty affinity matches every cluster. A malformed selector matches nothing.
 */
export function matchClusterAffinity(affinity: ClusterAffinity, cluster: Cluster): boolean {
  const name = cluster.metadata.name ?? "";
  if (affinity.exclude?.includes(name)) return false;
  if (affinity.labelSelector && !labelSelectorMatches(affinity.labelSelector, cluster.metadata.labels)) return false;
  if (affinity.fieldSelector && !matchFieldSelector(affinity.fieldSelector.matchExpressions ?? [], cluster)) return false;
  const names = affinity.clusterNames ?? [];
  return names.length === 0 || names.includes(name);
}

/** The field keys Karmada understands in a ClusterAffinity field selector. */
export const PROVIDER_FIELD = "provider";
export const REGION_FIELD = "region";
export const ZONE_FIELD = "zone";

function matchFieldSelector(exprs: FieldSelectorRequirement[], cluster: Cluster): boolean {
  const fields: Record<string, string> = {};
  if (cluster.spec?.provider) fields[PROVIDER_FIELD] = cluster.spec.provider;
  if (cluster.spec?.region) fields[REGION_FIELD] = cluster.spec.region;
  const others: FieldSelectorRequirement[] = [];
  for (const e of exprs) {
    if (e.key !== ZONE_FIELD) {
      others.push(e);
      continue;
    }
    if (!matchZones(e, cluster.spec?.zones ?? [])) return false;
  }
  // Go converts all non-zone requirements first; any conversion error means "no match".
  const checks = others.map(compileNodeSelectorRequirement);
  if (checks.some((c) => c === undefined)) return false;
  return checks.every((c) => c!(fields));
}

/** zone requirements compare against the cluster's zone list (In = any overlap). */
export function matchZones(e: FieldSelectorRequirement, zones: string[]): boolean {
  const values = e.values ?? [];
  switch (e.operator) {
    case "In":
      return zones.some((z) => values.includes(z));
    case "NotIn":
      return !zones.some((z) => values.includes(z));
    case "Exists":
      return zones.length > 0;
    case "DoesNotExist":
      return zones.length === 0;
    default:
      return false;
  }
}

type FieldCheck = (fields: Record<string, string>) => boolean;

/** strconv.ParseInt(v, 10, 64) succeeds. */
function parsesInt64(v: string): boolean {
  if (!/^[+-]?\d+$/.test(v)) return false;
  const n = BigInt(v);
  return n >= -(2n ** 63n) && n < 2n ** 63n;
}

/**
 * corev1.NodeSelectorRequirement → labels requirement, as Karmada's lifted
 * NodeSelectorRequirementsAsSelector: labels.NewRequirement validates the key (qualified name),
 * the values (label values) and their count for the operator; undefined on any error.
 */
function compileNodeSelectorRequirement(e: FieldSelectorRequirement): FieldCheck | undefined {
  const values = e.values ?? [];
  const key = e.key;
  const has = (f: Record<string, string>) => Object.prototype.hasOwnProperty.call(f, key);
  if (!isQualifiedName(key) || !values.every(isValidLabelValue)) return undefined;
  switch (e.operator as string) {
    case "In":
      return values.length ? (f) => has(f) && values.includes(f[key]) : undefined;
    case "NotIn":
      return values.length ? (f) => !(has(f) && values.includes(f[key])) : undefined;
    case "Exists":
      return values.length ? undefined : has;
    case "DoesNotExist":
      return values.length ? undefined : (f) => !has(f);
    case "Gt":
    case "Lt": {
      if (values.length !== 1 || !parsesInt64(values[0])) return undefined;
      const bound = BigInt(values[0]);
      return (f) => {
        if (!has(f) || !parsesInt64(f[key])) return false;
        const v = BigInt(f[key]);
        return e.operator === ("Gt" as string) ? v > bound : v < bound;
      };
    }
    default:
      return undefined;
  }
}
