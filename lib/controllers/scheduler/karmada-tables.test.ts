import { afterEach, describe, expect, it } from "vitest";
import type { Cluster, ClusterAffinityTerm, Placement, ResourceBinding } from "../../kube/karmada";
import { ANNOTATION_APPLIED_PLACEMENT, CLUSTER_API_VERSION, LABEL_CPP_PERMANENT_ID, LABEL_PP_PERMANENT_ID, WORK_V1ALPHA2 } from "../../kube/karmada";
import type { KubeObject } from "../../kube/types";
import type { ScheduleResult } from "../../scheduler/schedule";
import { createTestEnv, type TestEnv } from "../runtime/test-env";
import type { WatchEventInfo } from "../runtime/watches";
import { isForScheduler, isSchedulerManaged, LABEL_BINDING_MANAGED_BY } from "./bindings";
import { affectedBindings, clusterEventMatters } from "./cluster-events";
import { ExplanationStore } from "./explanation-store";
import { retryFor, specPatchFor, statusPatchFor, targetsToString, type SchedulePlan } from "./plan";
import { reconcileBinding } from "./scheduler-controller";
import { cluster } from "./test-fixtures";

/**
 * Tables of Karmada's pkg/scheduler/event_handler_test.go and pkg/scheduler/scheduler_test.go
 * about the scheduler CONTROLLER (which bindings it acts on, what it patches, which Events it
 * records), run against lib/controllers/scheduler. Karmada's tests mock the algorithm; here the
 * real one runs over clusters chosen to give the mocked results: a failing clusterAffinities term
 * names clusters that do not exist (a FitError), or asks more spread groups than it has clusters
 * (an error that is not a FitError). The decision tables (placementChanged, needsReschedule,
 * affinity index) are in lib/scheduler/needs-reschedule.test.ts.
 *
 * Left out: "Nil object" and "Invalid object type" (typed here), the estimator worker columns
 * of TestAddCluster/TestUpdateCluster/TestDeleteCluster (no scheduler estimator), and the exact
 * lastTransitionTime of TestPatchBindingStatusCondition (ours is the reconcile's clock).
 */

// ---------------------------------------------------------------- event_handler_test.go

function rbFor(kind: "ResourceBinding" | "ClusterResourceBinding", schedulerName: string, labels?: Record<string, string>, suspended = false): ResourceBinding {
  return {
    apiVersion: WORK_V1ALPHA2,
    kind,
    metadata: { name: kind === "ResourceBinding" ? "test-rb" : "test-crb", labels },
    spec: { resource: { apiVersion: "apps/v1", kind: "Deployment", name: "x" }, schedulerName, suspension: suspended ? { scheduling: true } : undefined },
  } as ResourceBinding;
}

describe("event_handler_test.go TestResourceBindingEventFilter", () => {
  const RB = "ResourceBinding" as const;
  const CRB = "ClusterResourceBinding" as const;
  const cases: [string, ResourceBinding, boolean][] = [
    ["ResourceBinding: Matching scheduler name, no labels", rbFor(RB, "test-scheduler"), false],
    ["ResourceBinding: Non-matching scheduler name", rbFor(RB, "other-scheduler"), false],
    ["ResourceBinding: Matching scheduler name, with PropagationPolicyPermanentIDLabel", rbFor(RB, "test-scheduler", { [LABEL_PP_PERMANENT_ID]: "test-id" }), true],
    ["ResourceBinding: Matching scheduler name, with ClusterPropagationPolicyPermanentIDLabel", rbFor(RB, "test-scheduler", { [LABEL_CPP_PERMANENT_ID]: "test-id" }), true],
    ["ResourceBinding: Matching scheduler name, with BindingManagedByLabel", rbFor(RB, "test-scheduler", { [LABEL_BINDING_MANAGED_BY]: "test-manager" }), true],
    ["ResourceBinding: Matching scheduler name, with empty PropagationPolicyPermanentIDLabel", rbFor(RB, "test-scheduler", { [LABEL_PP_PERMANENT_ID]: "" }), false],
    ["ClusterResourceBinding: Matching scheduler name, no labels", rbFor(CRB, "test-scheduler"), false],
    ["ClusterResourceBinding: Non-matching scheduler name", rbFor(CRB, "other-scheduler"), false],
    ["ClusterResourceBinding: Matching scheduler name, with ClusterPropagationPolicyPermanentIDLabel", rbFor(CRB, "test-scheduler", { [LABEL_CPP_PERMANENT_ID]: "test-id" }), true],
    // "Nil object" and "Invalid object type": not representable with typed bindings.
    ["ResourceBinding suspended", rbFor(RB, "test-scheduler", { [LABEL_BINDING_MANAGED_BY]: "test-manager" }, true), false],
    ["ClusterResourceBinding suspended", rbFor(CRB, "test-scheduler", { [LABEL_CPP_PERMANENT_ID]: "test-id" }, true), false],
  ];
  it.each(cases)("%s", (_, b, want) => expect(isSchedulerManaged(b, "test-scheduler")).toBe(want));
});

