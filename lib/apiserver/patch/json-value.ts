import type { JsonObject, JsonValue } from "../../kube/types";

/**
 * Small JSON helpers shared by every patch flavour. They work on plain parsed JSON (no Maps,
 * no class instances), which is what the API server decodes request bodies into.
 */

/** True for a JSON object (not null, not an array). */
export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Structural equality of two JSON values; key order is irrelevant, array order matters. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let n = 0;
  for (const k in ao) {
    if (!Object.prototype.hasOwnProperty.call(bo, k) || !jsonEqual(ao[k], bo[k])) return false;
    n++;
  }
  for (const _ in bo) n--;
  return n === 0;
}

/** Deep copy of a JSON value; cheaper than a stringify/parse round trip and keeps numbers as is. */
export function cloneJson<T>(v: T): T {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = cloneJson(v[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const k in v as Record<string, unknown>) out[k] = cloneJson((v as Record<string, unknown>)[k]);
  return out as T;
}

/** Go's reflect kind as strategic merge patch compares it: "map", "slice" or the scalar type. */
export function jsonKind(v: unknown): "map" | "slice" | "null" | "string" | "number" | "boolean" {
  if (v === null || v === undefined) return "null";
  if (Array.isArray(v)) return "slice";
  if (typeof v === "object") return "map";
  return typeof v as "string" | "number" | "boolean";
}

/** Renders a value roughly as Go's %v would, for error messages that mirror kube's. */
export function goString(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (Array.isArray(v)) return `[${v.map(goString).join(" ")}]`;
  if (typeof v === "object") {
    const keys = Object.keys(v).sort();
    return `map[${keys.map((k) => `${k}:${goString((v as JsonObject)[k])}`).join(" ")}]`;
  }
  return String(v);
}

export type { JsonObject, JsonValue };
