import protobuf from "protobufjs";
import type { JsonObject, JsonValue } from "../../kube/types";
import { toNumber, wellKnownToJson } from "./well-known";

type Msg = Record<string, unknown>;

/**
 * Converts a decoded message to the JSON the Kubernetes JSON API carries for the same Go
 * object. Go's protobuf marshaller writes every non-pointer field, even when zero, so a zero
 * scalar is dropped unless the field is marked `(ptr)` (then the client set it on purpose, e.g.
 * `replicas: 0`); this matches Go's `omitempty`. Present message fields stay, even empty
 * (`resources: {}`), as Go prints them; `(inline)` fields are flattened into their parent;
 * bytes become base64; int64 becomes a number; `(json)` renames.
 */
export function messageToJson(type: protobuf.Type, msg: Msg): JsonObject {
  const out: JsonObject = {};
  for (const field of type.fieldsArray) {
    if (field.options?.["(skip)"] || !Object.prototype.hasOwnProperty.call(msg, field.name)) continue;
    const raw = msg[field.name];
    const name = jsonName(field);
    if (field.map) {
      const entries = Object.entries(raw as Msg).map(([k, v]) => [k, valueToJson(field, v)] as const);
      if (entries.length) out[name] = Object.fromEntries(entries.filter(([, v]) => v !== undefined)) as JsonObject;
      continue;
    }
    if (field.repeated) {
      const items = (raw as unknown[]).map((v) => valueToJson(field, v) ?? null);
      if (items.length) out[name] = items;
      continue;
    }
    const value = valueToJson(field, raw);
    if (value === undefined) continue;
    if (field.options?.["(inline)"] && isObject(value)) {
      Object.assign(out, value);
      continue;
    }
    if (!field.resolvedType && !field.options?.["(ptr)"] && isZero(value)) continue;
    out[name] = value;
  }
  return out;
}

/** The JSON key of a field: its `(json)` option when the proto name differs, else the proto name. */
export function jsonName(field: protobuf.Field): string {
  const override = field.options?.["(json)"];
  return typeof override === "string" ? override : field.name;
}

function valueToJson(field: protobuf.Field, v: unknown): JsonValue | undefined {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) {
    const known = wellKnownToJson(resolved.fullName, v as Msg);
    if (known !== null) return known;
    return messageToJson(resolved, v as Msg);
  }
  if (field.type === "bytes") {
    const bytes = v as Uint8Array;
    return protobuf.util.base64.encode(bytes, 0, bytes.length);
  }
  if (typeof v === "string" || typeof v === "boolean" || typeof v === "number") return v;
  return toNumber(v);
}

function isZero(v: JsonValue): boolean {
  return v === "" || v === 0 || v === false;
}

function isObject(v: JsonValue): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
