import type { ResourceDescriptor } from "../../resource-descriptor";
import { AGE, builtin, col, ensureObj, setDefault } from "../builtin";
import { dig, num } from "../format";
import { defaultPodTemplate } from "../core/pod-spec";
import { templateColumns, validateWorkload } from "./workload";

/** apps/v1 ReplicaSet. */
export function replicaSetDescriptor(): ResourceDescriptor {
  return builtin({
    group: "apps",
    version: "v1",
    kind: "ReplicaSet",
    plural: "replicasets",
    namespaced: true,
    shortNames: ["rs"],
    categories: ["all"],
    subresources: { status: true, scale: true },
    columns: [
      col("Desired", "integer", (o) => num(dig(o, "spec", "replicas"))),
      col("Current", "integer", (o) => num(dig(o, "status", "replicas"))),
      col("Ready", "integer", (o) => num(dig(o, "status", "readyReplicas"))),
      AGE,
      ...templateColumns(true),
    ],
    fieldLabels: { "status.replicas": (o) => String(num(dig(o, "status", "replicas"))) },
    applyDefaults: (obj) => {
      const spec = ensureObj(obj, "spec");
      setDefault(spec, "replicas", 1);
      if (spec.template && typeof spec.template === "object") defaultPodTemplate(spec.template as Record<string, unknown>);
    },
    validate: (obj, old) => validateWorkload(obj, old, { noun: "replicaset", restartPolicies: ["Always"], selectorRequired: true, replicas: true }),
  });
}
