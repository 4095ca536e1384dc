import type { ResourceDescriptor } from "../../resource-descriptor";
import { AGE, builtin, col } from "../builtin";
import { rec } from "../format";
import { validateDataKeys } from "./data-keys";
import { causes } from "../../errors";

/** core/v1 ConfigMap: DATA counts data plus binaryData keys. */
export function configMapDescriptor(): ResourceDescriptor {
  return builtin({
    group: "",
    version: "v1",
    kind: "ConfigMap",
    plural: "configmaps",
    namespaced: true,
    shortNames: ["cm"],
    columns: [
      col("Data", "integer", (o) => Object.keys(rec(o.data)).length + Object.keys(rec(o.binaryData)).length, {
        description: "Data contains the configuration data.",
      }),
      AGE,
    ],
    validate: (obj, old) => {
      const out = [...validateDataKeys(obj, ["data", "binaryData"], "ConfigMap")];
      if (old && old.immutable === true) {
        if (obj.immutable !== true) out.push(causes.forbidden("immutable", "field is immutable when `immutable` is set"));
        else if (JSON.stringify(old.data ?? {}) !== JSON.stringify(obj.data ?? {}) || JSON.stringify(old.binaryData ?? {}) !== JSON.stringify(obj.binaryData ?? {}))
          out.push(causes.forbidden("data", "field is immutable when `immutable` is set"));
      }
      return out;
    },
  });
}
