import type { KubeObject, StatusCause } from "../../types";
import type { ResourceDescriptor } from "../../resource-descriptor";
import { arr, rec, str } from "../format";
import { karmadaCRDDescriptor, withWebhook } from "./crds";

/**
 * Karmada's ClusterTaintPolicy webhook: NoExecute taints are refused unless the administrator
 * allows them (Karmada's default: refused), and each (key, effect) pair may appear once.
 */
export function validateClusterTaintPolicy(obj: KubeObject, allowNoExecute = false): StatusCause[] {
  const out: StatusCause[] = [];
  const taints = arr(rec(obj.spec).taints);
  taints.forEach((t, i) => {
    const path = `spec.taints[${i}]`;
    if (!allowNoExecute && t.effect === "NoExecute")
      out.push({
        reason: "FieldValueForbidden",
        field: path,
        message: "Forbidden: Configuring taint with NoExecute effect is not allowed, this capability must be explicitly enabled by administrators through command-line flags",
      });
    const dup = taints.slice(i + 1).some((o) => str(o.key) === str(t.key) && str(o.effect) === str(t.effect));
    if (dup)
      out.push({
        reason: "FieldValueDuplicate",
        field: path,
        message: `Duplicate value: "Duplicate taint with the same key(${str(t.key)}) and effect(${str(t.effect)}) is not allowed"`,
      });
  });
  return out;
}

export function clusterTaintPolicyDescriptor(): ResourceDescriptor {
  return withWebhook(karmadaCRDDescriptor("ClusterTaintPolicy"), { validate: (o) => validateClusterTaintPolicy(o) });
}
