import { afterEach, describe, expect, it } from "vitest";
import type { ApplicationFailoverBehavior, ResourceBinding } from "../../kube/karmada";
import { WORK_V1ALPHA2 } from "../../kube/karmada";
import { createTestEnv, type TestEnv } from "../runtime/test-env";
import { noopLogger } from "../runtime/log";
import { binding, STATIC_1_2 } from "../scheduler/test-fixtures";
import {
  applicationFailoverApplies,
  applicationFailoverController,
  applicationTaskOptions,
  detectFailure,
  PRODUCER_RB_APPLICATION_FAILOVER,
  splitByHealth,
  UnhealthySince,
} from "./application-failover";
import { EVENT_EVICT_SUCCEED } from "./taint-manager";

type Health = "Healthy" | "Unhealthy" | "Unknown";

function appBinding(health: Record<string, Health>, app: ApplicationFailoverBehavior = { decisionConditions: { tolerationSeconds: 10 }, purgeMode: "Gracefully", gracePeriodSeconds: 30 }, propagateDeps = true): ResourceBinding {
  const b = binding("web", STATIC_1_2);
  b.spec.clusters = Object.keys(health).map((name) => ({ name, replicas: 3 }));
  b.spec.failover = { application: app };
  b.spec.propagateDeps = propagateDeps;
  b.status = { aggregatedStatus: Object.entries(health).map(([clusterName, h]) => ({ clusterName, applied: true, health: h })) };
  return b;
}

describe("application failover preconditions (Karmada bindingFilter)", () => {
  it.each<[string, ResourceBinding, boolean]>([
    ["all set", appBinding({ a: "Unhealthy" }), true],
    ["propagateDeps off", appBinding({ a: "Unhealthy" }, undefined, false), false],
    ["no failover.application", { ...appBinding({ a: "Unhealthy" }), spec: { ...appBinding({ a: "Unhealthy" }).spec, failover: { cluster: {} } } }, false],
    ["no aggregated status yet", { ...appBinding({}), status: {} }, false],
    ["kind without a health rule", (() => { const b = appBinding({ a: "Unhealthy" }); b.spec.resource = { ...b.spec.resource, apiVersion: "v1", kind: "ConfigMap" }; return b; })(), false],
  ])("%s", (_n, b, want) => expect(applicationFailoverApplies(b)).toBe(want));
});

describe("splitByHealth / detectFailure (Karmada common.go, detectFailure)", () => {
  it("skips clusters already being evicted and sorts Healthy/Unknown into others", () => {
    const b = appBinding({ a: "Unhealthy", b: "Unhealthy", c: "Healthy", d: "Unknown" });
    b.spec.gracefulEvictionTasks = [{ fromCluster: "b", reason: "ApplicationFailure", producer: "x" }];
    expect(splitByHealth(b)).toEqual({ unhealthy: ["a"], others: ["c", "d"] });
  });

  it("starts the clock on first sight and evicts strictly after tolerationSeconds", () => {
    const since = new UnhealthySince();
    expect(detectFailure(["a"], 10, "k", since, 0)).toEqual({ evict: [], retrySeconds: 10 });
    expect(detectFailure(["a"], 10, "k", since, 4_500)).toEqual({ evict: [], retrySeconds: 6 });
    expect(detectFailure(["a"], 10, "k", since, 10_000)).toEqual({ evict: [], retrySeconds: 0 });
    expect(detectFailure(["a"], 10, "k", since, 10_001)).toEqual({ evict: ["a"], retrySeconds: 0 });
  });

  it("forgets clusters that became healthy or are no longer targets", () => {
    const since = new UnhealthySince();
    since.set("k", "a", 0);
    since.set("k", "b", 0);
    since.set("k", "c", 0);
    since.prune("k", new Set(["a", "b"]), ["b"]);
    expect([since.get("k", "a"), since.get("k", "b"), since.get("k", "c")]).toEqual([0, undefined, undefined]);
  });
});

describe("applicationTaskOptions (buildTaskOptions)", () => {
  it.each<[ApplicationFailoverBehavior, Record<string, unknown>]>([
    [{ purgeMode: "Gracefully", gracePeriodSeconds: 60 }, { purgeMode: "Gracefully", gracePeriodSeconds: 60 }],
    [{ purgeMode: "Directly" }, { purgeMode: "Directly" }],
    [{ purgeMode: "Never" }, { purgeMode: "Never", suppressDeletion: true }],
    [{}, { purgeMode: "Gracefully" }],
  ])("%j", (behavior, want) => {
    expect(applicationTaskOptions(behavior, "p")).toEqual({ reason: "ApplicationFailure", producer: "p", ...want });
  });
});

describe("application failover controller (fake client)", () => {
  let env: TestEnv;
  afterEach(async () => env?.stop());

  it("evicts a cluster whose workload stays Unhealthy beyond tolerationSeconds, with an Event", async () => {
    env = await createTestEnv({ objects: [appBinding({ member1: "Healthy", member2: "Unhealthy" })], watches: [{ apiVersion: WORK_V1ALPHA2, kind: "ResourceBinding" }] });
    const c = applicationFailoverController()({ client: env.client, informers: env.informers, events: env.events, log: noopLogger, clock: env.clock });
    const req = { namespace: "default", name: "web" };
    expect(await c.reconcile(req, env.ctx())).toEqual({ requeueAfterMs: 10_000 });
    await env.clock.advance(10_001);
    await c.reconcile(req, env.ctx());
    await env.settle();
    const b = (await env.client.get<ResourceBinding>(WORK_V1ALPHA2, "ResourceBinding", "default", "web"))!;
    expect(b.spec.clusters).toEqual([{ name: "member1", replicas: 3 }]);
    expect(b.spec.gracefulEvictionTasks).toEqual([{ fromCluster: "member2", purgeMode: "Gracefully", reason: "ApplicationFailure", producer: PRODUCER_RB_APPLICATION_FAILOVER, gracePeriodSeconds: 30, replicas: 3 }]);
    expect(env.events.events.filter((e) => e.reason === EVENT_EVICT_SUCCEED).map((e) => `${e.kind}:${e.message}`)).toEqual(["ResourceBinding:Evict from cluster member2 succeed.", "Deployment:Evict from cluster member2 succeed."]);
  });

  it("restarts the clock when the workload recovers in between", async () => {
    env = await createTestEnv({ objects: [appBinding({ member1: "Unhealthy" })], watches: [{ apiVersion: WORK_V1ALPHA2, kind: "ResourceBinding" }] });
    const c = applicationFailoverController()({ client: env.client, informers: env.informers, events: env.events, log: noopLogger, clock: env.clock });
    const req = { namespace: "default", name: "web" };
    await c.reconcile(req, env.ctx());
    await env.clock.advance(8_000);
    const healthy = appBinding({ member1: "Healthy" });
    const cur = (await env.client.get<ResourceBinding>(WORK_V1ALPHA2, "ResourceBinding", "default", "web"))!;
    await env.client.updateStatus({ ...cur, status: healthy.status });
    await env.settle();
    await c.reconcile(req, env.ctx());
    await env.client.updateStatus({ ...(await env.client.get<ResourceBinding>(WORK_V1ALPHA2, "ResourceBinding", "default", "web"))!, status: cur.status });
    await env.settle();
    await env.clock.advance(5_000);
    expect(await c.reconcile(req, env.ctx())).toEqual({ requeueAfterMs: 10_000 });
    expect((await env.client.get<ResourceBinding>(WORK_V1ALPHA2, "ResourceBinding", "default", "web"))!.spec.clusters).toHaveLength(1);
  });
});
