import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kube/types";
import type { AggregatedStatusItem } from "../kube/karmada";
import { aggregateStatus, dedupeAndSortIngress, hasAggregateStatus } from "./aggregate-status";

// Ported from Karmada's pkg/resourceinterpreter/default/native/aggregatestatus_test.go. Karmada
// compares whole objects after a typed round trip; here the status alone is compared.
const item = (clusterName: string, status?: Record<string, unknown>): AggregatedStatusItem => ({ clusterName, applied: true, status: status as never });
const tpl = (apiVersion: string, kind: string, status?: unknown, spec?: unknown): KubeObject => ({ apiVersion, kind, metadata: {}, spec, status });
const two = (s: Record<string, unknown>) => [item("member1", s), item("member2", s)];

type Case = [name: string, template: KubeObject, items: AggregatedStatusItem[], expected: unknown];

describe("TestAggregateDeploymentStatus / DaemonSet / StatefulSet", () => {
  const deploy = { replicas: 1, readyReplicas: 1, updatedReplicas: 1, availableReplicas: 1, unavailableReplicas: 0 };
  const deployNew = { replicas: 2, readyReplicas: 2, updatedReplicas: 2, availableReplicas: 2 };
  const ds = { currentNumberScheduled: 1, numberMisscheduled: 0, desiredNumberScheduled: 1, numberReady: 1, updatedNumberScheduled: 1, numberAvailable: 1, numberUnavailable: 0 };
  const dsNew = { currentNumberScheduled: 2, numberMisscheduled: 0, desiredNumberScheduled: 2, numberReady: 2, updatedNumberScheduled: 2, numberAvailable: 2 };
  const sts = { replicas: 1, readyReplicas: 1, currentReplicas: 1, updatedReplicas: 1, availableReplicas: 1 };
  const stsNew = { replicas: 2, readyReplicas: 2, currentReplicas: 2, updatedReplicas: 2, availableReplicas: 2 };
  const cases: Case[] = [
    ["update deployment status", tpl("apps/v1", "Deployment", {}), two(deploy), deployNew],
    ["ignore update deployment status as up to date", tpl("apps/v1", "Deployment", deployNew), two(deploy), deployNew],
    ["update daemonSet status", tpl("apps/v1", "DaemonSet", {}), two(ds), dsNew],
    ["ignore update daemonSet status as up to date", tpl("apps/v1", "DaemonSet", dsNew), two(ds), dsNew],
    ["update statefulSet status", tpl("apps/v1", "StatefulSet", {}), two(sts), stsNew],
    ["ignore update statefulSet status as up to date", tpl("apps/v1", "StatefulSet", stsNew), two(sts), stsNew],
  ];
  it.each(cases)("%s", (_n, t, items, expected) => expect(aggregateStatus(t, items)).toEqual(expected));
});

describe("TestAggregateServiceStatus / TestAggregateIngressStatus", () => {
  const lb = { loadBalancer: { ingress: [{ ip: "8.8.8.8" }] } };
  const svc = (type: string, status?: unknown) => tpl("v1", "Service", status, { type });
  const cases: Case[] = [
    ["ignore update service status when type is ClusterIP", svc("ClusterIP", { loadBalancer: {} }), [item("member1", {})], { loadBalancer: {} }],
    ["ignore update service status when type is NodePort", svc("NodePort", { loadBalancer: {} }), [item("member1", {})], { loadBalancer: {} }],
    ["ignore update service status when type is ExternalName", svc("ExternalName", { loadBalancer: {} }), [item("member1", {})], { loadBalancer: {} }],
    ["update service status when type is LoadBalancer", svc("LoadBalancer", { loadBalancer: {} }), [item("member1", lb)], lb],
    ["ignore update service status as up to date when type is LoadBalancer", svc("LoadBalancer", lb), [item("member1", lb)], lb],
    ["update ingress status", tpl("networking.k8s.io/v1", "Ingress", { loadBalancer: {} }), [item("member1", lb)], lb],
    ["ignore update ingress status as up to date", tpl("networking.k8s.io/v1", "Ingress", lb), [item("member1", lb)], lb],
  ];
  it.each(cases)("%s", (_n, t, items, expected) => expect(aggregateStatus(t, items)).toEqual(expected));

  // helper.DedupeAndSortServiceLoadBalancerIngress (pkg/util/helper/service.go): not a table there; the rule, checked here.
  it("dedupes by hostname/ip/ipMode, merges ports, sorts hostnames first", () => {
    const out = dedupeAndSortIngress(
      [
        { ip: "2.2.2.2" },
        { hostname: "b.example" },
        { ip: "1.1.1.1", ports: [{ port: 80, protocol: "TCP" }] },
        { ip: "1.1.1.1", ports: [{ port: 53, protocol: "UDP" }, { port: 80, protocol: "TCP" }] },
        { hostname: "a.example", ip: "9.9.9.9" },
        { ip: "2.2.2.2", ipMode: "VIP" },
      ],
      true,
    );
    expect(out).toEqual([
      { hostname: "a.example", ip: "9.9.9.9" },
      { hostname: "b.example" },
      { ip: "1.1.1.1", ports: [{ port: 53, protocol: "UDP" }, { port: 80, protocol: "TCP" }] },
      { ip: "2.2.2.2", ipMode: "VIP" },
      { ip: "2.2.2.2" },
    ]);
  });
});