describe("event_handler_test.go TestSchedulerNameFilter", () => {
  const cases: [string, string, string, boolean][] = [
    ["matching scheduler names", "test-scheduler", "test-scheduler", true],
    ["non-matching scheduler names", "test-scheduler", "other-scheduler", false],
    ["empty scheduler name defaults to DefaultScheduler", "default-scheduler", "", true],
  ];
  it.each(cases)("%s", (_, fromOptions, name, want) => expect(isForScheduler(rbFor("ResourceBinding", name), fromOptions)).toBe(want));
});

/** Karmada's createCluster helper: name, generation, labels and nothing else. */
function bareCluster(name: string, generation: number, labels?: Record<string, string>): Cluster {
  return { apiVersion: CLUSTER_API_VERSION, kind: "Cluster", metadata: { name, generation, labels }, spec: {} } as Cluster;
}

describe("event_handler_test.go TestAddCluster / TestUpdateCluster / TestDeleteCluster (cluster reconcile worker)", () => {
  // The watch maps both objects of an update: Karmada's updateCluster adds the old and the new
  // cluster to its reconcile worker (expectedReconcileAdded: 2), or neither (0).
  const cases: [string, WatchEventInfo, boolean][] = [
    ["add: valid cluster object with estimator enabled (no binding re-queued)", { type: "add", obj: bareCluster("test-cluster", 0) }, false],
    ["add: valid cluster object with estimator disabled", { type: "add", obj: bareCluster("test-cluster-2", 0) }, false],
    ["update: valid cluster update with generation change", { type: "update", old: bareCluster("test-cluster", 1), obj: bareCluster("test-cluster", 2) }, true],
    ["update: valid cluster update with label change", { type: "update", old: bareCluster("test-cluster", 0, { old: "label" }), obj: bareCluster("test-cluster", 0, { new: "label" }) }, true],
    ["update: valid cluster update without changes", { type: "update", old: bareCluster("test-cluster", 0), obj: bareCluster("test-cluster", 0) }, false],
    ["delete: valid cluster object with estimator enabled (no binding re-queued)", { type: "delete", obj: bareCluster("test-cluster", 0) }, false],
    ["delete: valid cluster object with estimator disabled", { type: "delete", obj: bareCluster("test-cluster", 0) }, false],
    // Karmada's updateCluster: deletion start adds the new cluster to the reconcile worker.
    ["update: deletion started", { type: "update", old: bareCluster("test-cluster", 1), obj: { ...bareCluster("test-cluster", 1), metadata: { name: "test-cluster", generation: 1, deletionTimestamp: "2025-01-01T00:00:00Z" } } }, true],
  ];
  it.each(cases)("%s", (_, e, want) => expect(clusterEventMatters(e)).toBe(want));

  it("a label change re-queues the bindings the old cluster matched and those the new one matches", () => {
    const b = (name: string, env: string) =>
      ({ ...rbFor("ResourceBinding", ""), metadata: { name, namespace: "default" }, spec: { ...rbFor("ResourceBinding", "").spec, placement: { clusterAffinity: { labelSelector: { matchLabels: { env } } } } } }) as ResourceBinding;
    const bindings = [b("was-prod", "prod"), b("now-staging", "staging"), b("other", "dev")];
    const before = affectedBindings(bareCluster("m1", 1, { env: "prod" }), bindings);
    const after = affectedBindings(bareCluster("m1", 1, { env: "staging" }), bindings);
    expect([...before, ...after].map((r) => r.name)).toEqual(["was-prod", "now-staging"]);
  });
});

