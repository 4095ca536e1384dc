import { describe, expect, it } from "vitest";
import type { PropagationPolicy } from "../../lib/kube/karmada";
import { newPropagationPolicy, propagationFormSchema, propagationToValues, valuesToPropagation, type PropagationFormValues } from "./propagation-form-model";

const full: PropagationPolicy = {
  apiVersion: "policy.karmada.io/v1alpha1",
  kind: "PropagationPolicy",
  metadata: { name: "web", namespace: "default", labels: { team: "a" } },
  spec: {
    resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", name: "nginx", labelSelector: { matchLabels: { app: "nginx" } } }],
    placement: {
      clusterAffinity: { clusterNames: ["m1", "m2"], exclude: ["m3"], labelSelector: { matchLabels: { env: "prod" } } },
      clusterTolerations: [{ key: "cluster.karmada.io/not-ready", operator: "Exists", effect: "NoExecute" }],
      spreadConstraints: [{ spreadByField: "cluster", minGroups: 1, maxGroups: 2 }],
      replicaScheduling: { replicaSchedulingType: "Divided", replicaDivisionPreference: "Weighted", weightPreference: { staticWeightList: [{ targetCluster: { clusterNames: ["m1"] }, weight: 2 }, { targetCluster: { clusterNames: ["m2"] }, weight: 1 }] } },
    },
    priority: 5,
    failover: { application: { decisionConditions: { tolerationSeconds: 30 } } } as PropagationPolicy["spec"]["failover"],
  },
};

describe("propagation form model", () => {
  it("round-trips a policy through the form values unchanged", () => {
    expect(valuesToPropagation(propagationToValues(full), full)).toEqual(full);
  });

  it("keeps fields the form does not manage (failover, labels) when the form edits", () => {
    const v = propagationToValues(full);
    const edited = valuesToPropagation({ ...v, clusterNames: ["m1"] }, full);
    expect(edited.spec.failover).toEqual(full.spec.failover);
    expect(edited.metadata.labels).toEqual({ team: "a" });
    expect(edited.spec.placement?.clusterAffinity?.clusterNames).toEqual(["m1"]);
  });

  it("drops empty sections instead of writing empty objects", () => {
    const v: PropagationFormValues = { ...propagationToValues(newPropagationPolicy()), name: "p", replicaSchedulingType: "" };
    const p = valuesToPropagation(v);
    expect(p.spec.placement).toBeUndefined();
    expect(p.metadata).toEqual({ name: "p", namespace: "default" });
  });

  it("a ClusterPropagationPolicy has no namespace", () => {
    const v = { ...propagationToValues(full), kind: "ClusterPropagationPolicy" as const };
    expect(valuesToPropagation(v, full).metadata.namespace).toBeUndefined();
  });

  const invalid: [string, Partial<PropagationFormValues>, string][] = [
    ["name with capitals", { name: "Web" }, "name"],
    ["no resource selectors", { resourceSelectors: [] }, "resourceSelectors"],
    ["selector without kind", { resourceSelectors: [{ apiVersion: "apps/v1", kind: "", name: "", namespace: "", labelSelector: "" }] }, "resourceSelectors.0.kind"],
    ["bad cluster label selector", { clusterLabelSelector: "env in (a" }, "clusterLabelSelector"],
    ["minGroups above maxGroups", { spreadConstraints: [{ spreadByField: "cluster", minGroups: 3, maxGroups: 1 }] }, "spreadConstraints.0.minGroups"],
    ["zero weight", { weights: [{ cluster: "m1", weight: 0 }] }, "weights.0.weight"],
    ["divided without preference", { replicaSchedulingType: "Divided", divisionPreference: "" }, "divisionPreference"],
    ["namespaced policy without namespace", { namespace: "" }, "namespace"],
  ];
  it.each(invalid)("rejects %s", (_n, patch, path) => {
    const r = propagationFormSchema.safeParse({ ...propagationToValues(full), ...patch });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toContain(path);
  });

  it("accepts the full policy's values", () => {
    expect(propagationFormSchema.safeParse(propagationToValues(full)).success).toBe(true);
  });
});
