import type { JSONSchemaProps } from "../../../validation/schema-types";
import { dateTime, int64, list, obj, oneOf, str } from "./primitives";

/** metav1.Condition's reason syntax (a CamelCase identifier, also used for eviction reasons). */
export const REASON_PATTERN = "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$";
/** metav1.Condition's type syntax: an optional DNS-subdomain prefix and a qualified name. */
const CONDITION_TYPE_PATTERN =
  "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$";

/** metav1.Condition with apimachinery's validation markers (bounds, patterns, status enum). */
export const condition: JSONSchemaProps = obj(
  {
    type: str({ maxLength: 316, pattern: CONDITION_TYPE_PATTERN }),
    status: oneOf(["True", "False", "Unknown"]),
    observedGeneration: int64({ minimum: 0 }),
    lastTransitionTime: dateTime,
    reason: str({ maxLength: 1024, minLength: 1, pattern: REASON_PATTERN }),
    message: str({ maxLength: 32768 }),
  },
  { required: ["type", "status", "lastTransitionTime", "reason", "message"] },
);

/** `status.conditions` of bindings and Works. */
export const conditions: JSONSchemaProps = list(condition);

/** Karmada's ResourceHealth values (binding aggregated status, Work manifest statuses). */
export const resourceHealth: JSONSchemaProps = oneOf(["Healthy", "Unhealthy", "Unknown"]);
