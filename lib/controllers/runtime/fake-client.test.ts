import { describe, expect, it } from "vitest";
import { ApiError } from "../../kube/errors";
import type { KubeObject, WatchEvent } from "../../kube/types";
import { FakeObjectClient } from "./fake-client";

const cm = (name: string, extra: Partial<KubeObject> = {}, labels?: Record<string, string>): KubeObject => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name, namespace: "ns", ...(labels ? { labels } : {}) },
  data: { a: "1" },
  ...extra,
});
const ref = (name: string) => ({ apiVersion: "v1", kind: "ConfigMap", namespace: "ns", name });

async function rejects(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (ApiError.is(e)) return e;
    throw e;
  }
  throw new Error("expected a rejection");
}

describe("FakeObjectClient", () => {
  it("stamps uid, generation and increasing resourceVersions, and records writes", async () => {
    const c = new FakeObjectClient();
    const a = await c.create(cm("a"));
    const b = await c.create(cm("b"));
    expect(a.metadata.uid).toBeTruthy();
    expect(a.metadata.generation).toBe(1);
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
    expect(c.writes.map((w) => `${w.verb}:${w.name}`)).toEqual(["create:a", "create:b"]);
    expect((await rejects(c.create(cm("a")))).reason).toBe("AlreadyExists");
  });

  it("update is compare-and-set on resourceVersion and bumps generation only on spec change", async () => {
    const c = new FakeObjectClient();
    const a = await c.create(cm("a"));
    const labelled = await c.update({ ...a, metadata: { ...a.metadata, labels: { x: "y" } } });
    expect(labelled.metadata.generation).toBe(1);
    const changed = await c.update({ ...labelled, data: { a: "2" } });
    expect(changed.metadata.generation).toBe(2);
    const err = await rejects(c.update({ ...a, data: { a: "3" } }));
    expect(err.code).toBe(409);
    expect(err.reason).toBe("Conflict");
  });

  it("updateStatus changes only status; update keeps the stored status", async () => {
    const c = new FakeObjectClient();
    const a = await c.create(cm("a"));
    const s = await c.updateStatus({ ...a, data: { a: "ignored" }, status: { phase: "Ok" } });
    expect(s.status).toEqual({ phase: "Ok" });
    expect(s.data).toEqual({ a: "1" });
    expect(s.metadata.generation).toBe(1);
    const u = await c.update({ ...s, status: { phase: "Nope" } });
    expect(u.status).toEqual({ phase: "Ok" });
  });

  it("merge and json patches; a stale resourceVersion in the patch is a conflict", async () => {
    const c = new FakeObjectClient();
    await c.create(cm("a"));
    const m = await c.patch(ref("a"), "application/merge-patch+json", { data: { b: "2", a: null } });
    expect(m.data).toEqual({ b: "2" });
    const j = await c.patch(ref("a"), "application/json-patch+json", [{ op: "add", path: "/data/c", value: "3" }]);
    expect(j.data).toEqual({ b: "2", c: "3" });
    expect((await rejects(c.patch(ref("a"), "application/merge-patch+json", { metadata: { resourceVersion: "1" } }))).code).toBe(409);
    expect((await rejects(c.patch(ref("zz"), "application/merge-patch+json", {}))).code).toBe(404);
    const applied = await c.patch(ref("new"), "application/apply-patch+yaml", cm("new"));
    expect(applied.metadata.uid).toBeTruthy();
  });

  it("deletes in two phases while finalizers remain", async () => {
    const c = new FakeObjectClient();
    await c.create({ ...cm("a"), metadata: { name: "a", namespace: "ns", finalizers: ["f"] } });
    const d = await c.delete(ref("a"));
    expect(d?.metadata.deletionTimestamp).toBeTruthy();
    const held = (await c.get("v1", "ConfigMap", "ns", "a"))!;
    expect(held.metadata.deletionTimestamp).toBeTruthy();
    await c.update({ ...held, metadata: { ...held.metadata, finalizers: [] } });
    expect(await c.get("v1", "ConfigMap", "ns", "a")).toBeUndefined();
    expect((await rejects(c.delete(ref("a")))).code).toBe(404);
  });

  it("lists with label and field selectors", async () => {
    const c = new FakeObjectClient();
    c.seed(cm("a", {}, { app: "x" }), cm("b", {}, { app: "y" }));
    expect((await c.list("v1", "ConfigMap", { labelSelector: "app=x" })).items.map((o) => o.metadata.name)).toEqual(["a"]);
    expect((await c.list("v1", "ConfigMap", { fieldSelector: "metadata.name=b" })).items.map((o) => o.metadata.name)).toEqual(["b"]);
    expect(c.writes).toEqual([]);
  });

  it("watches replay from a resourceVersion, answer 410 after compaction, and end cleanly", async () => {
    const c = new FakeObjectClient();
    const a = await c.create(cm("a"));
    await c.patch(ref("a"), "application/merge-patch+json", { data: { z: "1" } });
    const events: WatchEvent[] = [];
    const ac = new AbortController();
    const done = c.watch("v1", "ConfigMap", { resourceVersion: a.metadata.resourceVersion, signal: ac.signal }, (e) => events.push(e));
    await c.delete(ref("a"));
    expect(events.map((e) => e.type)).toEqual(["MODIFIED", "DELETED"]);
    c.endWatches();
    await done;
    c.compact();
    const err = await rejects(c.watch("v1", "ConfigMap", { resourceVersion: a.metadata.resourceVersion, signal: ac.signal }, () => {}));
    expect(err.code).toBe(410);
  });

  it("a selector watch sees an object leaving the selection as DELETED", async () => {
    const c = new FakeObjectClient();
    const [a] = c.seed(cm("a", {}, { app: "x" }));
    const events: WatchEvent[] = [];
    const ac = new AbortController();
    const done = c.watch("v1", "ConfigMap", { labelSelector: "app=x", resourceVersion: a.metadata.resourceVersion, signal: ac.signal }, (e) => events.push(e));
    await c.patch(ref("a"), "application/merge-patch+json", { metadata: { labels: { app: "y" } } });
    ac.abort();
    await done;
    expect(events.map((e) => e.type)).toEqual(["DELETED"]);
  });

  it("reactors can fail calls", async () => {
    const c = new FakeObjectClient();
    c.prependReactor((verb) => {
      if (verb === "create") throw new ApiError({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", code: 500, reason: "InternalError", message: "boom" });
    });
    expect((await rejects(c.create(cm("a")))).code).toBe(500);
  });
});
