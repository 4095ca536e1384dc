import type { KubeObject } from "../../types";
import type { ResourceDescriptor } from "../../resource-descriptor";
import { AGE, builtin, col, ensureObj, setDefault } from "../builtin";
import { arr, dig, num } from "../format";
import { defaultPodTemplate } from "../core/pod-spec";
import { templateColumns, validateWorkload } from "./workload";
import { causes } from "../../errors";

/** apps/v1 StatefulSet. */
export function statefulSetDescriptor(): ResourceDescriptor {
  return builtin({
    group: "apps",
    version: "v1",
    kind: "StatefulSet",
    plural: "statefulsets",
    namespaced: true,
    shortNames: ["sts"],
    categories: ["all"],
    subresources: { status: true, scale: true },
    columns: [
      col("Ready", "string", (o) => `${num(dig(o, "status", "readyReplicas"))}/${num(dig(o, "spec", "replicas"))}`, { description: "Number of the pod with ready state" }),
      AGE,
      ...templateColumns(false),
    ],
    applyDefaults: defaultStatefulSet,
    validate: (obj, old) => {
      const out = validateWorkload(obj, old, { noun: "statefulset", restartPolicies: ["Always"], selectorRequired: true, replicas: true });
      const pmp = dig(obj, "spec", "podManagementPolicy");
      if (pmp !== undefined && pmp !== "OrderedReady" && pmp !== "Parallel")
        out.push(causes.notSupported("spec.podManagementPolicy", pmp, ["OrderedReady", "Parallel"]));
      const ust = dig(obj, "spec", "updateStrategy", "type");
      if (ust !== undefined && ust !== "RollingUpdate" && ust !== "OnDelete")
        out.push(causes.notSupported("spec.updateStrategy.type", ust, ["OnDelete", "RollingUpdate"]));
      return out;
    },
  });
}

export function defaultStatefulSet(obj: KubeObject): void {
  const spec = ensureObj(obj, "spec");
  setDefault(spec, "replicas", 1);
  setDefault(spec, "podManagementPolicy", "OrderedReady");
  const us = ensureObj(spec, "updateStrategy");
  setDefault(us, "type", "RollingUpdate");
  if (us.type === "RollingUpdate") setDefault(ensureObj(us, "rollingUpdate"), "partition", 0);
  setDefault(spec, "revisionHistoryLimit", 10);
  const retention = ensureObj(spec, "persistentVolumeClaimRetentionPolicy");
  setDefault(retention, "whenDeleted", "Retain");
  setDefault(retention, "whenScaled", "Retain");
  for (const t of arr(spec.volumeClaimTemplates)) {
    setDefault(ensureObj(t, "spec"), "volumeMode", "Filesystem");
    setDefault(ensureObj(t, "status"), "phase", "Pending");
  }
  if (spec.template && typeof spec.template === "object") defaultPodTemplate(spec.template as Record<string, unknown>);
}
