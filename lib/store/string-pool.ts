/**
 * One shared copy of the short strings Kubernetes objects repeat. Every object parsed from JSON
 * or copied into the store has its own copy of each string value ("apps/v1", "RollingUpdate",
 * "10m", a policy's claim annotations, a cluster name), and caches keep one object per
 * resource: at 30,000 Deployments a heap snapshot found 165 MB of such repeats among 633 MB
 * live. Interning the values as the store takes its copy lets every cached object share them.
 *
 * The pool is bounded: it forgets everything once it holds MAX_ENTRIES strings (unique values
 * such as uids and timestamps fill it too), after which the common values are pooled again by
 * the next objects. Objects already written keep the copies they point to.
 */
const MAX_ENTRIES = 65_536;
/** Longer values (whole manifests in annotations, certificates) are rarely repeated. */
const MAX_LENGTH = 256;

let pool = new Map<string, string>();

export function intern(s: string): string {
  if (s.length > MAX_LENGTH) return s;
  const hit = pool.get(s);
  if (hit !== undefined) return hit;
  if (pool.size >= MAX_ENTRIES) pool = new Map();
  pool.set(s, s);
  return s;
}

/** Replaces, in place, every short string value of a fresh JSON value (one nothing else holds yet) by its pooled copy. */
export function internValues(v: unknown): void {
  if (typeof v !== "object" || v === null) return;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x === "string") v[i] = intern(x);
      else if (typeof x === "object" && x !== null) internValues(x);
    }
    return;
  }
  const o = v as Record<string, unknown>;
  for (const k in o) {
    const x = o[k];
    if (typeof x === "string") o[k] = intern(x);
    else if (typeof x === "object" && x !== null) internValues(x);
  }
}

/** Pool size, for tests. */
export function pooledCount(): number {
  return pool.size;
}
