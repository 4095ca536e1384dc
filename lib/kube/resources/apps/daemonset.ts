import type { KubeObject } from "../../types";
import type { ResourceDescriptor } from "../../resource-descriptor";
import { AGE, builtin, col, ensureObj, setDefault } from "../builtin";
import { dig, formatLabels, num } from "../format";
import { defaultPodTemplate } from "../core/pod-spec";
import { templateColumns, validateWorkload } from "./workload";

/** apps/v1 DaemonSet. */
export function daemonSetDescriptor(): ResourceDescriptor {
  const status = (k: string) => (o: KubeObject) => num(dig(o, "status", k));
  return builtin({
    group: "apps",
    version: "v1",
    kind: "DaemonSet",
    plural: "daemonsets",
    namespaced: true,
    shortNames: ["ds"],
    categories: ["all"],
    subresources: { status: true },
    columns: [
      col("Desired", "integer", status("desiredNumberScheduled")),
      col("Current", "integer", status("currentNumberScheduled")),
      col("Ready", "integer", status("numberReady")),
      col("Up-to-date", "integer", status("updatedNumberScheduled")),
      col("Available", "integer", status("numberAvailable")),
      col("Node Selector", "string", (o) => formatLabels(dig(o, "spec", "template", "spec", "nodeSelector") as Record<string, string>)),
      AGE,
      ...templateColumns(true),
    ],
    applyDefaults: (obj) => {
      const spec = ensureObj(obj, "spec");
      const us = ensureObj(spec, "updateStrategy");
      setDefault(us, "type", "RollingUpdate");
      if (us.type === "RollingUpdate") {
        const ru = ensureObj(us, "rollingUpdate");
        setDefault(ru, "maxUnavailable", 1);
        setDefault(ru, "maxSurge", 0);
      }
      setDefault(spec, "revisionHistoryLimit", 10);
      if (spec.template && typeof spec.template === "object") defaultPodTemplate(spec.template as Record<string, unknown>);
    },
    validate: (obj, old) => validateWorkload(obj, old, { noun: "daemonset", restartPolicies: ["Always"], selectorRequired: true }),
  });
}