describe("TestAggregateJobStatus", () => {
  const start = "2024-05-01T10:00:00Z";
  const done = { active: 0, succeeded: 1, failed: 0, startTime: start, completionTime: start, conditions: [{ type: "Complete", status: "True" }, { type: "SuccessCriteriaMet", status: "True" }] };
  const failed = { active: 0, succeeded: 0, failed: 1, startTime: start, completionTime: start, conditions: [{ type: "Failed", status: "True" }] };
  const noTimes = (s: unknown) => {
    const o = JSON.parse(JSON.stringify(s)) as { conditions?: Record<string, unknown>[] };
    for (const c of o.conditions ?? []) {
      delete c.lastProbeTime;
      delete c.lastTransitionTime;
    }
    return o;
  };
  const completed = {
    succeeded: 2,
    startTime: start,
    completionTime: start,
    conditions: [
      { type: "Complete", status: "True", reason: "Completed", message: "Job completed" },
      { type: "SuccessCriteriaMet", status: "True", reason: "CompletionsReached", message: "All member clusters have met success criteria" },
    ],
  };
  const cases: Case[] = [
    ["update job status without job failed", tpl("batch/v1", "Job", {}), two(done), completed],
    [
      "update job status with job failed",
      tpl("batch/v1", "Job", {}),
      [item("member1", done), item("member2", failed)],
      { succeeded: 1, failed: 1, startTime: start, completionTime: start, conditions: [{ type: "Failed", status: "True", reason: "JobFailed", message: "Job executed failed in member clusters member2" }] },
    ],
    ["ignore update job status as up to date", tpl("batch/v1", "Job", completed), two(done), completed],
  ];
  it.each(cases)("%s", (_n, t, items, expected) => expect(noTimes(aggregateStatus(t, items))).toEqual(expected));
});

describe("TestAggregatePodStatus", () => {
  const at = "2024-05-01T10:00:00Z";
  const reduced = (ready: boolean, state: unknown) => ({ name: "", state, lastState: {}, ready, restartCount: 0, image: "", imageID: "" });
  const full = (id: string, ready: boolean) => ({
    containerID: id,
    image: "nginx:latest",
    imageID: "docker.io/library/import-2022-06-05@sha256:dfb593",
    name: "busybox-2",
    ready,
    restartCount: 0,
    started: true,
    state: { running: { startedAt: at } },
  });
  const running = { running: { startedAt: at } };
  const init = [reduced(false, { waiting: { reason: "PodInitializing" } }), reduced(false, running)];
  const updated = { containerStatuses: [reduced(true, running), reduced(true, running)], phase: "Running" };
  const runningItem = { containerStatuses: [{ ready: true }], phase: "Running" };
  const failState = { terminated: { exitCode: 125 } };
  const okState = { terminated: { exitCode: 0 } };
  const pod = (status?: unknown) => tpl("v1", "Pod", status);
  const cases: Case[] = [
    ["update initContainer status", pod(), [item("member1", { initContainerStatuses: init, phase: "Pending" })], { initContainerStatuses: init, phase: "Pending" }],
    ["update pod status", pod(), [item("member1", { containerStatuses: [full("a", true)], phase: "Running" }), item("member2", { containerStatuses: [full("b", true)], phase: "Running" })], updated],
    ["ignore update pod status as up to date", pod(updated), [item("member1", { containerStatuses: [full("a", true)], phase: "Running" }), item("member2", { containerStatuses: [full("b", true)], phase: "Running" })], updated],
    [
      "update pod status as one Pod failed",
      pod(updated),
      [item("member1", { containerStatuses: [full("a", true)], phase: "Running" }), item("member2", { containerStatuses: [full("b", false)], phase: "Pending" })],
      { containerStatuses: [reduced(true, running), reduced(false, running)], phase: "Pending" },
    ],
    [
      "failed pod status",
      pod(),
      [item("member1", runningItem), item("member2", { containerStatuses: [{ ready: false, state: failState }], phase: "Failed" })],
      { containerStatuses: [reduced(true, {}), reduced(false, failState)], phase: "Failed" },
    ],
    [
      "succeeded pod status",
      pod(),
      [item("member1", runningItem), item("member2", { containerStatuses: [{ ready: false, state: okState }], phase: "Succeeded" })],
      { containerStatuses: [reduced(true, {}), reduced(false, okState)], phase: "Running" },
    ],
    ["pending pod status", pod(), [item("member1", runningItem), item("member2")], { containerStatuses: [reduced(true, {})], phase: "Pending" }],
  ];
  it.each(cases)("%s", (_n, t, items, expected) => expect(aggregateStatus(t, items)).toEqual(expected));
});

