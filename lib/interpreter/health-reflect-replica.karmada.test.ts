import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kube/types";
import { interpretHealth, hasHealthRule } from "./health";
import { reflectStatus } from "./reflect-status";
import { getReplicas, interpretsReplicas } from "./replicas";

type Obj = Record<string, unknown>;
const o = (apiVersion: string, kind: string, rest: Obj): KubeObject => ({ apiVersion, kind, metadata: {}, ...rest }) as KubeObject;

// Ported from Karmada's pkg/resourceinterpreter/default/native/healthy_test.go (30 cases).
describe("healthy_test.go", () => {
  const workload = (kind: string, generation: number, spec: Obj | undefined, status: Obj) => o("apps/v1", kind, { metadata: { name: "fake", generation }, ...(spec ? { spec } : {}), status });
  const cases: [string, KubeObject, boolean][] = [];
  for (const kind of ["Deployment", "StatefulSet"]) {
    cases.push(
      [`${kind} healthy`, workload(kind, 1, { replicas: 3 }, { availableReplicas: 3, updatedReplicas: 3, observedGeneration: 1 }), true],
      [`${kind} generation not equal to observedGeneration`, workload(kind, 1, { replicas: 3 }, { availableReplicas: 3, updatedReplicas: 3, observedGeneration: 2 }), false],
      [`${kind} replicas not equal to updatedReplicas`, workload(kind, 1, { replicas: 3 }, { updatedReplicas: 1, observedGeneration: 1 }), false],
      [`${kind} availableReplicas not equal to updatedReplicas`, workload(kind, 1, { replicas: 3 }, { availableReplicas: 0, updatedReplicas: 3, observedGeneration: 1 }), false],
    );
  }
  cases.push(
    ["replicaSet healthy", workload("ReplicaSet", 1, { replicas: 3 }, { availableReplicas: 3, observedGeneration: 1 }), true],
    ["replicaSet generation not equal to observedGeneration", workload("ReplicaSet", 1, { replicas: 3 }, { availableReplicas: 3, observedGeneration: 2 }), false],
    ["replicaSet replicas not equal to availableReplicas", workload("ReplicaSet", 1, { replicas: 3 }, { availableReplicas: 2, observedGeneration: 2 }), false],
    ["daemonSet healthy", workload("DaemonSet", 1, undefined, { observedGeneration: 1 }), true],
    ["daemonSet generation not equal to observedGeneration", workload("DaemonSet", 1, undefined, { observedGeneration: 2 }), false],
    ["daemonSet updatedNumberScheduled < desiredNumberScheduled", workload("DaemonSet", 0, undefined, { updatedNumberScheduled: 3, desiredNumberScheduled: 5 }), false],
    ["daemonSet numberAvailable < updatedNumberScheduled", workload("DaemonSet", 0, undefined, { updatedNumberScheduled: 5, numberAvailable: 3 }), false],
    ["service healthy", o("v1", "Service", { spec: { type: "LoadBalancer" }, status: { loadBalancer: { ingress: [{ ip: "localhost" }] } } }), true],
    ["service not loadBalancer type", o("v1", "Service", { spec: { type: "NodePort" }, status: { loadBalancer: { ingress: [{ ip: "localhost" }] } } }), true],
    ["service status.loadBalancer.ingress list is empty", o("v1", "Service", { spec: { type: "LoadBalancer" }, status: { loadBalancer: { ingress: [] } } }), false],
    ["ingress healthy", o("networking.k8s.io/v1", "Ingress", { status: { loadBalancer: { ingress: [{ ip: "localhost" }] } } }), true],
    ["ingress status.loadBalancer.ingress list is empty", o("networking.k8s.io/v1", "Ingress", { status: { loadBalancer: { ingress: [] } } }), false],
    ["persistentVolumeClaim healthy", o("v1", "PersistentVolumeClaim", { status: { phase: "Bound" } }), true],
    ["persistentVolumeClaim status.phase not equals to Bound", o("v1", "PersistentVolumeClaim", { status: { phase: "Pending" } }), false],
    ["service type pod healthy", o("v1", "Pod", { status: { conditions: [{ type: "Ready", status: "True" }], phase: "Running" } }), true],
    ["job type pod healthy", o("v1", "Pod", { status: { phase: "Succeeded" } }), true],
    ["pod condition ready false", o("v1", "Pod", { status: { conditions: [{ type: "Ready", status: "Unknown" }], phase: "Running" } }), false],
    ["pod phase not running and not succeeded", o("v1", "Pod", { status: { phase: "Failed" } }), false],
    ["pod condition or phase nil", o("v1", "Pod", {}), false],
    ["podDisruptionBudget healthy", o("policy/v1", "PodDisruptionBudget", { status: { desiredHealthy: 2, currentHealthy: 3 } }), true],
    ["podDisruptionBudget healthy when desired healthy equals to current healthy pods", o("policy/v1", "PodDisruptionBudget", { status: { desiredHealthy: 2, currentHealthy: 2 } }), true],
    ["podDisruptionBudget less healthy pods than desired", o("policy/v1", "PodDisruptionBudget", { status: { desiredHealthy: 2, currentHealthy: 1 } }), false],
  );
  it.each(cases)("%s", (_n, obj, healthy) => expect(interpretHealth(obj)).toBe(healthy ? "Healthy" : "Unhealthy"));

  it("Test_getAllDefaultHealthInterpreter", () => {
    for (const [apiVersion, kind] of [
      ["apps/v1", "Deployment"],
      ["apps/v1", "StatefulSet"],
      ["apps/v1", "ReplicaSet"],
      ["apps/v1", "DaemonSet"],
      ["v1", "Service"],
      ["networking.k8s.io/v1", "Ingress"],
      ["v1", "PersistentVolumeClaim"],
      ["v1", "Pod"],
      ["policy/v1", "PodDisruptionBudget"],
    ])
      expect(hasHealthRule({ apiVersion, kind })).toBe(true);
    expect(hasHealthRule({ apiVersion: "batch/v1", kind: "Job" })).toBe(false);
  });
});

