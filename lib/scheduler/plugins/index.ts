import type { FilterPlugin } from "../framework";
import { apiEnablementPlugin } from "./api-enablement";
import { clusterAffinityPlugin } from "./cluster-affinity";
import { clusterEvictionPlugin } from "./cluster-eviction";
import { spreadConstraintPlugin } from "./spread-constraint";
import { taintTolerationPlugin } from "./taint-toleration";

/**
 * The filter plugins in run order. Karmada builds its list from a Go map (random order); Flotilla
 * fixes the registry's declaration order so the reported first failure is deterministic.
 */
export const FILTER_PLUGINS: readonly FilterPlugin[] = [
  apiEnablementPlugin,
  taintTolerationPlugin,
  clusterAffinityPlugin,
  spreadConstraintPlugin,
  clusterEvictionPlugin,
];
