import { describe, expect, it } from "vitest";
import { errors } from "../../kube/errors";
import type { ResourceModel } from "../../kube/karmada";
import type { KubeObject, WatchEvent } from "../../kube/types";
import type { Cluster } from "../../kube/karmada";
import type { MemberClient } from "../../members/member-client";
import { collectClusterStatus } from "./collect-status";
import { MemberStatusCache, type ListWatchClient } from "./member-status-cache";

const node = (name: string, rv: string): KubeObject => ({ apiVersion: "v1", kind: "Node", metadata: { name, resourceVersion: rv }, status: { allocatable: { cpu: "4", memory: "8Gi", pods: "110" }, conditions: [{ type: "Ready", status: "True" }] } });
const pod = (name: string, rv: string, nodeName?: string): KubeObject => ({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default", resourceVersion: rv }, spec: { nodeName, containers: [{ resources: { requests: { cpu: "1" } } }] }, status: { phase: "Running" } });

/** A member whose lists answer `objects` and whose watches the test feeds or fails by hand. */
class ScriptedMember implements ListWatchClient {
  objects: Record<string, KubeObject[]> = { Node: [node("n1", "1")], Pod: [] };
  listError: Error | undefined;
  private readonly streams = new Map<string, { emit: (e: WatchEvent) => void; fail: (err: Error) => void }>();

  hold: Promise<void> | undefined;

  async list<T extends KubeObject>(_v: string, kind: string) {
    await this.hold;
    if (this.listError) throw this.listError;
    return { apiVersion: "v1", kind: `${kind}List`, metadata: { resourceVersion: "10" }, items: structuredClone(this.objects[kind]) as T[] };
  }

  watch(_v: string, kind: string, opts: { signal: AbortSignal }, onEvent: (e: WatchEvent) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      opts.signal.addEventListener("abort", () => resolve(), { once: true });
      this.streams.set(kind, { emit: onEvent, fail: reject });
    });
  }

  emit(kind: string, e: WatchEvent): void {
    this.streams.get(kind)!.emit(e);
  }

  fail(kind: string, err: Error): void {
    this.streams.get(kind)!.fail(err);
  }

  watching(kind: string): boolean {
    return this.streams.has(kind);
  }
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
};

describe("MemberStatusCache", () => {
  it("reuses its summaries until an object changes", async () => {
    const m = new ScriptedMember();
    const cache = new MemberStatusCache({ member: m, backoff: { initialMs: 10, maxMs: 10 } });
    try {
      expect(await cache.ready(1000)).toBe("fresh");
      const first = cache.summaries();
      expect(cache.summaries()).toBe(first);
      await until(() => m.watching("Pod"));
      m.emit("Pod", { type: "ADDED", object: pod("a", "11", "n1") });
      const second = cache.summaries();
      expect(second).not.toBe(first);
      expect(second.resourceSummary.allocated).toEqual({ cpu: "1", pods: "1" });
      // Other resource models are another result, from the same objects.
      const models: ResourceModel[] = [{ grade: 0, ranges: [{ name: "cpu", min: "0", max: "100" }] }];
      expect(cache.summaries(models).resourceSummary.allocatableModelings).toEqual([{ grade: 0, count: 1 }]);
    } finally {
      await cache.stop();
    }
  });

  it("is not fresh after a watch error until the member answers again", async () => {
    const m = new ScriptedMember();
    const cache = new MemberStatusCache({ member: m, backoff: { initialMs: 10, maxMs: 10 } });
    try {
      expect(await cache.ready(1000)).toBe("fresh");
      await until(() => m.watching("Node"));
      m.fail("Node", errors.serviceUnavailable("connection refused"));
      await until(() => !cache.isFresh());
      expect(await cache.ready(1000)).toBe("stale");
      // The informer reconnects; the first event proves the stream works again.
      await new Promise((r) => setTimeout(r, 30));
      m.emit("Node", { type: "MODIFIED", object: node("n1", "12") });
      expect(cache.isFresh()).toBe(true);
    } finally {
      await cache.stop();
    }
  });

  it("does not report as fresh before its first lists succeed", async () => {
    const m = new ScriptedMember();
    m.listError = errors.forbidden("nodes is forbidden");
    const cache = new MemberStatusCache({ member: m, backoff: { initialMs: 10, maxMs: 10 } });
    try {
      expect(await cache.ready(50)).toBe("stale");
      m.listError = undefined;
      await until(() => cache.isFresh());
    } finally {
      await cache.stop();
    }
  });

  it("keeps the published summaries while its first lists are under way, rather than LISTing the member again", async () => {
    const m = new ScriptedMember();
    let release!: () => void;
    m.hold = new Promise((r) => (release = r));
    const cache = new MemberStatusCache({ member: m, backoff: { initialMs: 10, maxMs: 10 } });
    let lists = 0;
    const member = { listNodes: async () => (lists++, []), listPods: async () => (lists++, []) } as unknown as MemberClient;
    const published = { nodeSummary: { totalNum: 5, readyNum: 4 }, resourceSummary: { allocatable: { cpu: "20" } } };
    const cluster: Cluster = { apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name: "m" }, spec: { syncMode: "Push" }, status: published };
    try {
      const during = await collectClusterStatus(member, cluster, {}, { cache, syncWaitMs: 20 });
      expect(during.fields).toMatchObject(published);
      expect(lists).toBe(0);
      release();
      const after = await collectClusterStatus(member, cluster, {}, { cache, syncWaitMs: 1000 });
      expect(after.fields.nodeSummary).toEqual({ totalNum: 1, readyNum: 1 });
      expect(lists).toBe(0);
    } finally {
      await cache.stop();
    }
  });
});