// ---------------------------------------------------------------- scheduler_test.go (pure parts)

describe("scheduler_test.go TestTargetClustersToString", () => {
  const cases: [string, { name: string; replicas?: number }[], string][] = [
    ["empty slice", [], ""],
    ["single cluster", [{ name: "cluster1", replicas: 1 }], "cluster1:1"],
    ["multiple clusters", [{ name: "cluster1", replicas: 1 }, { name: "cluster2", replicas: 2 }], "cluster1:1, cluster2:2"],
    ["clusters with zero replicas", [{ name: "cluster1", replicas: 0 }, { name: "cluster2", replicas: 2 }], "cluster1:0, cluster2:2"],
  ];
  it.each(cases)("%s", (_, tcs, want) => expect(targetsToString(tcs)).toBe(want));
});

describe("scheduler_test.go TestHandleErr (and helper.go getConditionByError's retry flag)", () => {
  const result = (reason?: "NoClusterFit" | "Unschedulable" | "SchedulerError") => ({ clusters: [], error: reason ? { reason, message: "m" } : undefined }) as unknown as ScheduleResult;
  const cases: [string, ScheduleResult, string][] = [
    ["nil error calls Forget", result(), "none"],
    ["generic error calls PushBackoffIfNotPresent", result("SchedulerError"), "backoff"],
    ["bare UnschedulableError calls PushUnschedulableIfNotPresent", result("Unschedulable"), "unschedulable"],
    // A FitError is a finished scheduling (getConditionByError ignores it): forgotten.
    ["FitError (NoClusterFit) is not retried", result("NoClusterFit"), "none"],
  ];
  it.each(cases)("%s", (_, r, want) => expect(retryFor(r)).toBe(want));
});

function plainBinding(name: string, placement: Placement | undefined, extra: Partial<ResourceBinding> = {}): ResourceBinding {
  return {
    apiVersion: WORK_V1ALPHA2,
    kind: "ResourceBinding",
    metadata: { name, namespace: "default", labels: { [LABEL_PP_PERMANENT_ID]: "id" }, ...extra.metadata },
    spec: { resource: { apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name, uid: "12345" }, placement, ...extra.spec },
    status: extra.status,
  } as ResourceBinding;
}

describe("scheduler_test.go TestPatchScheduleResultForResourceBinding", () => {
  const ok = (clusters: { name: string; replicas: number }[]) => ({ clusters, explanation: { clusters: [], attempts: [] } }) as unknown as ScheduleResult;
  const placement: Placement = { clusterAffinity: { clusterNames: ["cluster1"] } };
  const applied = `{"clusterAffinity":{"clusterNames":["cluster1"]}}`;

  it("successful patch: the applied-placement annotation and spec.clusters", () => {
    const patch = specPatchFor(plainBinding("test-binding", placement), ok([{ name: "cluster1", replicas: 1 }]));
    expect(patch).toEqual({ metadata: { resourceVersion: undefined, annotations: { [ANNOTATION_APPLIED_PLACEMENT]: applied } }, spec: { clusters: [{ name: "cluster1", replicas: 1 }] } });
  });

  it("no changes: no patch", () => {
    const b = plainBinding("test-binding", placement, { metadata: { name: "test-binding", annotations: { [ANNOTATION_APPLIED_PLACEMENT]: applied } }, spec: { clusters: [{ name: "cluster1", replicas: 1 }] } as ResourceBinding["spec"] });
    expect(specPatchFor(b, ok([{ name: "cluster1", replicas: 1 }]))).toBeUndefined();
  });
});

