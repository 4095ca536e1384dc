import type { KubeObject } from "../kube/types";
import { cloneJson } from "../store/json-clone";

/** Deep copy of a JSON object (objects in storage and on the wire are plain JSON). */
export function clone<T>(v: T): T {
  return cloneJson(v);
}

/**
 * Structural equality of JSON values, insensitive to key order; keys whose value is undefined
 * count as absent. Plain loops, no key arrays or closures: every write and many controllers
 * compare objects, and the garbage showed up as GC time.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const isArray = Array.isArray(a);
  if (isArray !== Array.isArray(b)) return false;
  if (isArray) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!deepEqual(x[i], y[i])) return false;
    return true;
  }
  return sameEntries(a as Record<string, unknown>, b as Record<string, unknown>, undefined);
}

/**
 * deepEqual of two objects' entries, `skip` aside. for..in walks V8's cached key list without
 * copying it; JSON objects have no inherited enumerable keys, so it sees what Object.keys does.
 */
function sameEntries(a: Record<string, unknown>, b: Record<string, unknown>, skip: string | undefined): boolean {
  let count = 0;
  for (const k in a) {
    const v = a[k];
    if (v === undefined || k === skip) continue;
    if (!deepEqual(v, b[k])) return false;
    count++;
  }
  for (const k in b) if (b[k] !== undefined && k !== skip) count--;
  return count === 0;
}

/**
 * Whether two versions of an object are the same apart from managedFields timestamps: an
 * update that changes nothing else is a no-op (the field manager would only refresh times).
 * Compared in place rather than on stripped copies (three object copies per write).
 */
export function sameIgnoringManagedTimes(a: KubeObject, b: KubeObject): boolean {
  if (!sameEntries(a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>, "metadata")) return false;
  const am = (a.metadata ?? {}) as Record<string, unknown>;
  const bm = (b.metadata ?? {}) as Record<string, unknown>;
  if (!sameEntries(am, bm, "managedFields")) return false;
  const x = am.managedFields;
  const y = bm.managedFields;
  if (!Array.isArray(x) || !Array.isArray(y)) return deepEqual(x, y);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    const p = x[i];
    const q = y[i];
    const plain = typeof p === "object" && p !== null && !Array.isArray(p) && typeof q === "object" && q !== null && !Array.isArray(q);
    if (!(plain ? sameEntries(p, q, "time") : deepEqual(p, q))) return false;
  }
  return true;
}

/** Everything but metadata and status: the part whose change bumps metadata.generation. */
export function specPart(obj: KubeObject): Record<string, unknown> {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = obj;
  return rest;
}

/** "ns/name" or "name": a stable key for an object inside one resource. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

const GENERATE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/** apiserver's names.SimpleNameGenerator: prefix + 5 random characters from a vowel-free alphabet. */
export function generateName(prefix: string): string {
  let suffix = "";
  for (let i = 0; i < 5; i++) suffix += GENERATE_ALPHABET[Math.floor(Math.random() * GENERATE_ALPHABET.length)];
  const max = 63 - 5;
  return (prefix.length > max ? prefix.slice(0, max) : prefix) + suffix;
}

let lastSecond = NaN;
let lastText = "";

/** RFC 3339 without fractional seconds, as metav1.Time serialises. */
export function formatTime(d: Date): string {
  // Every write formats "now" up to three times: within one second the text is the same.
  const second = Math.floor(d.getTime() / 1000);
  if (second === lastSecond) return lastText;
  const text = d.toISOString().replace(/\.\d{3}Z$/, "Z");
  lastSecond = second;
  lastText = text;
  return text;
}
