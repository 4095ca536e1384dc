import type { StatusCause } from "../../types";
import { causes } from "../../errors";
import { isConfigMapKey } from "../../validation/names";
import { rec } from "../format";

const MAX_DATA_BYTES = 1024 * 1024;

/** Key checks shared by ConfigMap (data + binaryData) and Secret (data + stringData). */
export function validateDataKeys(obj: Record<string, unknown>, fields: string[], kind: "ConfigMap" | "Secret"): StatusCause[] {
  const out: StatusCause[] = [];
  const seen = new Set<string>();
  let size = 0;
  for (const f of fields) {
    for (const [k, v] of Object.entries(rec(obj[f]))) {
      for (const e of isConfigMapKey(k)) out.push(causes.invalid(`${f}[${k}]`, k, e));
      // Secrets merge stringData into data, so the same key may legitimately appear twice there.
      if (kind === "ConfigMap" && seen.has(k)) out.push(causes.invalid(`${f}[${k}]`, k, "duplicate of key present in data"));
      seen.add(k);
      size += typeof v === "string" ? v.length : 0;
    }
  }
  if (size > MAX_DATA_BYTES)
    out.push({ reason: "FieldValueTooLong", field: kind === "ConfigMap" ? "" : "data", message: `Too long: may not be more than ${MAX_DATA_BYTES} bytes` });
  return out;
}
