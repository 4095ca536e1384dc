import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kube/types";
import { getReplicas } from "./replicas";
import { hasReviseReplica, reviseReplica } from "./revise-replica";

const claimSpec = {
  nodeSelector: { foo: "foo1" },
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "foo", operator: "Exists" }] }] } } },
  containers: [{ name: "c" }],
};
const claim = { nodeSelector: claimSpec.nodeSelector, hardNodeAffinity: claimSpec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution };
const tpl = (apiVersion: string, kind: string, spec: Record<string, unknown>, podSpec: Record<string, unknown> = claimSpec): KubeObject => ({
  apiVersion,
  kind,
  metadata: { name: "x", namespace: "default" },
  spec: kind === "Pod" ? podSpec : { ...spec, template: { spec: podSpec } },
});

// Karmada's replica_test (deploy/sts/rs/job/pod replica with node claims).
describe("getReplicas", () => {
  it.each<[string, KubeObject, number]>([
    ["Deployment", tpl("apps/v1", "Deployment", { replicas: 2 }), 2],
    ["StatefulSet", tpl("apps/v1", "StatefulSet", { replicas: 2 }), 2],
    ["ReplicaSet", tpl("apps/v1", "ReplicaSet", { replicas: 3 }), 3],
    ["Job min(parallelism, completions)", tpl("batch/v1", "Job", { parallelism: 3, completions: 2 }), 2],
    ["Job without completions", tpl("batch/v1", "Job", { parallelism: 3 }), 3],
    ["Pod", tpl("v1", "Pod", {}), 1],
    ["Deployment without replicas", tpl("apps/v1", "Deployment", {}), 0],
  ])("%s", (_n, obj, replicas) => {
    expect(getReplicas(obj)).toEqual({ replicas, replicaRequirements: { nodeClaim: claim } });
  });

  it("returns no requirements without requests or claims", () => {
    expect(getReplicas(tpl("apps/v1", "Deployment", { replicas: 1 }, { containers: [{ name: "nginx" }] }))).toEqual({ replicas: 1 });
  });

  it("is 0 for kinds without an interpreter", () => {
    expect(getReplicas({ apiVersion: "v1", kind: "ConfigMap", metadata: {} })).toEqual({ replicas: 0 });
    expect(getReplicas({ apiVersion: "apps/v1beta1", kind: "Deployment", metadata: {}, spec: { replicas: 3 } })).toEqual({ replicas: 0 });
  });

  it("sums containers, takes the max with init containers, adds overhead, uses limits as default requests", () => {
    const podSpec = {
      containers: [
        { name: "a", resources: { requests: { cpu: "250m", memory: "64Mi" } } },
        { name: "b", resources: { limits: { cpu: "500m", memory: "128Mi", "nvidia.com/gpu": "1" } } },
      ],
      initContainers: [{ name: "i", resources: { requests: { cpu: "1", memory: "100Mi" } } }],
      overhead: { memory: "16Mi" },
      tolerations: [{ key: "k", operator: "Exists" }],
    };
    expect(getReplicas(tpl("apps/v1", "Deployment", { replicas: 1 }, podSpec)).replicaRequirements).toEqual({
      nodeClaim: { tolerations: [{ key: "k", operator: "Exists" }] },
      resourceRequest: { cpu: "1", memory: "208Mi", "nvidia.com/gpu": "1" },
    });
  });
});

describe("reviseReplica", () => {
  it.each([
    ["Deployment", "apps/v1", "replicas"],
    ["ReplicaSet", "apps/v1", "replicas"],
    ["StatefulSet", "apps/v1", "replicas"],
    ["Job", "batch/v1", "parallelism"],
  ])("%s writes spec.%s", (kind, apiVersion, field) => {
    const obj = tpl(apiVersion, kind, { replicas: 5, parallelism: 5 });
    const out = reviseReplica(obj, 2);
    expect((out.spec as Record<string, unknown>)[field]).toBe(2);
    expect((obj.spec as Record<string, unknown>)[field]).toBe(5);
    expect(hasReviseReplica(obj)).toBe(true);
  });

  it("leaves other kinds alone", () => {
    const pod = tpl("v1", "Pod", {});
    expect(reviseReplica(pod, 3)).toEqual(pod);
    expect(hasReviseReplica(pod)).toBe(false);
  });
});
