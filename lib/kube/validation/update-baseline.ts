/**
 * The stored object an update starts from, visible to schema defaulting while the write
 * pipeline runs it. Descriptor hooks only receive the new object (`applyDefaults(obj)`), and
 * wrappers around them (Karmada's webhooks) forward that alone; the baseline lets structural
 * pruning and defaulting skip subtrees the new object still shares with the stored one (same
 * reference = unchanged = already pruned and defaulted). Set and read synchronously only.
 */
let baseline: unknown;

/** Runs `fn` with `old` as the update baseline; the previous baseline is restored after. */
export function withUpdateBaseline<T>(old: unknown, fn: () => T): T {
  const prev = baseline;
  baseline = old;
  try {
    return fn();
  } finally {
    baseline = prev;
  }
}

/** The current update baseline, or undefined outside withUpdateBaseline (creates, direct calls). */
export function updateBaseline(): unknown {
  return baseline;
}

/** `old`'s member `k` when `old` is a plain object; the baseline of a child value. */
export function baselineChild(old: unknown, k: string | number): unknown {
  if (typeof old !== "object" || old === null) return undefined;
  return (old as Record<string | number, unknown>)[k];
}

/** True when `value` is an object or array that is `old` itself: nothing below it changed. */
export function unchangedSubtree(value: unknown, old: unknown): boolean {
  return value === old && typeof value === "object" && value !== null;
}
