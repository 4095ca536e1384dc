import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KubeObject } from "../../kube/types";
import { createMemberClient, type MemberClient } from "../../members/member-client";
import { nodeSummary, resourceSummary, type NodeLike, type PodLike } from "../../members/summaries";
import type { SandboxCluster } from "../../sandbox/sandbox-cluster";
import { eventually, testManager } from "../../sandbox/sandbox-testing";
import type { Cluster } from "../../kube/karmada";
import { noopLogger } from "../runtime/log";
import { createTestEnv } from "../runtime/test-env";
import { clusterStatusControllerSetup } from "./cluster-status-controller";
import { collectClusterStatus } from "./collect-status";
import { MemberStatusCache, type ListWatchClient } from "./member-status-cache";
import { MemberStatusCaches } from "./member-status-caches";

const backoff = { initialMs: 50, maxMs: 200 };
let env: Awaited<ReturnType<typeof testManager>>;
let sandbox: SandboxCluster;
let member: MemberClient;

beforeAll(async () => {
  env = await testManager();
  const info = await env.manager.create({ name: "cache1", nodes: 2, cpu: "2", memory: "4Gi" });
  sandbox = env.manager.cluster("cache1")!;
  member = createMemberClient({ kubeconfig: await readFile(info.kubeconfigPath, "utf8") });
  await eventually(async () => (await sandbox.client.list("v1", "Node")).items.length === 2);
});

afterAll(async () => {
  await member?.close();
  await env?.cleanup();
});

const pod = (name: string, cpu: string): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default", labels: { app: name } },
  spec: { containers: [{ name: "c", image: "nginx", resources: { requests: { cpu, memory: "64Mi" } } }] },
});

/** The summaries a LIST of the member gives right now (the path the cache replaces). */
async function listed() {
  const [nodes, pods] = await Promise.all([member.listNodes(), member.listPods()]);
  return { nodeSummary: nodeSummary(nodes as NodeLike[]), resourceSummary: resourceSummary(nodes as NodeLike[], pods as PodLike[]) };
}

/** Waits until the cache's summaries equal a LIST's (after the simulator settled). */
async function matchesList(cache: MemberStatusCache) {
  return eventually(async () => {
    const want = await listed();
    return JSON.stringify(cache.summaries()) === JSON.stringify(want) && want;
  });
}

/** The member, counting list calls per kind. */
function counting(c: ListWatchClient) {
  const lists = new Map<string, number>();
  const client: ListWatchClient = {
    list: (v, kind, o) => (lists.set(kind, (lists.get(kind) ?? 0) + 1), c.list(v, kind, o)),
    watch: (v, kind, o, on) => c.watch(v, kind, o, on),
  };
  return { client, lists };
}

describe("MemberStatusCache against a sandbox member", () => {
  it("lists once, then follows adds, changes and deletes from the watch", async () => {
    const { client, lists } = counting(member);
    const cache = new MemberStatusCache({ member: client, backoff });
    try {
      expect(await cache.ready(10_000)).toBe("fresh");
      expect(cache.summaries().nodeSummary).toEqual({ totalNum: 2, readyNum: 2 });

      await sandbox.client.create(pod("small", "250m"));
      await sandbox.client.create(pod("huge", "64")); // never fits: stays unscheduled (allocating)
      let s = await matchesList(cache);
      expect(s.resourceSummary.allocated).toMatchObject({ cpu: "250m", pods: "1" });
      expect(s.resourceSummary.allocating).toMatchObject({ cpu: "64", pods: "1" });

      // A finished pod no longer holds its node's resources.
      await sandbox.client.patch({ apiVersion: "v1", kind: "Pod", namespace: "default", name: "small" }, "application/merge-patch+json", { status: { phase: "Succeeded" } }, { subresource: "status" });
      s = await matchesList(cache);
      expect(s.resourceSummary.allocated).toBeUndefined();

      await sandbox.client.delete({ apiVersion: "v1", kind: "Pod", namespace: "default", name: "huge" });
      s = await matchesList(cache);
      expect(s.resourceSummary.allocating).toBeUndefined();
      expect(lists.get("Pod")).toBe(1);
      expect(lists.get("Node")).toBe(1);
    } finally {
      await cache.stop();
      await sandbox.client.delete({ apiVersion: "v1", kind: "Pod", namespace: "default", name: "small" }).catch(() => undefined);
    }
  });

  it("relists after 410 Gone when the member restarted past its resume point, and is not fresh while it cannot watch", async () => {
    const { client, lists } = counting(member);
    const cache = new MemberStatusCache({ member: client, backoff });
    try {
      await sandbox.client.create(pod("gone", "100m"));
      expect(await cache.ready(10_000)).toBe("fresh");
      await matchesList(cache);

      await sandbox.setFaults({ down: true });
      await eventually(async () => !cache.isFresh());
      // Missed by the watch: written while the member was unreachable.
      await sandbox.client.delete({ apiVersion: "v1", kind: "Pod", namespace: "default", name: "gone" });
      await sandbox.client.create(pod("late", "300m"));
      // A restart starts the member's event log at its current version: the old one answers 410.
      await sandbox.stop();
      await sandbox.start();
      await sandbox.setFaults({});

      const s = await matchesList(cache);
      expect(cache.isFresh()).toBe(true);
      expect(s.resourceSummary.allocated).toMatchObject({ cpu: "300m", pods: "1" });
      expect(lists.get("Pod")).toBe(2);
    } finally {
      await cache.stop();
      await sandbox.client.delete({ apiVersion: "v1", kind: "Pod", namespace: "default", name: "late" }).catch(() => undefined);
    }
  });

  it("falls back to a LIST while the watch is refused", async () => {
    let podLists = 0;
    const refused: ListWatchClient = {
      list: (v, kind, o) => member.list(v, kind, o),
      watch: async () => {
        throw new Error("watch refused");
      },
    };
    const cache = new MemberStatusCache({ member: refused, backoff });
    const spy = Object.assign(Object.create(member) as MemberClient, { listPods: () => (podLists++, member.listPods()) });
    try {
      await cache.ready(10_000);
      await eventually(async () => !cache.isFresh());
      await sandbox.client.create(pod("after", "200m"));
      await eventually(async () => (await collectClusterStatus(spy, { apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name: "cache1" }, spec: { syncMode: "Push" } }, undefined, { cache })).fields.resourceSummary?.allocated?.cpu === "200m");
      expect(podLists).toBeGreaterThan(0);
    } finally {
      await cache.stop();
      await sandbox.client.delete({ apiVersion: "v1", kind: "Pod", namespace: "default", name: "after" }).catch(() => undefined);
    }
  });
});

