/**
 * JSON text exactly as Go's encoding/json writes it, for annotations that other tools compare
 * byte for byte: maps have sorted keys, `<`, `>`, `&`, U+2028 and U+2029 are escaped, output is
 * compact. Go structs keep their declared field order; build them with `goStruct` (entries in
 * order, `undefined` entries omitted).
 */

const STRUCT = Symbol("goStruct");

export interface GoStruct {
  [STRUCT]: [string, unknown][];
}

/** A Go struct value: fields in declaration order; pass `undefined` to omit (omitempty). */
export function goStruct(fields: [string, unknown][]): GoStruct {
  return { [STRUCT]: fields.filter(([, v]) => v !== undefined) };
}

function isStruct(v: unknown): v is GoStruct {
  return typeof v === "object" && v !== null && STRUCT in v;
}

/** Encodes like json.Marshal. Plain objects are treated as Go maps (keys sorted by byte order). */
export function goJsonStringify(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (isStruct(value)) return `{${value[STRUCT].map(([k, v]) => `${goString(k)}:${goJsonStringify(v)}`).join(",")}}`;
  if (Array.isArray(value)) return `[${value.map(goJsonStringify).join(",")}]`;
  switch (typeof value) {
    case "string":
      return goString(value);
    case "number":
      return Number.isFinite(value) ? JSON.stringify(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "object": {
      const keys = Object.keys(value).sort(byteOrder);
      return `{${keys.map((k) => `${goString(k)}:${goJsonStringify((value as Record<string, unknown>)[k])}`).join(",")}}`;
    }
    default:
      return "null";
  }
}

function byteOrder(a: string, b: string): number {
  const ca = Array.from(a, (c) => c.codePointAt(0)!);
  const cb = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) if (ca[i] !== cb[i]) return ca[i] - cb[i];
  return ca.length - cb.length;
}

/**
 * A Go-escaped JSON string literal. A lone surrogate (invalid UTF-8 in Go) becomes \ufffd.
 * `legacyControl`: \b and \f as \u0008 and \u000c, as encoders forked from Go before 1.22 write them.
 */
export function goString(s: string, legacyControl = false): string {
  return JSON.stringify(s)
    .replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/\\(\\|ud[89a-f][0-9a-f]{2}|b|f)/g, (m, e: string) => {
      if (e === "\\") return m;
      if (e === "b" || e === "f") return legacyControl ? (e === "b" ? "\\u0008" : "\\u000c") : m;
      return "\\ufffd";
    });
}