describe("scheduler_test.go TestPatchBindingStatusCondition / TestPatchBindingStatusWithAffinityName", () => {
  const NOW = new Date("2025-01-01T00:00:00Z");
  type Cond = { type: string; status: "True" | "False"; reason: string; message: string };
  const success: Cond = { type: "Scheduled", status: "True", reason: "Success", message: "Binding has been scheduled successfully." };
  const failure: Cond = { type: "Scheduled", status: "False", reason: "SchedulerError", message: "schedule error" };
  const noClusterFit: Cond = { type: "Scheduled", status: "False", reason: "NoClusterFit", message: "0/0 clusters are available" };
  const unschedulable: Cond = { type: "Scheduled", status: "False", reason: "Unschedulable", message: "insufficient resources in the clusters" };
  const withTime = (c: Cond) => ({ ...c, lastTransitionTime: "2024-12-31T23:00:00Z" });
  const plan = (condition: Cond, affinityName?: string) => ({ condition, result: { affinityName } }) as unknown as SchedulePlan;

  // name, generation, old status, new condition, expected status after the patch (lastScheduledTime dropped).
  const cases: [string, number | undefined, ResourceBinding["status"], Cond, { conditions: Cond[]; schedulerObservedGeneration?: number }][] = [
    ["add success condition", 1, {}, success, { conditions: [success], schedulerObservedGeneration: 1 }],
    ["add failure condition", undefined, {}, failure, { conditions: [failure] }],
    ["add no cluster available condition", undefined, {}, noClusterFit, { conditions: [noClusterFit] }],
    ["add unschedulable condition", undefined, {}, unschedulable, { conditions: [unschedulable] }],
    ["replace to success condition", 1, { conditions: [withTime(failure)], schedulerObservedGeneration: 2 }, success, { conditions: [success], schedulerObservedGeneration: 1 }],
    ["replace failure condition", undefined, { conditions: [withTime(success)] }, failure, { conditions: [failure] }],
    ["replace to unschedulable condition", undefined, { conditions: [withTime(failure)] }, unschedulable, { conditions: [unschedulable] }],
    ["replace to no cluster fit condition", undefined, { conditions: [withTime(failure)] }, noClusterFit, { conditions: [noClusterFit] }],
  ];
  it.each(cases)("%s", (_, generation, status, condition, want) => {
    const b = plainBinding("rb", {}, { metadata: { name: "rb", generation }, status } as Partial<ResourceBinding>);
    const patch = statusPatchFor(b, plan(condition), generation ?? 0, NOW) as { status: Record<string, unknown> };
    const merged = { ...status, ...patch.status } as Record<string, unknown>;
    if (condition.status === "True") expect(merged.lastScheduledTime).toBe("2025-01-01T00:00:00Z");
    else expect(merged.lastScheduledTime).toBeUndefined();
    delete merged.lastScheduledTime;
    const conditions = (merged.conditions as (Cond & { lastTransitionTime?: string })[]).map(({ lastTransitionTime: _t, ...c }) => c);
    expect({ ...merged, conditions }).toEqual(want);
  });

  it("add affinityName in status", () => {
    const b = plainBinding("rb-1", { clusterAffinities: [{ affinityName: "group1", clusterNames: ["m1"] }] }, { metadata: { name: "rb-1", generation: 1 } } as Partial<ResourceBinding>);
    const patch = statusPatchFor(b, plan(success, "group1"), 1, NOW) as { status: Record<string, unknown> };
    expect(patch.status.schedulerObservingAffinityName).toBe("group1");
    // Already recorded: not written again.
    b.status = { schedulerObservingAffinityName: "group1" };
    expect((statusPatchFor(b, plan(success, "group1"), 1, NOW) as { status: Record<string, unknown> }).status.schedulerObservingAffinityName).toBeUndefined();
  });
});

// ---------------------------------------------------------------- scheduler_test.go (reconcile)

const WATCHES = [
  { apiVersion: WORK_V1ALPHA2, kind: "ResourceBinding" },
  { apiVersion: WORK_V1ALPHA2, kind: "ClusterResourceBinding" },
  { apiVersion: CLUSTER_API_VERSION, kind: "Cluster" },
];

let env: TestEnv | undefined;
afterEach(async () => {
  await env?.stop();
  env = undefined;
});

async function reconcile(objects: KubeObject[], b: ResourceBinding) {
  env = await createTestEnv({ objects: [...objects, b], watches: WATCHES });
  const ns = b.kind === "ResourceBinding" ? b.metadata.namespace : undefined;
  let error: unknown;
  try {
    await reconcileBinding({ namespace: ns, name: b.metadata.name! }, { client: env.client, informers: env.informers, events: env.events, clock: env.clock }, { explanations: new ExplanationStore() });
  } catch (err) {
    error = err;
  }
  await env.settle();
  const after = (await env.client.get<ResourceBinding>(WORK_V1ALPHA2, b.kind, ns, b.metadata.name!))!;
  // Karmada's fake recorder keeps "<type> <reason> <message>"; one line per object (binding, then template).
  const events = env.events.events.filter((e) => e.kind === b.kind).map((e) => `${e.type} ${e.reason} ${e.message}`);
  const templateEvents = env.events.events.filter((e) => e.kind !== b.kind).map((e) => `${e.type} ${e.reason} ${e.message}`);
  expect(templateEvents).toEqual(events);
  return { after, events, error };
}

