import type { TargetCluster } from "../kube/karmada";
import { fnv1a32 } from "./fnv";

/**
 * The Webster (Sainte-Laguë) divisor method, Karmada's single routine for every weighted split
 * (`pkg/util/helper/webstermethod.go`, `binding.go`): each next seat goes to the party with the
 * largest votes / (2 * seats + 1). Quotients are compared as float64 divisions exactly as Go does,
 * so equal ratios tie exactly as they do in Karmada.
 */

export interface Party {
  name: string;
  votes: number;
  seats: number;
}

/** Tie order for equal quotients: true when `a` should get the seat before `b`. */
export type TieBreaker = (a: Party, b: Party) => boolean;

const ascending: TieBreaker = (a, b) => (a.seats !== b.seats ? a.seats < b.seats : a.name < b.name);
const descending: TieBreaker = (a, b) => (a.seats !== b.seats ? a.seats < b.seats : a.name > b.name);

/**
 * Karmada's UID-seeded tie-break: fewer seats first, then names ascending when the UID is empty or
 * its FNV-1a 32 hash is even, descending when odd. Spreads "first pick" fairly across bindings.
 */
export function tieBreakerByUid(uid: string | undefined): TieBreaker {
  if (!uid) return ascending;
  return (fnv1a32(uid) & 1) === 1 ? descending : ascending;
}

/** Whether the UID's tie-break direction is descending (for explanations). */
export function tieBreakDirection(uid: string | undefined): "ascending" | "descending" {
  return tieBreakerByUid(uid) === descending ? "descending" : "ascending";
}

function before(a: Party, b: Party, tie: TieBreaker): boolean {
  const pa = a.votes / (2 * a.seats + 1);
  const pb = b.votes / (2 * b.seats + 1);
  if (pa === pb) return tie(a, b);
  return pa > pb;
}

/** Minimal binary heap ordered by `before`; the top is the next party to get a seat. */
function siftDown(heap: Party[], start: number, tie: TieBreaker): void {
  let i = start;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= heap.length) return;
    const r = l + 1;
    const child = r < heap.length && before(heap[r], heap[l], tie) ? r : l;
    if (!before(heap[child], heap[i], tie)) return;
    [heap[i], heap[child]] = [heap[child], heap[i]];
    i = child;
  }
}

/**
 * Hands out `newSeats` seats over the parties (`votes` by name, optional starting `initial`
 * seats; a party only in `initial` has 0 votes). Returns every party sorted by name ascending,
 * zero-seat parties included, like Karmada's AllocateWebsterSeats.
 */
export function allocateWebsterSeats(
  newSeats: number,
  votes: ReadonlyMap<string, number>,
  initial: ReadonlyMap<string, number> | undefined,
  tie: TieBreaker = ascending,
): Party[] {
  const byName = new Map<string, Party>();
  for (const [name, seats] of initial ?? []) byName.set(name, { name, votes: 0, seats });
  for (const [name, v] of votes) {
    const p = byName.get(name);
    if (p) p.votes = v;
    else byName.set(name, { name, votes: v, seats: 0 });
  }
  const heap = [...byName.values()];
  if (heap.length === 0) return [];
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(heap, i, tie);
  for (let remaining = newSeats; remaining > 0; remaining--) {
    heap[0].seats++;
    siftDown(heap, 0, tie);
  }
  return heap.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Karmada's `SpreadReplicasByTargetClusters`: divides `numReplicas` by the weights in `weights`
 * (each entry's `replicas` is its weight) on top of `init`, with the UID tie-break. When the
 * weights sum to 0 nothing is handed out and `init` is returned unchanged.
 */
export function spreadReplicasByWeights(
  numReplicas: number,
  weights: readonly { name: string; weight: number }[],
  init: readonly TargetCluster[] | undefined,
  uid: string | undefined,
): TargetCluster[] {
  const initial = (init ?? []).map((c) => ({ name: c.name, replicas: c.replicas ?? 0 }));
  // Karmada's Dispenser is "done" when nothing is left to hand out and a result already exists.
  if (numReplicas === 0 && initial.length !== 0) return initial;
  let sum = 0;
  const votes = new Map<string, number>();
  for (const w of weights) {
    sum += w.weight;
    votes.set(w.name, w.weight);
  }
  if (sum === 0) return initial;
  const initMap = new Map(initial.map((c) => [c.name, c.replicas]));
  return allocateWebsterSeats(numReplicas, votes, initMap, tieBreakerByUid(uid)).map((p) => ({ name: p.name, replicas: p.seats }));
}
