import type { ResourceDescriptor } from "../../resource-descriptor";
import { AGE, builtin, col } from "../builtin";
import { arr } from "../format";

/** core/v1 ServiceAccount: SECRETS counts the listed secrets. */
export function serviceAccountDescriptor(): ResourceDescriptor {
  return builtin({
    group: "",
    version: "v1",
    kind: "ServiceAccount",
    plural: "serviceaccounts",
    namespaced: true,
    shortNames: ["sa"],
    columns: [col("Secrets", "integer", (o) => arr(o.secrets).length), AGE],
  });
}
