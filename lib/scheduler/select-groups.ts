/**
 * Karmada's group selection for region spread (`spreadconstraint/select_groups.go`): a depth-first
 * search over groups (value = clusters in the group, weight = group score) for combinations whose
 * length is within [min, max] and whose summed value reaches `target` (the cluster minGroups),
 * then the best path by weight, value and discovery order, preferring a strictly shorter path
 * that is a prefix of the winner.
 */

export interface GroupInfo {
  name: string;
  value: number;
  weight: number;
}

interface Path {
  id: number;
  groups: GroupInfo[];
  weight: number;
  value: number;
}

const byWeightThenName = (a: GroupInfo, b: GroupInfo) => (a.weight !== b.weight ? b.weight - a.weight : a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** All feasible paths in DFS discovery order; groups are sorted (value asc, weight desc, name asc) first. */
export function findFeasiblePaths(groups: GroupInfo[], minConstraint: number, maxConstraint: number, target: number): Path[] {
  const sorted = [...groups].sort((a, b) => (a.value !== b.value ? a.value - b.value : a.weight !== b.weight ? b.weight - a.weight : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const paths: Path[] = [];
  const stack: GroupInfo[] = [];
  let nextId = 0;
  const dfs = (sum: number, begin: number) => {
    if (sum >= target && stack.length >= minConstraint && stack.length <= maxConstraint) {
      const chosen = [...stack].sort(byWeightThenName);
      let weight = 0;
      let value = 0;
      for (const g of chosen) {
        weight += g.weight;
        value += g.value;
      }
      paths.push({ id: ++nextId, groups: chosen, weight, value });
      return;
    }
    if (stack.length >= maxConstraint) return;
    for (let i = begin; i < sorted.length; i++) {
      stack.push(sorted[i]);
      dfs(sum + sorted[i].value, i + 1);
      // When every group is needed to reach the minimum there is nothing to backtrack into.
      if (sorted.length === minConstraint) break;
      stack.pop();
    }
  };
  dfs(0, 0);
  return paths;
}

function isStrictPrefix(path: Path, sub: Path): boolean {
  if (sub.groups.length >= path.groups.length) return false;
  return sub.groups.every((g, i) => path.groups[i].name === g.name);
}

/** The best feasible path: weight desc, value desc, id asc; then any shorter prefix-path wins. */
export function prioritizePaths(paths: Path[]): Path {
  if (paths.length === 1) return paths[0];
  const sorted = [...paths].sort((a, b) => (a.weight !== b.weight ? b.weight - a.weight : a.value !== b.value ? b.value - a.value : a.id - b.id));
  let best = sorted[0];
  for (let i = 1; i < sorted.length; i++) if (isStrictPrefix(best, sorted[i])) best = sorted[i];
  return best;
}

/** Karmada's `selectGroups`: the chosen groups (sorted by weight desc, name asc), or [] when none is feasible. */
export function selectGroups(groups: GroupInfo[], minConstraint: number, maxConstraint: number, target: number): GroupInfo[] {
  if (groups.length === 0) return [];
  const paths = findFeasiblePaths(groups, minConstraint, maxConstraint, target);
  if (paths.length === 0) return [];
  return prioritizePaths(paths).groups;
}