describe("TestAggregatePVCStatus / TestAggregatePVStatus", () => {
  const phase = (p: string) => ({ phase: p });
  const pvc = (status?: unknown) => tpl("v1", "PersistentVolumeClaim", status);
  const pv = (status?: unknown) => tpl("v1", "PersistentVolume", status);
  const cases: Case[] = [
    ["update pvc status (Bound)", pvc(), [item("member1", phase("Bound")), item("member2", phase("Bound"))], phase("Bound")],
    ["update pvc status (Lost)", pvc(), [item("member1", phase("Bound")), item("member2", phase("Lost"))], phase("Lost")],
    ["update pvc status (Pending)", pvc(), [item("member1", phase("Bound")), item("member2", phase("Pending"))], phase("Pending")],
    ["ignore update pvc status as up to date", pvc(phase("Bound")), [item("member1", phase("Bound")), item("member2", phase("Bound"))], phase("Bound")],
    ["update pv status1", pv(), two(phase("Available")), phase("Available")],
    ["update pv status2", pv(), two(phase("Released")), phase("Released")],
    ["update pv status3", pv(), [item("member1", phase("Bound")), item("member2", phase("Released"))], phase("Bound")],
    // Karmada's failedRaw1 is BuildStatusRawExtension(releasedRaw1): a status without a phase.
    ["update pv status4", pv(), [item("member1", {}), item("member2", phase("Failed"))], phase("Failed")],
    ["update pv status5", pv(), [item("member1", phase("Available")), item("member2", phase("Pending"))], phase("Pending")],
    ["ignore update pv status as up to date", pv(phase("Available")), two(phase("Available")), phase("Available")],
  ];
  it.each(cases)("%s", (_n, t, items, expected) => expect(aggregateStatus(t, items)).toEqual(expected));
});