function asKind(b: ResourceBinding, kind: "ResourceBinding" | "ClusterResourceBinding", name: string): ResourceBinding {
  const out = { ...b, kind, metadata: { ...b.metadata, name } };
  if (kind === "ClusterResourceBinding") delete out.metadata.namespace;
  return out;
}

const KINDS = [
  ["ResourceBinding", "TestDoScheduleBinding", "test-binding"],
  ["ClusterResourceBinding", "TestDoScheduleClusterBinding", "test-cluster-binding"],
] as const;

describe.each(KINDS)("scheduler_test.go %s: %s", (kind, _test, prefix) => {
  const two = [cluster("cluster1"), cluster("cluster2")];
  const cases: [string, KubeObject[], ResourceBinding, { name: string; replicas: number }[]][] = [
    [
      "binding with changed placement",
      two,
      plainBinding("x", { clusterAffinity: { clusterNames: ["cluster1", "cluster2"] } }, {
        metadata: { name: "x", annotations: { [ANNOTATION_APPLIED_PLACEMENT]: `{"clusterAffinity":{"clusterNames":["cluster1"]}}` } },
        spec: { replicas: 1 } as ResourceBinding["spec"],
      }),
      [{ name: "cluster1", replicas: 1 }, { name: "cluster2", replicas: 1 }],
    ],
    [
      "binding with replicas changed",
      two,
      plainBinding("x", { replicaScheduling: { replicaSchedulingType: "Divided", replicaDivisionPreference: "Weighted" } }, { spec: { replicas: 2 } as ResourceBinding["spec"], status: { schedulerObservedGeneration: 1 } }),
      [{ name: "cluster1", replicas: 1 }, { name: "cluster2", replicas: 1 }],
    ],
    [
      "binding with reschedule triggered",
      [cluster("cluster1")],
      plainBinding("x", {}, { spec: { replicas: 1, rescheduleTriggeredAt: "2025-01-01T00:00:00Z" } as ResourceBinding["spec"] }),
      [{ name: "cluster1", replicas: 1 }],
    ],
  ];
  it.each(cases)("%s", async (_, clusters, b, want) => {
    const { after, events, error } = await reconcile(clusters, asKind(b, kind, `${prefix}-1`));
    expect(error).toBeUndefined();
    expect(after.spec.clusters).toEqual(want);
    expect(events[0]).toContain("Normal ScheduleBindingSucceed");
  });
});

const terms = (...list: [string, string[]][]): ClusterAffinityTerm[] => list.map(([affinityName, clusterNames]) => ({ affinityName, clusterNames }));
const TWO_TERMS = terms(["affinity1", ["cluster1"]], ["affinity2", ["cluster2"]]);
const TWO_TERMS_JSON = `{"clusterAffinities":[{"affinityName":"affinity1","clusterNames":["cluster1"]},{"affinityName":"affinity2","clusterNames":["cluster2"]}]}`;

