import type { StatusCause } from "../../types";
import { causes } from "../../errors";
import { arr, rec, str } from "../format";
import { isLabelKey } from "./content";

/**
 * Karmada's placement rules (pkg/util/validation): clusterAffinity vs clusterAffinities,
 * overflow affinities, field selector keys/operators, spread constraints, workload affinity,
 * toleration operators. Field paths as Karmada's webhook reports them.
 */
export function validatePlacement(placementValue: unknown, path: string): StatusCause[] {
  const out: StatusCause[] = [];
  const p = rec(placementValue);
  if (p.clusterAffinity != null && p.clusterAffinities != null)
    out.push(causes.invalid(path, p, "clusterAffinities cannot co-exist with clusterAffinity"));
  const allowOverflow = overflowAllowed(rec(p.replicaScheduling));
  arr(p.clusterAffinities).forEach((a, i) => {
    if (a.overflowAffinities != null && !allowOverflow)
      out.push(causes.invalid(`${path}.clusterAffinities[${i}].overflowAffinities`, a.overflowAffinities, "overflowAffinities can only be used together with dynamic weight or aggregated scheduling"));
  });
  if (p.clusterAffinity != null) out.push(...validateClusterAffinity(p.clusterAffinity, `${path}.clusterAffinity`));
  out.push(...validateAffinityTerms(arr(p.clusterAffinities), `${path}.clusterAffinities`));
  out.push(...validateSpreadConstraints(arr(p.spreadConstraints), `${path}.spreadConstraints`));
  out.push(...validateWorkloadAffinity(p.workloadAffinity, `${path}.workloadAffinity`));
  arr(p.clusterTolerations).forEach((t, i) => {
    if (t.operator === "Lt" || t.operator === "Gt") out.push(causes.notSupported(`${path}.clusterTolerations[${i}].operator`, t.operator, ["", "Exists", "Equal"]));
  });
  return out;
}

function overflowAllowed(rs: Record<string, unknown>): boolean {
  if (rs.replicaSchedulingType !== "Divided") return false;
  if (rs.replicaDivisionPreference === "Aggregated") return true;
  return rs.replicaDivisionPreference === "Weighted" && str(rec(rs.weightPreference).dynamicWeight) !== "";
}

/** Field selector keys must be provider/region/zone and operators In/NotIn. */
export function validateClusterAffinity(affinity: unknown, path: string): StatusCause[] {
  const fs = rec(affinity).fieldSelector;
  if (fs === undefined || fs === null) return [];
  for (const e of arr(rec(fs).matchExpressions)) {
    if (!["provider", "region", "zone"].includes(str(e.key)))
      return [causes.invalid(`${path}.fieldSelector`, fs, `unsupported key "${str(e.key)}", must be provider, region, or zone`)];
    if (e.operator !== "In" && e.operator !== "NotIn")
      return [causes.invalid(`${path}.fieldSelector`, fs, `unsupported operator "${str(e.operator)}", must be In or NotIn`)];
  }
  return [];
}

function isEmptyAffinity(a: Record<string, unknown>): boolean {
  return a.labelSelector == null && a.fieldSelector == null && arr(a.clusterNames).length === 0 && arr(a.exclude).length === 0;
}

function validateAffinityTerms(terms: Record<string, unknown>[], path: string): StatusCause[] {
  const out: StatusCause[] = [];
  const names = new Set<string>();
  terms.forEach((t, i) => {
    const name = str(t.affinityName);
    for (const e of isLabelKey(name)) out.push(causes.invalid(`${path}[${i}]`, name, e));
    if (names.has(name)) out.push(causes.invalid(path, terms, "each affinity term in a policy must have a unique name"));
    names.add(name);
    out.push(...validateClusterAffinity(t, `${path}[${i}]`));
    if (t.overflowAffinities == null) return;
    if (isEmptyAffinity(t)) out.push(causes.invalid(`${path}[${i}].overflowAffinities`, t.overflowAffinities, "overflowAffinities can only be used together with the inline ClusterAffinity"));
    const seen = new Set([name]);
    arr(t.overflowAffinities).forEach((o, j) => {
      const op = `${path}[${i}].overflowAffinities[${j}]`;
      const on = str(o.affinityName);
      for (const e of isLabelKey(on)) out.push(causes.invalid(`${op}.affinityName`, on, e));
      if (seen.has(on)) out.push(causes.invalid(`${op}.affinityName`, on, "overflow affinity name must be unique and must not duplicate the primary group's affinityName"));
      seen.add(on);
      out.push(...validateClusterAffinity(o, op));
    });
  });
  return out;
}

/** Spread constraint rules, including "a cluster constraint is required once any spreadByField is used". */
export function validateSpreadConstraints(list: Record<string, unknown>[], path: string): StatusCause[] {
  const out: StatusCause[] = [];
  const fields = new Map<string, boolean>();
  list.forEach((c, i) => {
    const field = str(c.spreadByField);
    const min = typeof c.minGroups === "number" ? c.minGroups : 0;
    const max = typeof c.maxGroups === "number" ? c.maxGroups : 0;
    if (field && str(c.spreadByLabel)) out.push(causes.invalid(`${path}[${i}]`, c, "spreadByLabel should not co-exist with spreadByField"));
    if (min < 0) out.push(causes.invalid(`${path}[${i}]`, c, "minGroups lower than 0 is not allowed"));
    if (max < 0) out.push(causes.invalid(`${path}[${i}]`, c, "maxGroups lower than 0 is not allowed"));
    if (max > 0 && max < min) out.push(causes.invalid(`${path}[${i}]`, c, "maxGroups lower than minGroups is not allowed"));
    if (!field) return;
    const reported = fields.get(field);
    // Report each duplicated field once, like Karmada's error mark.
    if (reported === false) {
      out.push(causes.invalid(path, list, `multiple ${field} spread constraints are not allowed`));
      fields.set(field, true);
    }
    if (reported === undefined) fields.set(field, false);
  });
  if (fields.size > 0 && !fields.has("cluster"))
    out.push(causes.invalid(path, list, "the cluster spread constraint must be enabled in one of the constraints in case of SpreadByField is enabled"));
  return out;
}

function validateWorkloadAffinity(value: unknown, path: string): StatusCause[] {
  if (value == null) return [];
  const out: StatusCause[] = [];
  const wa = rec(value);
  for (const k of ["affinity", "antiAffinity"]) {
    if (wa[k] == null) continue;
    const key = str(rec(wa[k]).groupByLabelKey);
    for (const e of isLabelKey(key)) out.push(causes.invalid(`${path}.${k}.groupByLabelKey`, key, e));
  }
  if (wa.affinity != null && wa.antiAffinity != null && rec(wa.affinity).groupByLabelKey === rec(wa.antiAffinity).groupByLabelKey)
    out.push(causes.invalid(path, wa, "affinity and antiAffinity must not use the same groupByLabelKey"));
  return out;
}
