import type { KubeObject } from "../../types";
import type { ResourceDescriptor } from "../../resource-descriptor";
import { AGE, builtin, col, ensureObj, setDefault } from "../builtin";
import { dig, num, str } from "../format";
import { defaultPodTemplate } from "../core/pod-spec";
import { templateColumns, validateWorkload } from "./workload";
import { causes } from "../../errors";

const STRATEGIES = ["Recreate", "RollingUpdate"];

/** apps/v1 Deployment, with kube's defaults (kubectl describe dereferences replicas and strategy). */
export function deploymentDescriptor(): ResourceDescriptor {
  return builtin({
    group: "apps",
    version: "v1",
    kind: "Deployment",
    plural: "deployments",
    namespaced: true,
    shortNames: ["deploy"],
    categories: ["all"],
    subresources: { status: true, scale: true },
    columns: [
      col("Ready", "string", (o) => `${num(dig(o, "status", "readyReplicas"))}/${num(dig(o, "spec", "replicas"))}`, { description: "Number of the pod with ready state" }),
      col("Up-to-date", "integer", (o) => num(dig(o, "status", "updatedReplicas")), { description: "Total number of non-terminated pods targeted by this deployment that have the desired template spec." }),
      col("Available", "integer", (o) => num(dig(o, "status", "availableReplicas")), { description: "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment." }),
      AGE,
      ...templateColumns(true),
    ],
    applyDefaults: defaultDeployment,
    validate: (obj, old) => {
      const out = validateWorkload(obj, old, { noun: "deployment", restartPolicies: ["Always"], selectorRequired: true, replicas: true });
      const type = dig(obj, "spec", "strategy", "type");
      if (type !== undefined && !STRATEGIES.includes(str(type))) out.push(causes.notSupported("spec.strategy.type", type, STRATEGIES));
      if (type === "Recreate" && dig(obj, "spec", "strategy", "rollingUpdate") !== undefined)
        out.push(causes.forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'"));
      return out;
    },
  });
}

export function defaultDeployment(obj: KubeObject): void {
  const spec = ensureObj(obj, "spec");
  setDefault(spec, "replicas", 1);
  const strategy = ensureObj(spec, "strategy");
  setDefault(strategy, "type", "RollingUpdate");
  if (strategy.type === "RollingUpdate") {
    const ru = ensureObj(strategy, "rollingUpdate");
    setDefault(ru, "maxUnavailable", "25%");
    setDefault(ru, "maxSurge", "25%");
  }
  setDefault(spec, "revisionHistoryLimit", 10);
  setDefault(spec, "progressDeadlineSeconds", 600);
  if (spec.template && typeof spec.template === "object") defaultPodTemplate(spec.template as Record<string, unknown>);
}
