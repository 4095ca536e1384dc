import type { FilterPlugin } from "../framework";

/**
 * SpreadConstraint filter: spreading by provider, region or zone needs the cluster to declare
 * that property (non-empty provider / region / zones). Spreading by cluster needs nothing.
 */
export const spreadConstraintPlugin: FilterPlugin = {
  name: "SpreadConstraint",
  prepare(ctx) {
    const fields = (ctx.placement.spreadConstraints ?? []).map((s) => s.spreadByField);
    if (!fields.some((f) => f === "provider" || f === "region" || f === "zone")) return () => undefined;
    return (cluster) => {
      for (const field of fields) {
        // Checked in constraint order, first missing property wins, as Karmada does.
        if (field === "provider" && !cluster.spec.provider) return "cluster(s) did not have provider property";
        if (field === "region" && !cluster.spec.region) return "cluster(s) did not have region property";
        if (field === "zone" && (cluster.spec.zones ?? []).length === 0) return "cluster(s) did not have zones property";
      }
      return undefined;
    };
  },
};