describe("MemberStatusCaches", () => {
  it("keeps one cache per cluster, replaces it when the client changes and stops it on forget", async () => {
    const caches = new MemberStatusCaches({ backoff });
    const first = caches.for("cache1", member)!;
    expect(caches.for("cache1", member)).toBe(first);
    expect(await first.ready(10_000)).toBe("fresh");

    const other = createMemberClient({ kubeconfig: await readFile(sandbox.info().kubeconfigPath, "utf8") });
    try {
      const second = caches.for("cache1", other)!;
      expect(second).not.toBe(first);
      await eventually(async () => !first.isFresh());
      expect(await second.ready(10_000)).toBe("fresh");

      await caches.forget("cache1");
      expect(caches.has("cache1")).toBe(false);
      expect(second.isFresh()).toBe(false);
      // A client that cannot watch (a test double) gets no cache.
      expect(caches.for("fake", { list: member.list.bind(member) })).toBeUndefined();
    } finally {
      await caches.stop();
      await other.close();
    }
  });

  it("stops caches nobody read for idleMs", async () => {
    const caches = new MemberStatusCaches({ backoff, idleMs: 200 });
    const cache = caches.for("cache1", member)!;
    expect(await cache.ready(10_000)).toBe("fresh");
    await eventually(async () => !caches.has("cache1"), 5000);
    expect(cache.isFresh()).toBe(false);
    await caches.stop();
  });
});

describe("cluster status controller over a sandbox member", () => {
  it("reads summaries from the member's watches, not LISTs, and stops them when the Cluster goes", async () => {
    const cluster: Cluster = { apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name: "cache1" }, spec: { syncMode: "Push" } };
    const env = await createTestEnv({ objects: [cluster], watches: [{ apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster" }] });
    const caches = new MemberStatusCaches({ backoff });
    let podLists = 0;
    const spy = Object.assign(Object.create(member) as MemberClient, { listPods: () => (podLists++, member.listPods()) });
    const def = clusterStatusControllerSetup({ members: { get: async () => spy }, statusCaches: caches, probeTimeoutMs: 10_000 })({ client: env.client, informers: env.informers, events: env.events, log: noopLogger, clock: env.clock });
    const status = async () => (await env.client.get<Cluster>("cluster.karmada.io/v1alpha1", "Cluster", undefined, "cache1"))!.status;
    try {
      await def.reconcile({ name: "cache1" }, env.ctx());
      expect(caches.has("cache1")).toBe(true);
      expect((await status())?.nodeSummary).toEqual({ totalNum: 2, readyNum: 2 });

      await sandbox.client.create(pod("seen", "400m"));
      await eventually(async () => {
        await env.settle();
        await def.reconcile({ name: "cache1" }, env.ctx());
        return (await status())?.resourceSummary?.allocated?.cpu === "400m";
      });
      expect(podLists).toBe(0);

      await env.client.delete({ apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", name: "cache1" });
      await eventually(async () => {
        await env.settle();
        await def.reconcile({ name: "cache1" }, env.ctx());
        return !caches.has("cache1");
      });
    } finally {
      await caches.stop();
      await env.stop();
      await sandbox.client.delete({ apiVersion: "v1", kind: "Pod", namespace: "default", name: "seen" }).catch(() => undefined);
    }
  });
});
