import type { KubeObject } from "../kube/types";
import { cloneJson } from "../store/json-clone";

/** Deep copy of a JSON object (objects in storage and on the wire are plain JSON). */
export function clone<T>(v: T): T {
  return cloneJson(v);
}

/** Structural equality of JSON values, insensitive to key order. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => deepEqual(ao[k], bo[k]));
}

/**
 * Whether two versions of an object are the same apart from managedFields timestamps: an
 * update that changes nothing else is a no-op (the field manager would only refresh times).
 */
export function sameIgnoringManagedTimes(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject) => ({
    ...o,
    metadata: { ...o.metadata, managedFields: o.metadata.managedFields?.map(({ time: _t, ...rest }) => rest) },
  });
  return deepEqual(strip(a), strip(b));
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