describe.each(KINDS)("scheduler_test.go TestSchedule%sWithClusterAffinity", (kind, _test, prefix) => {
  it("successful scheduling", async () => {
    const b = plainBinding("x", { clusterAffinity: { clusterNames: ["cluster1"] } }, { spec: { replicas: 1 } as ResourceBinding["spec"] });
    const { after, events } = await reconcile([cluster("cluster1"), cluster("cluster2")], asKind(b, kind, prefix));
    expect(after.metadata.annotations![ANNOTATION_APPLIED_PLACEMENT]).toBe(`{"clusterAffinity":{"clusterNames":["cluster1"]}}`);
    expect(after.spec.clusters).toEqual([{ name: "cluster1", replicas: 1 }]);
    expect(events).toEqual([`Normal ScheduleBindingSucceed Binding has been scheduled successfully. ${kind === "ResourceBinding" ? "Result:" : "Result"} {cluster1:1}`]);
  });

  it("scheduling error (not a FitError): nothing patched, one Warning with the error", async () => {
    // Two groups asked for from one cluster: an error that is not a FitError.
    const placement: Placement = { clusterAffinity: { clusterNames: ["cluster1"] }, spreadConstraints: [{ spreadByField: "cluster", minGroups: 2, maxGroups: 2 }] };
    const b = plainBinding("x", placement, { spec: { replicas: 1 } as ResourceBinding["spec"] });
    const { after, events, error } = await reconcile([cluster("cluster1"), cluster("cluster2")], asKind(b, kind, `${prefix}-error`));
    expect(error).toBeDefined();
    expect(after.metadata.annotations?.[ANNOTATION_APPLIED_PLACEMENT]).toBeUndefined();
    expect(after.spec.clusters).toBeUndefined();
    const cond = after.status!.conditions![0];
    expect(cond).toMatchObject({ status: "False", reason: "SchedulerError" });
    expect(events).toEqual([`Warning ScheduleBindingFailed ${cond.message}`]);
  });
});

describe.each(KINDS)("scheduler_test.go TestSchedule%sWithClusterAffinities", (kind, _test, prefix) => {
  const who = (name: string) => (kind === "ResourceBinding" ? `ResourceBinding(default/${name})` : `ClusterResourceBinding(${name})`);
  const sep = kind === "ResourceBinding" ? "Result:" : "Result";
  const clusters = [cluster("cluster1"), cluster("cluster2")];
  const withTerms = (name: string, t: ClusterAffinityTerm[], extra: Partial<ResourceBinding> = {}) =>
    asKind(plainBinding("x", { clusterAffinities: t }, { ...extra, spec: { replicas: 1, ...extra.spec } as ResourceBinding["spec"] }), kind, name);

  it("successful scheduling with first affinity", async () => {
    const { after, events } = await reconcile(clusters, withTerms(prefix, TWO_TERMS));
    expect(after.metadata.annotations![ANNOTATION_APPLIED_PLACEMENT]).toBe(TWO_TERMS_JSON);
    expect(after.spec.clusters).toEqual([{ name: "cluster1", replicas: 1 }]);
    expect(after.status!.schedulerObservingAffinityName).toBe("affinity1");
    expect(events).toEqual([`Normal ScheduleBindingSucceed Binding has been scheduled successfully. ${sep} {cluster1:1}`]);
  });

  it("explicit rescheduling restarts from first affinity", async () => {
    const b = withTerms(`${prefix}-reschedule`, TWO_TERMS, {
      spec: { rescheduleTriggeredAt: "1970-01-01T00:00:02Z" } as ResourceBinding["spec"],
      status: { lastScheduledTime: "1970-01-01T00:00:01Z", schedulerObservingAffinityName: "affinity2" },
    });
    const { after, events } = await reconcile(clusters, b);
    expect(after.spec.clusters).toEqual([{ name: "cluster1", replicas: 1 }]);
    expect(after.status!.schedulerObservingAffinityName).toBe("affinity1");
    expect(events).toEqual([`Normal ScheduleBindingSucceed Binding has been scheduled successfully. ${sep} {cluster1:1}`]);
  });

  it("without explicit rescheduling resumes from observed affinity (no affinity-name patch)", async () => {
    const b = withTerms(`${prefix}-resume`, TWO_TERMS, { status: { schedulerObservingAffinityName: "affinity2" } });
    const { after, events } = await reconcile(clusters, b);
    expect(after.metadata.annotations![ANNOTATION_APPLIED_PLACEMENT]).toBe(TWO_TERMS_JSON);
    expect(after.spec.clusters).toEqual([{ name: "cluster2", replicas: 1 }]);
    expect(after.status!.schedulerObservingAffinityName).toBe("affinity2");
    expect(events).toEqual([`Normal ScheduleBindingSucceed Binding has been scheduled successfully. ${sep} {cluster2:1}`]);
  });

  it("successful scheduling with second affinity: a Warning for the failed first term, then the success", async () => {
    const t = terms(["affinity1", ["gone"]], ["affinity2", ["cluster2"]]);
    const { after, events } = await reconcile(clusters, withTerms(`${prefix}-2`, t));
    expect(after.spec.clusters).toEqual([{ name: "cluster2", replicas: 1 }]);
    expect(after.status!.schedulerObservingAffinityName).toBe("affinity2");
    expect(events).toEqual([
      `Warning ScheduleBindingFailed failed to schedule ${who(`${prefix}-2`)} with clusterAffiliates index(0): 0/2 clusters are available: 2 cluster(s) did not match the placement cluster affinity constraint.`,
      `Normal ScheduleBindingSucceed Binding has been scheduled successfully. ${sep} {cluster2:1}`,
    ]);
  });

  it("all affinities fail (not FitErrors): one Warning per term, nothing patched", async () => {
    const b = asKind(
      plainBinding("x", { clusterAffinities: TWO_TERMS, spreadConstraints: [{ spreadByField: "cluster", minGroups: 2, maxGroups: 2 }] }, { spec: { replicas: 1 } as ResourceBinding["spec"] }),
      kind,
      `${prefix}-fail`,
    );
    const { after, events, error } = await reconcile(clusters, b);
    expect(error).toBeDefined();
    expect(after.metadata.annotations?.[ANNOTATION_APPLIED_PLACEMENT]).toBeUndefined();
    expect(after.status!.schedulerObservingAffinityName).toBeUndefined();
    const cond = after.status!.conditions![0];
    expect(cond).toMatchObject({ status: "False", reason: "SchedulerError" });
    expect(events).toEqual([
      `Warning ScheduleBindingFailed failed to schedule ${who(`${prefix}-fail`)} with clusterAffiliates index(0): ${cond.message}`,
      `Warning ScheduleBindingFailed failed to schedule ${who(`${prefix}-fail`)} with clusterAffiliates index(1): ${cond.message}`,
    ]);
  });

  it("all affinities fail, the first with a FitError: the result is emptied and the first error recorded last", async () => {
    const t = terms(["affinity1", ["gone"]], ["affinity2", ["gone2"]]);
    const b = withTerms(`${prefix}-nofit`, t, { spec: { clusters: [{ name: "cluster1", replicas: 1 }] } as ResourceBinding["spec"] });
    const { after, events, error } = await reconcile(clusters, b);
    expect(error).toBeUndefined();
    expect(after.spec.clusters).toBeUndefined();
    const fit = "0/2 clusters are available: 2 cluster(s) did not match the placement cluster affinity constraint.";
    expect(after.status!.conditions![0]).toMatchObject({ status: "False", reason: "NoClusterFit", message: fit });
    expect(events).toEqual([
      `Warning ScheduleBindingFailed failed to schedule ${who(`${prefix}-nofit`)} with clusterAffiliates index(0): ${fit}`,
      `Warning ScheduleBindingFailed failed to schedule ${who(`${prefix}-nofit`)} with clusterAffiliates index(1): ${fit}`,
      `Warning ScheduleBindingFailed ${fit}`,
    ]);
  });
});

