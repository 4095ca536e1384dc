import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../kube/types";
import type { PropagationPolicy } from "../../kube/karmada";
import { buildBinding, bindingChanged } from "./build-binding";
import { parseDetectorKey, policyRequest, templateRequest } from "./template-keys";
import { templateChanged } from "./template-watcher";
import { hasClaim } from "./template-reconcile";
import { withClaim } from "../../policies";

const deploy: KubeObject = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "nginx", namespace: "default", uid: "u1", resourceVersion: "4" }, spec: { replicas: 3, template: { spec: { containers: [{ name: "c" }] } } } };
const pp: PropagationPolicy = {
  apiVersion: "policy.karmada.io/v1alpha1",
  kind: "PropagationPolicy",
  metadata: { name: "p", namespace: "default", labels: { "propagationpolicy.karmada.io/permanent-id": "pp-id" } },
  spec: { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment" }], placement: { clusterAffinity: { clusterNames: ["m1"] } }, propagateDeps: true, conflictResolution: "Overwrite", suspension: { dispatching: true } },
} as PropagationPolicy;

describe("detector keys", () => {
  it.each([deploy, { apiVersion: "v1", kind: "Namespace", metadata: { name: "ns1" } }, { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "system:x" } }] as KubeObject[])("round-trips %s", (o) => {
    expect(parseDetectorKey(templateRequest(o))).toEqual({ type: "template", apiVersion: o.apiVersion, kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name });
  });
  it("round-trips policies", () => {
    expect(parseDetectorKey(policyRequest(pp))).toEqual({ type: "policy", kind: "PropagationPolicy", namespace: "default", name: "p" });
    expect(parseDetectorKey(policyRequest({ kind: "ClusterPropagationPolicy", metadata: { name: "c" } }))).toEqual({ type: "policy", kind: "ClusterPropagationPolicy", name: "c" });
  });
});

describe("buildBinding (§7.2)", () => {
  it("names, owns and fills the binding from the template and policy", () => {
    const b = buildBinding(deploy, pp);
    expect(b.metadata).toMatchObject({ name: "nginx-deployment", namespace: "default", finalizers: ["karmada.io/binding-controller"], ownerReferences: [{ kind: "Deployment", uid: "u1", controller: true }] });
    expect(b.metadata.labels?.["propagationpolicy.karmada.io/permanent-id"]).toBe("pp-id");
    expect(b.metadata.labels?.["resourcebinding.karmada.io/permanent-id"]).toBeTruthy();
    expect(b.spec).toMatchObject({ resource: { name: "nginx", uid: "u1", resourceVersion: "4" }, replicas: 3, propagateDeps: true, conflictResolution: "Overwrite", schedulerName: "default-scheduler", suspension: { dispatching: true } });
  });
  it("keeps spec.clusters and the binding's id, and is stable (no change on a second build)", () => {
    const first = buildBinding(deploy, pp);
    first.spec.clusters = [{ name: "m1", replicas: 3 }];
    const again = buildBinding(deploy, pp, first);
    expect(again.spec.clusters).toEqual([{ name: "m1", replicas: 3 }]);
    expect(bindingChanged(first, again)).toBe(false);
  });
  it("cluster-scoped templates get a ClusterResourceBinding", () => {
    expect(buildBinding({ apiVersion: "v1", kind: "Namespace", metadata: { name: "n", uid: "x" } }, { ...pp, kind: "ClusterPropagationPolicy" }).kind).toBe("ClusterResourceBinding");
  });
});

describe("templateChanged", () => {
  it("ignores status, resourceVersion and managedFields", () => {
    expect(templateChanged(deploy, { ...deploy, status: { x: 1 }, metadata: { ...deploy.metadata, resourceVersion: "9", managedFields: [] } })).toBe(false);
    expect(templateChanged(deploy, { ...deploy, spec: { replicas: 4 } })).toBe(true);
  });
});

describe("hasClaim", () => {
  it("is true exactly when withClaim would change nothing", () => {
    const claimed = withClaim(deploy, pp);
    expect(hasClaim(claimed, pp)).toBe(true);
    expect(hasClaim(deploy, pp)).toBe(false);
    const otherPolicy = { ...pp, metadata: { ...pp.metadata, name: "q" } } as PropagationPolicy;
    expect(hasClaim(claimed, otherPolicy)).toBe(false);
    const alsoCpp = structuredClone(claimed);
    alsoCpp.metadata.labels!["clusterpropagationpolicy.karmada.io/permanent-id"] = "x";
    expect(hasClaim(alsoCpp, pp)).toBe(false);
  });
});
