import type { StatusCause } from "../../types";
import type { ResourceDescriptor } from "../../resource-descriptor";
import { AGE, builtin, col, ensureObj, setDefault } from "../builtin";
import { arr, dig, str } from "../format";
import { causes } from "../../errors";

/** Label kube-apiserver stamps on every namespace with its own name (since 1.21). */
export const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

/** core/v1 Namespace: finalizer "kubernetes", phase Active, the metadata.name label. */
export function namespaceDescriptor(): ResourceDescriptor {
  return builtin({
    group: "",
    version: "v1",
    kind: "Namespace",
    plural: "namespaces",
    namespaced: false,
    shortNames: ["ns"],
    verbs: ["create", "delete", "get", "list", "patch", "update", "watch"],
    subresources: { status: true },
    nameValidation: "dns1123-label",
    columns: [col("Status", "string", (o) => str(dig(o, "status", "phase")), { description: "The status of the namespace" }), AGE],
    fieldLabels: { "status.phase": (o) => str(dig(o, "status", "phase")) },
    applyDefaults: (obj) => {
      const spec = ensureObj(obj, "spec");
      if (arr(spec.finalizers).length === 0 && !Array.isArray(spec.finalizers)) spec.finalizers = ["kubernetes"];
      setDefault(ensureObj(obj, "status"), "phase", "Active");
      if (obj.metadata.name) obj.metadata.labels = { ...obj.metadata.labels, [NAMESPACE_NAME_LABEL]: obj.metadata.name };
    },
    validate: (obj) => {
      const out: StatusCause[] = [];
      const phase = dig(obj, "status", "phase");
      if (phase !== undefined && phase !== "Active" && phase !== "Terminating")
        out.push(causes.notSupported("status.phase", phase, ["Active", "Terminating"]));
      return out;
    },
  });
}
