import type { ObjectMeta, StatusCause } from "../types";
import { causes } from "../errors";
import { isQualifiedName, isValidLabelValue } from "./names";

const TOTAL_ANNOTATION_SIZE = 256 * 1024;

/**
 * Label and annotation checks of apimachinery's ValidateObjectMeta (the name itself is checked
 * by the API server through the descriptor's `nameValidation`). Field paths as kube prints them.
 */
export function validateLabelsAndAnnotations(meta: ObjectMeta | undefined, path = "metadata"): StatusCause[] {
  const out: StatusCause[] = [];
  for (const [k, v] of Object.entries(meta?.labels ?? {})) {
    for (const e of isQualifiedName(k)) out.push(causes.invalid(`${path}.labels`, k, e));
    for (const e of isValidLabelValue(String(v))) out.push(causes.invalid(`${path}.labels`, v, e));
  }
  let size = 0;
  for (const [k, v] of Object.entries(meta?.annotations ?? {})) {
    for (const e of isQualifiedName(k.toLowerCase())) out.push(causes.invalid(`${path}.annotations`, k, e));
    size += k.length + String(v).length;
  }
  if (size > TOTAL_ANNOTATION_SIZE) out.push({ reason: "FieldValueTooLong", field: `${path}.annotations`, message: `Too long: may not be more than ${TOTAL_ANNOTATION_SIZE} bytes` });
  return out;
}
