import type { FilterPlugin } from "../framework";

/** ClusterEviction filter: a cluster this binding is being gracefully evicted from is not a candidate. */
export const clusterEvictionPlugin: FilterPlugin = {
  name: "ClusterEviction",
  prepare(ctx) {
    return (cluster) => (ctx.evicting.has(cluster.metadata.name ?? "") ? "cluster(s) is in the process of eviction" : undefined);
  },
};
