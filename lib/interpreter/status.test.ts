import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kube/types";
import type { AggregatedStatusItem } from "../kube/karmada";
import { reflectStatus } from "./reflect-status";
import { aggregateStatus, hasAggregateStatus } from "./aggregate-status";
import { divideJobCompletions, needReviseJobCompletions } from "./job-completions";

const deploy = (generation: number, status: unknown, annotations?: Record<string, string>): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "nginx", namespace: "default", generation, annotations },
  spec: { replicas: 2 },
  status,
});

describe("reflectStatus", () => {
  it("trims a Deployment status and adds the generations (zeros omitted)", () => {
    const member = deploy(3, { observedGeneration: 3, replicas: 2, readyReplicas: 2, updatedReplicas: 2, availableReplicas: 2, conditions: [{ type: "Available" }] }, {
      "resourcetemplate.karmada.io/generation": "5",
    });
    expect(reflectStatus(member)).toEqual({ generation: 3, resourceTemplateGeneration: 5, observedGeneration: 3, replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 });
  });

  it("returns undefined without status, and the whole status for other kinds", () => {
    expect(reflectStatus(deploy(1, undefined))).toBeUndefined();
    expect(reflectStatus({ apiVersion: "v1", kind: "ConfigMap", metadata: {}, status: { a: 1 } })).toEqual({ a: 1 });
  });

  it("reflects only LoadBalancer services", () => {
    const svc = (type: string): KubeObject => ({ apiVersion: "v1", kind: "Service", metadata: {}, spec: { type }, status: { loadBalancer: { ingress: [{ ip: "1.1.1.1" }] } } });
    expect(reflectStatus(svc("ClusterIP"))).toBeUndefined();
    expect(reflectStatus(svc("LoadBalancer"))).toEqual({ loadBalancer: { ingress: [{ ip: "1.1.1.1" }] } });
  });
});

describe("aggregateStatus (Deployment generation rule, karmada-api.md §7.7)", () => {
  const item = (clusterName: string, status?: Record<string, unknown>): AggregatedStatusItem => ({ clusterName, applied: true, status: status as never });
  const observed = { generation: 1, resourceTemplateGeneration: 2, observedGeneration: 1 };

  it("sums counters and bumps observedGeneration when every member observed the template", () => {
    const t = deploy(2, { observedGeneration: 1, conditions: [{ type: "Available" }] });
    const s = aggregateStatus(t, [item("m1", { ...observed, replicas: 1, readyReplicas: 1 }), item("m2", { ...observed, replicas: 2, readyReplicas: 1 })]);
    expect(s).toMatchObject({ observedGeneration: 2, replicas: 3, readyReplicas: 2, conditions: [{ type: "Available" }] });
  });

  it("keeps the old observedGeneration when an item has no status or is stale", () => {
    const t = deploy(2, { observedGeneration: 1 });
    expect(aggregateStatus(t, [item("m1", { ...observed, replicas: 1 }), item("m2")])).toMatchObject({ observedGeneration: 1, replicas: 1 });
    expect(aggregateStatus(t, [item("m1", { ...observed, resourceTemplateGeneration: 1, replicas: 1 })])).toMatchObject({ observedGeneration: 1 });
  });

  it("unions and sorts load balancer ingress", () => {
    const svc: KubeObject = { apiVersion: "v1", kind: "Service", metadata: {}, spec: { type: "LoadBalancer" } };
    const s = aggregateStatus(svc, [item("a", { loadBalancer: { ingress: [{ ip: "2.2.2.2" }] } }), item("b", { loadBalancer: { ingress: [{ ip: "1.1.1.1" }, { ip: "2.2.2.2" }] } })]);
    expect(s).toEqual({ loadBalancer: { ingress: [{ ip: "1.1.1.1" }, { ip: "2.2.2.2" }] } });
  });

  it("has no rule for other kinds", () => {
    expect(hasAggregateStatus({ apiVersion: "v1", kind: "ConfigMap" })).toBe(false);
    expect(aggregateStatus({ apiVersion: "v1", kind: "ConfigMap", metadata: {} }, [])).toBeUndefined();
  });
});

describe("divideJobCompletions", () => {
  it("splits completions in proportion to scheduled replicas (Webster)", () => {
    const job: KubeObject = { apiVersion: "batch/v1", kind: "Job", metadata: { name: "pi" }, spec: { completions: 10, parallelism: 4 } };
    const out = divideJobCompletions(job, [{ name: "m1", replicas: 3 }, { name: "m2", replicas: 1 }]);
    expect(out).toEqual([{ name: "m1", replicas: 7 }, { name: "m2", replicas: 3 }]);
    expect(divideJobCompletions({ ...job, spec: { parallelism: 4 } }, [{ name: "m1", replicas: 1 }])).toBeUndefined();
    expect(needReviseJobCompletions(4, { replicaScheduling: { replicaSchedulingType: "Divided" } })).toBe(true);
    expect(needReviseJobCompletions(4, {})).toBe(false);
  });
});
