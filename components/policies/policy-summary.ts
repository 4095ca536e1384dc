import type { OverridePolicy, PropagationPolicy, ResourceSelector } from "../../lib/kube/karmada";

/** "Deployment/nginx, ConfigMap (app=web)": what a policy selects, for list rows. */
export function selectorsSummary(selectors: readonly ResourceSelector[] | undefined): string {
  if (!selectors?.length) return "everything in scope";
  return selectors
    .map((s) => {
      const labels = s.labelSelector?.matchLabels ? Object.entries(s.labelSelector.matchLabels).map(([k, v]) => `${k}=${v}`).join(",") : "";
      return `${s.kind}${s.name ? `/${s.name}` : ""}${labels ? ` (${labels})` : ""}`;
    })
    .join(", ");
}

/** Where a propagation policy places: cluster names, a label selector, or "all clusters"; and the replica mode. */
export function placementSummary(p: PropagationPolicy): string {
  const placement = p.spec?.placement;
  const affinity = placement?.clusterAffinity;
  const where = affinity?.clusterNames?.length
    ? affinity.clusterNames.join(", ")
    : affinity?.labelSelector
      ? "clusters matching labels"
      : placement?.clusterAffinities?.length
        ? `${placement.clusterAffinities.length} affinity term(s)`
        : "all clusters";
  const rs = placement?.replicaScheduling;
  const mode = rs?.replicaSchedulingType === "Duplicated" ? "duplicated" : rs?.replicaDivisionPreference === "Aggregated" ? "divided, aggregated" : "divided, weighted";
  return `${where} · ${mode}`;
}

/** "2 rules: image, labels": what an override policy changes. */
export function overrideSummary(p: OverridePolicy): string {
  const rules = p.spec?.overrideRules ?? [];
  const kinds = new Set<string>();
  for (const r of rules) for (const [k, v] of Object.entries(r.overriders ?? {})) if (Array.isArray(v) && v.length) kinds.add(k.replace(/Overrider$/, ""));
  return `${rules.length} rule(s)${kinds.size ? `: ${[...kinds].join(", ")}` : ""}`;
}