// Ported from Karmada's pkg/resourceinterpreter/default/native/reflectstatus_test.go (53 cases).
// Left out: the "invalid status format" cases (a non-object status or a string counter; Go fails
// the typed conversion, a manifest here cannot carry them past the API server) and the cases where
// a missing or unparsable resourcetemplate.karmada.io/generation annotation is an error in
// Karmada (see reflect-status.ts: it reflects as 0 here).
describe("reflectstatus_test.go", () => {
  const gen = { "resourcetemplate.karmada.io/generation": "1" };
  const now = "2024-05-01T10:00:00Z";
  const job = { active: 1, succeeded: 2, completionTime: now, startTime: now, conditions: [{ type: "Complete", status: "True", reason: "JobComplete", message: "Job completed successfully" }] };
  const typedCond = (c: Obj) => ({ lastProbeTime: null, lastTransitionTime: null, ...c });
  const jobWant = (s: Obj) => ({ ...s, ...(Array.isArray(s.conditions) ? { conditions: (s.conditions as Obj[]).map(typedCond) } : {}) });
  const jobCase = (name: string, status: Obj, want: Obj): [string, KubeObject, unknown] => [name, o("batch/v1", "Job", { status }), want];
  const { completionTime: _c, ...jobNoCompletion } = job;
  const { startTime: _s, ...jobNoStart } = job;
  const cases: [string, KubeObject, unknown][] = [
    [
      "PDB with valid status",
      o("policy/v1", "PodDisruptionBudget", { status: { currentHealthy: 2, desiredHealthy: 3, disruptionsAllowed: 1, expectedPods: 3, disruptedPods: { pod1: now }, observedGeneration: 4 } }),
      { currentHealthy: 2, desiredHealthy: 3, disruptionsAllowed: 1, expectedPods: 3, disruptedPods: { pod1: now } },
    ],
    ["PDB without status", o("policy/v1", "PodDisruptionBudget", {}), undefined],
    ["HPA with valid status", o("autoscaling/v2", "HorizontalPodAutoscaler", { status: { currentReplicas: 2, desiredReplicas: 3, conditions: [{ type: "AbleToScale" }] } }), { currentReplicas: 2, desiredReplicas: 3 }],
    ["HPA without status", o("autoscaling/v2", "HorizontalPodAutoscaler", {}), undefined],
    ["object with valid status", o("v1", "ConfigMap", { status: { key: "value", num: 1 } }), { key: "value", num: 1 }],
    ["object without status", o("v1", "ConfigMap", {}), undefined],
    [
      "deployment with valid status and generation annotation",
      o("apps/v1", "Deployment", { metadata: { name: "test-deployment", namespace: "test-ns", generation: 2, annotations: gen }, status: { replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, unavailableReplicas: 0, observedGeneration: 2 } }),
      { generation: 2, resourceTemplateGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 2 },
    ],
    ["deployment without status field", o("apps/v1", "Deployment", { metadata: { generation: 2, annotations: gen } }), undefined],
    [
      "replicaset with valid status and generation annotation",
      o("apps/v1", "ReplicaSet", { metadata: { generation: 2, annotations: gen }, status: { replicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 2, fullyLabeledReplicas: 3 } }),
      { generation: 2, resourceTemplateGeneration: 1, replicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 2 },
    ],
    ["replicaset without status field", o("apps/v1", "ReplicaSet", { metadata: { generation: 2, annotations: gen } }), undefined],
    ["non-LoadBalancer service should return nil", o("v1", "Service", { spec: { type: "ClusterIP" } }), undefined],
    ["LoadBalancer service without status should return nil", o("v1", "Service", { spec: { type: "LoadBalancer" } }), undefined],
    ["LoadBalancer service with status should return status", o("v1", "Service", { spec: { type: "LoadBalancer" }, status: { loadBalancer: { ingress: [{ ip: "192.0.2.1" }] } } }), { loadBalancer: { ingress: [{ ip: "192.0.2.1" }] } }],
    ["ingress with valid status", o("networking.k8s.io/v1", "Ingress", { status: { loadBalancer: { ingress: [{ ip: "192.0.2.1" }] } } }), { loadBalancer: { ingress: [{ ip: "192.0.2.1" }] } }],
    ["ingress without status", o("networking.k8s.io/v1", "Ingress", {}), undefined],
    jobCase("job with all status fields", job, jobWant(job)),
    ["job without status", o("batch/v1", "Job", {}), undefined],
    jobCase("job with empty conditions", { ...job, conditions: [] }, jobWant({ ...job, conditions: undefined })),
    jobCase(
      "job with failed status",
      { ...job, failed: 1, active: 0, succeeded: 0, conditions: [{ type: "Failed", status: "True", reason: "JobFailed", message: "Job failed due to error" }] },
      { failed: 1, completionTime: now, startTime: now, conditions: [typedCond({ type: "Failed", status: "True", reason: "JobFailed", message: "Job failed due to error" })] },
    ),
    jobCase("job with only active status", { active: 1, startTime: now, conditions: [] }, { active: 1, startTime: now }),
    jobCase("job with nil completion time", jobNoCompletion, jobWant(jobNoCompletion)),
    jobCase("job with nil start time", jobNoStart, jobWant(jobNoStart)),
    [
      "daemonset with valid status and generation annotation",
      o("apps/v1", "DaemonSet", {
        metadata: { generation: 1, annotations: gen },
        status: { currentNumberScheduled: 1, desiredNumberScheduled: 1, numberAvailable: 1, numberMisscheduled: 0, numberReady: 1, updatedNumberScheduled: 1, numberUnavailable: 0, observedGeneration: 1 },
      }),
      { generation: 1, resourceTemplateGeneration: 1, currentNumberScheduled: 1, desiredNumberScheduled: 1, numberAvailable: 1, numberMisscheduled: 0, numberReady: 1, updatedNumberScheduled: 1, observedGeneration: 1 },
    ],
    ["daemonset without status field", o("apps/v1", "DaemonSet", { metadata: { generation: 1, annotations: gen } }), undefined],
    [
      "statefulset with valid status and generation annotation (no observedGeneration reflected)",
      o("apps/v1", "StatefulSet", { metadata: { generation: 2, annotations: gen }, status: { replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, availableReplicas: 3, observedGeneration: 2 } }),
      { generation: 2, resourceTemplateGeneration: 1, replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, availableReplicas: 3 },
    ],
    ["statefulset without status field", o("apps/v1", "StatefulSet", { metadata: { generation: 1, annotations: gen } }), undefined],
    [
      "statefulset with partial status fields",
      o("apps/v1", "StatefulSet", { metadata: { generation: 2, annotations: gen }, status: { replicas: 2, readyReplicas: 1, currentReplicas: 1 } }),
      { generation: 2, resourceTemplateGeneration: 1, replicas: 2, readyReplicas: 1, currentReplicas: 1, availableReplicas: 0 },
    ],
  ];
  it.each(cases)("%s", (_n, obj, want) => expect(reflectStatus(obj)).toEqual(want));
});

