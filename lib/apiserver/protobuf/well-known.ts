import type { JsonValue } from "../../kube/types";

/** apimachinery types whose JSON form is not their message shape. */
export const TIME = ".k8s.io.apimachinery.pkg.apis.meta.v1.Time";
export const MICRO_TIME = ".k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime";
export const QUANTITY = ".k8s.io.apimachinery.pkg.api.resource.Quantity";
export const INT_OR_STRING = ".k8s.io.apimachinery.pkg.util.intstr.IntOrString";

type Msg = Record<string, unknown>;

/**
 * JSON value of a well-known message, `undefined` to omit it (a zero Time, which Go encodes
 * as an empty message), or `null` when `fullName` is not a well-known type.
 */
export function wellKnownToJson(fullName: string, msg: Msg): JsonValue | undefined | null {
  switch (fullName) {
    case TIME:
      // metav1.Time keeps whole seconds only (apimachinery drops nanos on unmarshal).
      return has(msg, "seconds") ? rfc3339(toNumber(msg.seconds), 0) : undefined;
    case MICRO_TIME:
      return has(msg, "seconds") ? rfc3339(toNumber(msg.seconds), has(msg, "nanos") ? toNumber(msg.nanos) : 0, 6) : undefined;
    case QUANTITY:
      return typeof msg.string === "string" ? msg.string : "0";
    case INT_OR_STRING:
      return toNumber(msg.type ?? 0) === 1 ? String(msg.strVal ?? "") : toNumber(msg.intVal ?? 0);
    default:
      return null;
  }
}

/** Plain-object message for a well-known type from its JSON form, or `null` when not well-known. */
export function wellKnownFromJson(fullName: string, value: unknown): Msg | null {
  switch (fullName) {
    case TIME:
    case MICRO_TIME: {
      const ms = Date.parse(String(value));
      if (Number.isNaN(ms)) throw new Error(`invalid time ${JSON.stringify(value)}`);
      const seconds = Math.floor(ms / 1000);
      return fullName === TIME ? { seconds } : { seconds, nanos: (ms - seconds * 1000) * 1_000_000 };
    }
    case QUANTITY:
      return { string: String(value) };
    case INT_OR_STRING:
      return typeof value === "number" ? { type: 0, intVal: value } : { type: 1, strVal: String(value) };
    default:
      return null;
  }
}

/** int64 values arrive as Long objects when the `long` package is present. */
export function toNumber(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "string") return Number(v);
  if (v && typeof (v as { toNumber?: unknown }).toNumber === "function") return (v as { toNumber(): number }).toNumber();
  return Number(v);
}

/** Go's RFC3339 (UTC, `Z`), with `fractionDigits` fixed digits when given (MicroTime uses 6). */
export function rfc3339(seconds: number, nanos: number, fractionDigits = 0): string {
  const base = new Date(seconds * 1000).toISOString().slice(0, 19);
  if (!fractionDigits) return `${base}Z`;
  const frac = String(Math.floor(nanos)).padStart(9, "0").slice(0, fractionDigits);
  return `${base}.${frac}Z`;
}

function has(msg: Msg, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(msg, key);
}
