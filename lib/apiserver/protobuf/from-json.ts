import protobuf from "protobufjs";
import { jsonName } from "./to-json";
import { wellKnownFromJson } from "./well-known";

type Msg = Record<string, unknown>;

/**
 * The inverse of messageToJson: a plain object `type.fromObject` accepts, built from the JSON
 * form (well-known types re-wrapped, `(inline)` fields gathered from the parent's keys, base64
 * strings kept for bytes, which fromObject decodes). Fields the schema lacks are dropped.
 */
export function jsonToMessage(type: protobuf.Type, json: Msg): Msg {
  const out: Msg = {};
  for (const field of type.fieldsArray) {
    if (field.options?.["(skip)"]) continue;
    const resolved = field.resolvedType instanceof protobuf.Type ? field.resolvedType : null;
    if (field.options?.["(inline)"] && resolved) {
      out[field.name] = jsonToMessage(resolved, json);
      continue;
    }
    const value = json[jsonName(field)];
    if (value === undefined || value === null) continue;
    if (field.map) {
      out[field.name] = Object.fromEntries(Object.entries(value as Msg).map(([k, v]) => [k, valueFromJson(resolved, v)]));
    } else if (field.repeated) {
      out[field.name] = (value as unknown[]).map((v) => valueFromJson(resolved, v));
    } else {
      out[field.name] = valueFromJson(resolved, value);
    }
  }
  return out;
}

function valueFromJson(resolved: protobuf.Type | null, v: unknown): unknown {
  if (!resolved) return v;
  return wellKnownFromJson(resolved.fullName, v) ?? jsonToMessage(resolved, v as Msg);
}