describe("scheduler_test.go TestRecordScheduleResultEventFor{Resource,ClusterResource}Binding", () => {
  it.each(KINDS)("%s: two events (binding and template) for success and for failure", async (kind) => {
    const ok = plainBinding("x", {}, { spec: { replicas: 2 } as ResourceBinding["spec"] });
    const success = await reconcile([cluster("cluster1")], asKind(ok, kind, "ok"));
    expect(env!.events.events.map((e) => e.kind)).toEqual([kind, "Deployment"]);
    expect(success.events).toEqual([`Normal ScheduleBindingSucceed Binding has been scheduled successfully. ${kind === "ResourceBinding" ? "Result:" : "Result"} {cluster1:2}`]);
    await env!.stop();
    const bad = plainBinding("x", { clusterAffinity: { clusterNames: ["nowhere"] } }, { spec: { replicas: 2 } as ResourceBinding["spec"] });
    const failure = await reconcile([cluster("cluster1")], asKind(bad, kind, "bad"));
    expect(env!.events.events.map((e) => [e.kind, e.name])).toEqual([
      [kind, "bad"],
      ["Deployment", "x"],
    ]);
    expect(failure.events).toEqual(["Warning ScheduleBindingFailed 0/1 clusters are available: 1 cluster(s) did not match the placement cluster affinity constraint."]);
  });
});
