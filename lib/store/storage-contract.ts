import { describe, expect, it } from "vitest";
import type { ResourceKey, Storage, StorageEvent } from "../apiserver/storage";
import { ApiError } from "../kube/errors";
import type { KubeObject } from "../kube/types";

/** Hooks a store gives the contract suite beyond the Storage interface. */
export interface StorageContractExtras {
  /**
   * A fresh store that keeps only about `events` events, and a way to force compaction now.
   * Without it the 410 tests are skipped.
   */
  withSmallEventLog?: (events: number) => Promise<{ storage: Storage; compact(): Promise<void> }>;
}

const CM: ResourceKey = { group: "", resource: "configmaps" };
const NODES: ResourceKey = { group: "", resource: "nodes" };
const DEPLOY: ResourceKey = { group: "apps", resource: "deployments" };

function cm(namespace: string, name: string, data: Record<string, string> = {}): KubeObject {
  return { apiVersion: "v1", kind: "ConfigMap", metadata: { namespace, name, labels: { app: name } }, data };
}

function node(name: string): KubeObject {
  return { apiVersion: "v1", kind: "Node", metadata: { name } };
}

async function expectApiError(p: Promise<unknown>, code: number, reason: string, message?: string | RegExp) {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, `expected ApiError ${reason}`).toBeInstanceOf(ApiError);
  const apiErr = err as ApiError;
  expect(apiErr.code).toBe(code);
  expect(apiErr.reason).toBe(reason);
  if (message !== undefined) expect(apiErr.message).toMatch(message);
  return apiErr;
}

/** Reads events until `stop` says enough (or the timeout passes), then aborts the watch. */
async function collect(
  storage: Storage,
  opts: { from: string; key?: ResourceKey; namespace?: string; readOnly?: boolean },
  stop: (seen: StorageEvent[]) => boolean,
  timeoutMs = 10_000,
): Promise<StorageEvent[]> {
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), timeoutMs);
  const seen: StorageEvent[] = [];
  try {
    for await (const e of storage.watch({ fromResourceVersion: opts.from, key: opts.key, namespace: opts.namespace, readOnly: opts.readOnly, signal: ac.signal })) {
      seen.push(e);
      if (stop(seen)) break;
    }
  } finally {
    clearTimeout(timer);
    ac.abort();
  }
  return seen;
}

const rvNum = (o: { metadata: { resourceVersion?: string } }) => Number(o.metadata.resourceVersion);

/**
 * The behaviour every Storage must show, written once and run against MemoryStorage and
 * PrismaStorage (PGlite and PostgreSQL). `makeStorage` returns a fresh, empty store per test.
 */
