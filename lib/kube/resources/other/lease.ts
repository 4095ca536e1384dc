import type { StatusCause } from "../../types";
import type { ResourceDescriptor } from "../../resource-descriptor";
import { AGE, builtin, col } from "../builtin";
import { dig, str } from "../format";
import { causes } from "../../errors";

/** coordination.k8s.io/v1 Lease (Pull-mode cluster heartbeats, leader election). */
export function leaseDescriptor(): ResourceDescriptor {
  return builtin({
    group: "coordination.k8s.io",
    version: "v1",
    kind: "Lease",
    plural: "leases",
    namespaced: true,
    columns: [col("Holder", "string", (o) => str(dig(o, "spec", "holderIdentity"))), AGE],
    validate: (obj) => {
      const out: StatusCause[] = [];
      for (const k of ["leaseDurationSeconds", "leaseTransitions"]) {
        const v = dig(obj, "spec", k);
        if (typeof v === "number" && (k === "leaseDurationSeconds" ? v <= 0 : v < 0))
          out.push(causes.invalid(`spec.${k}`, v, k === "leaseDurationSeconds" ? "must be greater than 0" : "must be greater than or equal to 0"));
      }
      return out;
    },
  });
}