// Ported from Karmada's pkg/resourceinterpreter/default/native/replica_test.go (6 cases).
describe("replica_test.go", () => {
  const podSpec = {
    nodeSelector: { foo: "foo1" },
    tolerations: [{ key: "foo", operator: "Exists", effect: "NoSchedule" }],
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "foo", operator: "Exists" }] }] } } },
    containers: null,
  };
  const want = {
    nodeClaim: {
      nodeSelector: { foo: "foo1" },
      tolerations: [{ key: "foo", operator: "Exists", effect: "NoSchedule" }],
      hardNodeAffinity: { nodeSelectorTerms: [{ matchFields: [{ key: "foo", operator: "Exists" }] }] },
    },
  };
  it.each<[string, KubeObject, number]>([
    ["Test_deployReplica", o("apps/v1", "Deployment", { spec: { replicas: 2, template: { spec: podSpec } } }), 2],
    ["Test_statefulSetReplica", o("apps/v1", "StatefulSet", { spec: { replicas: 2, template: { spec: podSpec } } }), 2],
    ["Test_replicaSetReplica", o("apps/v1", "ReplicaSet", { spec: { replicas: 3, template: { spec: podSpec } } }), 3],
    ["Test_jobReplica", o("batch/v1", "Job", { spec: { parallelism: 3, completions: 2, template: { spec: podSpec } } }), 2],
    ["Test_podReplica", o("v1", "Pod", { spec: podSpec }), 1],
  ])("%s", (_n, obj, replicas) => expect(getReplicas(obj)).toEqual({ replicas, replicaRequirements: want }));

  it("Test_getAllDefaultReplicaInterpreter", () => {
    for (const [apiVersion, kind] of [
      ["apps/v1", "Deployment"],
      ["apps/v1", "ReplicaSet"],
      ["apps/v1", "StatefulSet"],
      ["batch/v1", "Job"],
      ["v1", "Pod"],
    ])
      expect(interpretsReplicas(o(apiVersion, kind, {}))).toBe(true);
    expect(interpretsReplicas(o("apps/v1", "DaemonSet", {}))).toBe(false);
  });
});