export function describeStorageContract(name: string, makeStorage: () => Promise<Storage>, extras: StorageContractExtras = {}): void {
  describe(`Storage contract: ${name}`, () => {
    async function withStore(fn: (s: Storage) => Promise<void>) {
      const s = await makeStorage();
      try {
        await fn(s);
      } finally {
        await s.close();
      }
    }

    it("create stamps a resourceVersion, get returns a private copy", () =>
      withStore(async (s) => {
        const before = Number(await s.currentResourceVersion());
        const input = cm("default", "a", { k: "v" });
        const created = await s.create(CM, input);
        expect(rvNum(created)).toBeGreaterThan(before);
        expect(await s.currentResourceVersion()).toBe(created.metadata.resourceVersion);
        expect(input.metadata.resourceVersion).toBeUndefined();
        const got = await s.get(CM, "default", "a");
        expect(got).toEqual(created);
        got!.metadata.labels!.app = "mutated";
        expect((await s.get(CM, "default", "a"))!.metadata.labels!.app).toBe("a");
        expect(await s.get(CM, "other", "a")).toBeUndefined();
        expect(await s.get(DEPLOY, "default", "a")).toBeUndefined();
      }));

    it("create of an existing name is AlreadyExists (409)", () =>
      withStore(async (s) => {
        await s.create(DEPLOY, { apiVersion: "apps/v1", kind: "Deployment", metadata: { namespace: "ns", name: "web" } });
        await expectApiError(
          s.create(DEPLOY, { apiVersion: "apps/v1", kind: "Deployment", metadata: { namespace: "ns", name: "web" } }),
          409,
          "AlreadyExists",
          'deployments.apps "web" already exists',
        );
        // Same name in another namespace or resource is a different object.
        await s.create(DEPLOY, { apiVersion: "apps/v1", kind: "Deployment", metadata: { namespace: "ns2", name: "web" } });
        await s.create(CM, cm("ns", "web"));
      }));

    it("update is compare-and-set on resourceVersion", () =>
      withStore(async (s) => {
        const v1 = await s.create(CM, cm("default", "a", { n: "1" }));
        const v2 = await s.update(CM, { ...v1, data: { n: "2" } }, v1.metadata.resourceVersion!);
        expect(rvNum(v2)).toBeGreaterThan(rvNum(v1));
        expect((await s.get(CM, "default", "a"))!.data).toEqual({ n: "2" });
        await expectApiError(
          s.update(CM, { ...v1, data: { n: "stale" } }, v1.metadata.resourceVersion!),
          409,
          "Conflict",
          'Operation cannot be fulfilled on configmaps "a": the object has been modified; please apply your changes to the latest version and try again',
        );
        expect((await s.get(CM, "default", "a"))!.data).toEqual({ n: "2" });
        await expectApiError(s.update(CM, cm("default", "missing"), "1"), 404, "NotFound", 'configmaps "missing" not found');
      }));

    it("delete returns the last state with a new resourceVersion; guarded deletes conflict", () =>
      withStore(async (s) => {
        const a = await s.create(CM, cm("default", "a"));
        await expectApiError(s.delete(CM, "default", "a", String(rvNum(a) + 1000)), 409, "Conflict");
        const gone = await s.delete(CM, "default", "a", a.metadata.resourceVersion);
        expect(rvNum(gone)).toBeGreaterThan(rvNum(a));
        expect(gone.data).toEqual({});
        expect(await s.get(CM, "default", "a")).toBeUndefined();
        await expectApiError(s.delete(CM, "default", "a"), 404, "NotFound");
        // The name is free again.
        await s.create(CM, cm("default", "a"));
      }));

    it("list filters by namespace and predicate, in etcd key order", () =>
      withStore(async (s) => {
        for (const [ns, n] of [["team", "b"], ["team-a", "x"], ["team", "a"], ["default", "z"], ["team-a", "c"]]) await s.create(CM, cm(ns, n));
        await s.create(NODES, node("n2"));
        await s.create(NODES, node("n1"));
        const all = await s.list(CM);
        // "team-a/…" sorts before "team/…" because '-' < '/' bytewise, as etcd keys do.
        expect(all.items.map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(["default/z", "team-a/c", "team-a/x", "team/a", "team/b"]);
        expect(all.resourceVersion).toBe(await s.currentResourceVersion());
        expect(all.continue).toBeUndefined();
        expect((await s.list(CM, { namespace: "team" })).items.map((o) => o.metadata.name)).toEqual(["a", "b"]);
        expect((await s.list(CM, { namespace: "nope" })).items).toEqual([]);
        const filtered = await s.list(CM, { filter: (o) => o.metadata.name === "x" || o.metadata.name === "a" });
        expect(filtered.items.map((o) => o.metadata.name)).toEqual(["x", "a"]);
        expect((await s.list(NODES)).items.map((o) => o.metadata.name)).toEqual(["n1", "n2"]);
        expect((await s.list(DEPLOY)).items).toEqual([]);
      }));

    it("list pages with limit/continue visit every item once, at one list resourceVersion", () =>
      withStore(async (s) => {
        const names = Array.from({ length: 23 }, (_, i) => `cm-${String(i).padStart(2, "0")}`);
        for (const n of names) await s.create(CM, cm("ns", n));
        const first = await s.list(CM, { limit: 10 });
        expect(first.items).toHaveLength(10);
        expect(first.remainingItemCount).toBe(13);
        expect(first.continue).toBeTruthy();
        await s.create(CM, cm("other", "late"));
        const seen = [...first.items];
        let token = first.continue;
        while (token) {
          const page = await s.list(CM, { limit: 10, continue: token });
          expect(page.resourceVersion).toBe(first.resourceVersion);
          // An estimate on later pages (Kubernetes documents it so): present while more follow.
          if (page.continue) expect(page.remainingItemCount).toBeGreaterThan(0);
          else expect(page.remainingItemCount).toBeUndefined();
          seen.push(...page.items);
          token = page.continue;
        }
        const ns = seen.filter((o) => o.metadata.namespace === "ns").map((o) => o.metadata.name);
        expect(ns).toEqual(names);
        const filtered = await s.list(CM, { limit: 2, filter: (o) => o.metadata.name!.endsWith("5") });
        expect(filtered.items.map((o) => o.metadata.name)).toEqual(["cm-05", "cm-15"]);
        expect(filtered.remainingItemCount).toBeUndefined();
        await expectApiError(s.list(CM, { limit: 2, continue: "not-a-token" }), 400, "BadRequest", /continue/);
      }));

    it("watch from a resourceVersion replays exactly the later events, then live ones", () =>
      withStore(async (s) => {
        const a = await s.create(CM, cm("default", "a"));
        const b = await s.create(CM, cm("default", "b"));
        const n1 = await s.create(NODES, node("n1"));
        const b2 = await s.update(CM, { ...b, data: { x: "1" } }, b.metadata.resourceVersion!);
        const watching = collect(s, { from: a.metadata.resourceVersion! }, (seen) => seen.length === 4);
        await new Promise((r) => setTimeout(r, 50));
        const c = await s.create(CM, cm("kube-system", "c"));
        const events = await watching;
        expect(events.map((e) => [e.type, e.key.resource, `${e.namespace}/${e.name}`, e.resourceVersion])).toEqual([
          ["ADDED", "configmaps", "default/b", b.metadata.resourceVersion],
          ["ADDED", "nodes", "/n1", n1.metadata.resourceVersion],
          ["MODIFIED", "configmaps", "default/b", b2.metadata.resourceVersion],
          ["ADDED", "configmaps", "kube-system/c", c.metadata.resourceVersion],
        ]);
        expect(events[0].object.metadata.resourceVersion).toBe(b.metadata.resourceVersion);
        expect(events[2].object.data).toEqual({ x: "1" });
        expect(events[3].object).toEqual(c);
      }));

    it("watch restricted to a resource and namespace", () =>
      withStore(async (s) => {
        const from = await s.currentResourceVersion();
        await s.create(CM, cm("a", "1"));
        await s.create(CM, cm("b", "2"));
        await s.create(NODES, node("n"));
        const last = await s.create(CM, cm("b", "3"));
        const byNs = await collect(s, { from, key: CM, namespace: "b" }, (seen) => seen.at(-1)?.name === "3");
        expect(byNs.map((e) => e.name)).toEqual(["2", "3"]);
        const byKey = await collect(s, { from, key: NODES }, (seen) => seen.length === 1);
        expect(byKey.map((e) => e.name)).toEqual(["n"]);
        // A watch from the newest version sees nothing until the next write.
        const live = collect(s, { from: last.metadata.resourceVersion!, key: CM }, (seen) => seen.length === 1);
        await new Promise((r) => setTimeout(r, 50));
        const d = await s.create(CM, cm("a", "4"));
        expect((await live).map((e) => e.resourceVersion)).toEqual([d.metadata.resourceVersion]);
      }));

    it("deletions are DELETED events carrying the last state at the deletion's resourceVersion", () =>
      withStore(async (s) => {
        const a = await s.create(CM, cm("default", "a", { keep: "me" }));
        const gone = await s.delete(CM, "default", "a");
        const events = await collect(s, { from: a.metadata.resourceVersion! }, (seen) => seen.length === 1);
        expect(events[0].type).toBe("DELETED");
        expect(events[0].resourceVersion).toBe(gone.metadata.resourceVersion);
        expect(events[0].object.metadata.resourceVersion).toBe(gone.metadata.resourceVersion);
        expect(events[0].object.data).toEqual({ keep: "me" });
      }));

    it("watch events are private copies unless the watcher is read-only, and writers keep their objects", () =>
      withStore(async (s) => {
        const from = await s.currentResourceVersion();
        const input = cm("default", "a", { k: "v" });
        const first = collect(s, { from, key: CM }, (seen) => seen.length === 2);
        const shared = collect(s, { from, key: CM, readOnly: true }, (seen) => seen.length === 2);
        await new Promise((r) => setTimeout(r, 50));
        const created = await s.create(CM, input);
        input.data = { k: "changed by the writer" };
        created.data = { k: "changed by the caller" };
        created.metadata.labels!.app = "changed in place by the caller";
        const updated = await s.update(CM, { ...created, metadata: { ...created.metadata, labels: { app: "a" } }, data: { k: "v2" } }, created.metadata.resourceVersion!);
        (updated.data as Record<string, string>).k = "changed in place by the caller";
        updated.metadata.labels!.app = "changed in place by the caller";
        const stored = (await s.get(CM, "default", "a"))!;
        expect(stored.data).toEqual({ k: "v2" });
        expect(stored.metadata.labels).toEqual({ app: "a" });
        const mine = await first;
        mine[0].object.data = { k: "changed by a watcher" };
        const theirs = await shared;
        expect(theirs.map((e) => e.object.data)).toEqual([{ k: "v" }, { k: "v2" }]);
        expect(theirs.map((e) => e.object.metadata.labels)).toEqual([{ app: "a" }, { app: "a" }]);
        const replay = await collect(s, { from, key: CM }, (seen) => seen.length === 2);
        expect(replay.map((e) => e.object.data)).toEqual([{ k: "v" }, { k: "v2" }]);
        expect(replay.map((e) => e.object.metadata.labels)).toEqual([{ app: "a" }, { app: "a" }]);
      }));

    it("a watch ends when its signal aborts", () =>
      withStore(async (s) => {
        const ac = new AbortController();
        const from = await s.currentResourceVersion();
        setTimeout(() => ac.abort(), 50);
        const seen: StorageEvent[] = [];
        for await (const e of s.watch({ fromResourceVersion: from, signal: ac.signal })) seen.push(e);
        expect(seen).toEqual([]);
      }));

    it("20 concurrent writers: a watcher sees every committed resourceVersion once, in increasing order", () =>
      withStore(async (s) => {
        const from = await s.currentResourceVersion();
        const shared = await s.create(CM, cm("race", "shared", { n: "0" }));
        const committed: number[] = [rvNum(shared)];
        let conflicts = 0;
        const writer = async (w: number) => {
          for (let i = 0; i < 10; i++) {
            committed.push(rvNum(await s.create(CM, cm("race", `w${w}-${i}`))));
            // Everyone races on one object: compare-and-set lets exactly one win per version.
            const cur = (await s.get(CM, "race", "shared"))!;
            try {
              committed.push(rvNum(await s.update(CM, { ...cur, data: { n: `${w}-${i}` } }, cur.metadata.resourceVersion!)));
            } catch (err) {
              if (!ApiError.is(err, "Conflict")) throw err;
              conflicts++;
            }
          }
        };
        const watching = (async () => {
          const ac = new AbortController();
          const timer = setTimeout(() => ac.abort(), 30_000);
          const seen: number[] = [];
          for await (const e of s.watch({ fromResourceVersion: from, signal: ac.signal })) {
            seen.push(Number(e.resourceVersion));
            // "final" is written after every writer finished: once it arrives, everything has.
            if (e.name === "final") break;
          }
          clearTimeout(timer);
          ac.abort();
          return seen;
        })();
        await Promise.all(Array.from({ length: 20 }, (_, w) => writer(w)));
        committed.push(rvNum(await s.create(CM, cm("race", "final"))));
        const seen = await watching;
        for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
        expect(seen).toEqual([...committed].sort((x, y) => x - y));
        expect(new Set(seen).size).toBe(committed.length);
        expect(committed.length).toBe(1 + 200 + (200 - conflicts) + 1);
        const shares = (await s.list(CM, { namespace: "race" })).items;
        expect(shares).toHaveLength(202);
      }));

    it("currentResourceVersion is the newest version handed out", () =>
      withStore(async (s) => {
        const a = await s.create(NODES, node("a"));
        expect(await s.currentResourceVersion()).toBe(a.metadata.resourceVersion);
        const gone = await s.delete(NODES, "", "a");
        expect(await s.currentResourceVersion()).toBe(gone.metadata.resourceVersion);
      }));

    const small = extras.withSmallEventLog;
    it.skipIf(!small)("a watch from before the retained event log is 410 Expired", async () => {
      const { storage: s, compact } = await small!(5);
      try {
        const start = await s.currentResourceVersion();
        const objs: KubeObject[] = [];
        for (let i = 0; i < 20; i++) objs.push(await s.create(NODES, node(`n${i}`)));
        await compact();
        const err = await expectApiError(collect(s, { from: start }, () => true, 2000), 410, "Expired", /^too old resource version: \d+ \(\d+\)$/);
        expect(err.message).toContain(`too old resource version: ${start} (`);
        // The newest events are still there.
        const recent = await collect(s, { from: objs[17].metadata.resourceVersion! }, (seen) => seen.length === 2);
        expect(recent.map((e) => e.name)).toEqual(["n18", "n19"]);
      } finally {
        await s.close();
      }
    });
  });
}