describe("TestAggregatedPodDisruptionBudgetStatus / Test_aggregateCronJobStatus / Test_aggregateHorizontalPodAutoscalerStatus", () => {
  const evicted = "2024-05-01T10:00:00Z";
  const one = { currentHealthy: 1, desiredHealthy: 1, disruptionsAllowed: 1, expectedPods: 1 };
  const twoPdb = { currentHealthy: 2, desiredHealthy: 2, disruptionsAllowed: 2, expectedPods: 2 };
  const unhealthy = { currentHealthy: 0, desiredHealthy: 1, disruptionsAllowed: 0, expectedPods: 1, disruptedPods: { "pod-1234": evicted } };
  const job = { apiVersion: "batch/v1", kind: "Job", name: "foo", namespace: "default", resourceVersion: "1", uid: "1d5db04f-f2e8-4807-b6d4-7b78f402250d" };
  const cases: Case[] = [
    ["update pdb status", tpl("policy/v1", "PodDisruptionBudget", one), two(one), twoPdb],
    [
      "update pdb status with disrupted pods",
      tpl("policy/v1", "PodDisruptionBudget", one),
      two(unhealthy),
      { currentHealthy: 0, desiredHealthy: 2, disruptionsAllowed: 0, expectedPods: 2, disruptedPods: { "member1/pod-1234": evicted, "member2/pod-1234": evicted } },
    ],
    ["ignore update pdb status as up to date", tpl("policy/v1", "PodDisruptionBudget", twoPdb), two(one), twoPdb],
    [
      "update cronjob status",
      tpl("batch/v1", "CronJob", {}),
      [
        item("member1", { active: [job], lastScheduleTime: "2023-02-08T07:16:00Z", lastSuccessfulTime: null }),
        item("member2", { active: [job], lastScheduleTime: "2023-02-08T07:17:00Z", lastSuccessfulTime: "2023-02-08T07:17:00Z" }),
      ],
      { active: [job, job], lastScheduleTime: "2023-02-08T07:17:00Z", lastSuccessfulTime: "2023-02-08T07:17:00Z" },
    ],
    [
      "update hpa status",
      tpl("autoscaling/v2", "HorizontalPodAutoscaler", { desiredReplicas: 0 }),
      [item("member1", { currentReplicas: 2, desiredReplicas: 2 }), item("member2", { currentReplicas: 4, desiredReplicas: 4 }), item("member3")],
      { currentReplicas: 6, desiredReplicas: 6 },
    ],
    [
      "hpa status update to dates",
      tpl("autoscaling/v2", "HorizontalPodAutoscaler", { currentReplicas: 6, desiredReplicas: 6 }),
      [item("member1", { currentReplicas: 2, desiredReplicas: 2 }), item("member2", { currentReplicas: 4, desiredReplicas: 4 }), item("member3")],
      { currentReplicas: 6, desiredReplicas: 6 },
    ],
  ];
  it.each(cases)("%s", (_n, t, items, expected) => expect(aggregateStatus(t, items)).toEqual(expected));
});

describe("Test_getAllDefaultAggregateStatusInterpreter", () => {
  it.each([
    ["apps/v1", "Deployment"],
    ["apps/v1", "ReplicaSet"],
    ["apps/v1", "StatefulSet"],
    ["batch/v1", "Job"],
    ["v1", "Pod"],
    ["v1", "Service"],
    ["networking.k8s.io/v1", "Ingress"],
    ["batch/v1", "CronJob"],
    ["apps/v1", "DaemonSet"],
    ["v1", "PersistentVolume"],
    ["v1", "PersistentVolumeClaim"],
    ["policy/v1", "PodDisruptionBudget"],
    ["autoscaling/v2", "HorizontalPodAutoscaler"],
  ])("%s %s", (apiVersion, kind) => expect(hasAggregateStatus({ apiVersion, kind })).toBe(true));
  it("nothing else", () => expect(hasAggregateStatus({ apiVersion: "autoscaling/v1", kind: "HorizontalPodAutoscaler" })).toBe(false));
});

describe("generation rule (aggregatestatus.go)", () => {
  const deploy = (generation: number, status: unknown): KubeObject => ({ apiVersion: "apps/v1", kind: "Deployment", metadata: { generation }, status });
  const sts = (generation: number, status: unknown): KubeObject => ({ apiVersion: "apps/v1", kind: "StatefulSet", metadata: { generation }, status });
  it("Deployment: resourceTemplateGeneration is compared with the template's generation", () => {
    const s = { generation: 1, observedGeneration: 1, resourceTemplateGeneration: 1, replicas: 1 };
    expect(aggregateStatus(deploy(2, { observedGeneration: 1 }), [item("m", s)])).toEqual({ observedGeneration: 1, replicas: 1 });
    expect(aggregateStatus(deploy(2, { observedGeneration: 1 }), [item("m", { ...s, resourceTemplateGeneration: 2 })])).toEqual({ observedGeneration: 2, replicas: 1 });
  });
  it("StatefulSet: compared with the member's own generation (Karmada's aggregateStatefulSetStatus)", () => {
    const s = { generation: 1, observedGeneration: 1, resourceTemplateGeneration: 1, replicas: 1 };
    expect(aggregateStatus(sts(2, { observedGeneration: 1 }), [item("m", s)])).toEqual({ observedGeneration: 2, replicas: 1, availableReplicas: 0 });
  });
});
