import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawClient, readEvents, startPlane, type Plane, type RawClient } from "./harness";
import type { SqlClient } from "../../lib/store/sql-client";

/**
 * Store semantics through the control plane's HTTPS API, on whichever store the suite runs
 * (embedded PGlite or Postgres): optimistic concurrency, finalizers with two-phase deletion,
 * namespace deletion, 20 concurrent writers against one watcher, compaction and 410 Gone.
 */
let p: Plane;
let raw: RawClient;
const json = "application/json";
const merge = "application/merge-patch+json";

beforeAll(async () => {
  p = await startPlane();
  raw = await rawClient(p);
  for (const name of ["store", "load"]) await raw.request("POST", "/api/v1/namespaces", { body: JSON.stringify({ metadata: { name } }), contentType: json });
});
afterAll(async () => {
  await raw?.close();
  await p?.destroy();
});

const cm = (name: string, extra: Record<string, unknown> = {}) => JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, ...extra }, data: { v: "0" } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitGone(path: string, ms = 15_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) if ((await raw.request("GET", path)).status === 404) return true;
  return false;
}

describe("store semantics through the API", () => {
  it("refuses a stale resourceVersion with 409 Conflict and bumps generation on spec changes only", async () => {
    const created = (await raw.request("POST", "/api/v1/namespaces/store/configmaps", { body: cm("occ"), contentType: json })).json;
    const first = await raw.request("PUT", "/api/v1/namespaces/store/configmaps/occ", { body: JSON.stringify({ ...created, data: { v: "1" } }), contentType: json });
    expect(first.status).toBe(200);
    expect(Number(first.json.metadata.resourceVersion)).toBeGreaterThan(Number(created.metadata.resourceVersion));
    const stale = await raw.request("PUT", "/api/v1/namespaces/store/configmaps/occ", { body: JSON.stringify({ ...created, data: { v: "2" } }), contentType: json });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ reason: "Conflict", message: 'Operation cannot be fulfilled on configmaps "occ": the object has been modified; please apply your changes to the latest version and try again' });
    const again = await raw.request("POST", "/api/v1/namespaces/store/configmaps", { body: cm("occ"), contentType: json });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ reason: "AlreadyExists", message: 'configmaps "occ" already exists' });

    const dep = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "gen" }, spec: { replicas: 1, selector: { matchLabels: { a: "b" } }, template: { metadata: { labels: { a: "b" } }, spec: { containers: [{ name: "c", image: "i" }] } } } };
    expect((await raw.request("POST", "/apis/apps/v1/namespaces/store/deployments", { body: JSON.stringify(dep), contentType: json })).json.metadata.generation).toBe(1);
    const labelled = await raw.request("PATCH", "/apis/apps/v1/namespaces/store/deployments/gen", { body: '{"metadata":{"labels":{"x":"y"}}}', contentType: merge });
    expect(labelled.json.metadata.generation).toBe(1);
    const scaled = await raw.request("PATCH", "/apis/apps/v1/namespaces/store/deployments/gen", { body: '{"spec":{"replicas":3}}', contentType: merge });
    expect(scaled.json.metadata.generation).toBe(2);
  });

  it("deletes in two phases while finalizers remain, and watchers see MODIFIED then DELETED", async () => {
    const created = (await raw.request("POST", "/api/v1/namespaces/store/configmaps", { body: cm("held", { finalizers: ["example.com/hold"] }), contentType: json })).json;
    const ac = new AbortController();
    const stream = await raw.stream(`/api/v1/namespaces/store/configmaps?watch=true&fieldSelector=metadata.name%3Dheld&resourceVersion=${created.metadata.resourceVersion}`, ac.signal);
    const events = readEvents(stream, (e) => e.some((x) => x.type === "DELETED"));
    const del = await raw.request("DELETE", "/api/v1/namespaces/store/configmaps/held");
    expect(del.status).toBe(200);
    expect(del.json.metadata.deletionTimestamp).toBeTruthy();
    const still = await raw.request("GET", "/api/v1/namespaces/store/configmaps/held");
    expect(still.status).toBe(200);
    expect(still.json.metadata.finalizers).toEqual(["example.com/hold"]);
    const more = await raw.request("PATCH", "/api/v1/namespaces/store/configmaps/held", { body: '{"metadata":{"finalizers":["example.com/hold","example.com/more"]}}', contentType: merge });
    expect(more.status).toBe(422);
    expect(more.json.message).toContain("no new finalizers can be added if the object is being deleted");
    const released = await raw.request("PATCH", "/api/v1/namespaces/store/configmaps/held", { body: '{"metadata":{"finalizers":null}}', contentType: merge });
    expect(released.status).toBe(200);
    expect((await raw.request("GET", "/api/v1/namespaces/store/configmaps/held")).status).toBe(404);
    const seen = await events;
    ac.abort();
    expect(seen.map((e) => e.type)).toEqual(["MODIFIED", "DELETED"]);
    expect(seen[0].object.metadata.deletionTimestamp).toBeTruthy();
  });

  it("deleting a namespace deletes its content, and a terminating namespace refuses new content", async () => {
    await raw.request("POST", "/api/v1/namespaces", { body: JSON.stringify({ metadata: { name: "doomed" } }), contentType: json });
    await Promise.all(["a", "b", "c"].map((n) => raw.request("POST", "/api/v1/namespaces/doomed/configmaps", { body: cm(n, n === "c" ? { finalizers: ["example.com/hold"] } : {}), contentType: json })));
    const del = await raw.request("DELETE", "/api/v1/namespaces/doomed");
    expect(del.status).toBe(200);
    expect(del.json.status.phase).toBe("Terminating");
    const refused = await raw.request("POST", "/api/v1/namespaces/doomed/configmaps", { body: cm("late"), contentType: json });
    expect(refused.status).toBe(403);
    expect(refused.json.message).toBe('configmaps "late" is forbidden: unable to create new content in namespace doomed because it is being terminated');
    // The namespace waits for the finalizer of its last object.
    for (let i = 0; i < 50; i++) {
      const left = (await raw.request("GET", "/api/v1/namespaces/doomed/configmaps")).json.items.map((o: { metadata: { name: string } }) => o.metadata.name);
      if (left.length === 1) break;
      await sleep(100);
    }
    expect((await raw.request("GET", "/api/v1/namespaces/doomed")).json.status.phase).toBe("Terminating");
    await raw.request("PATCH", "/api/v1/namespaces/doomed/configmaps/c", { body: '{"metadata":{"finalizers":null}}', contentType: merge });
    expect(await waitGone("/api/v1/namespaces/doomed")).toBe(true);
    expect((await raw.request("GET", "/api/v1/namespaces/doomed/configmaps/a")).status).toBe(404);
  });

  it("20 concurrent writers: a watcher sees every resourceVersion exactly once, in order", async () => {
    const list = await raw.request("GET", "/api/v1/namespaces/load/configmaps");
    const from = list.json.metadata.resourceVersion;
    const writers = 20;
    const perWriter = 8;
    const ac = new AbortController();
    const stream = await raw.stream(`/api/v1/namespaces/load/configmaps?watch=true&resourceVersion=${from}`, ac.signal);
    const events = readEvents(stream, (e) => e.length >= writers * perWriter);
    const written: string[] = [];
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        const name = `w${w}`;
        const c = await raw.request("POST", "/api/v1/namespaces/load/configmaps", { body: cm(name), contentType: json });
        expect(c.status).toBe(201);
        written.push(c.json.metadata.resourceVersion);
        for (let i = 1; i < perWriter; i++) {
          const u = await raw.request("PATCH", `/api/v1/namespaces/load/configmaps/${name}`, { body: JSON.stringify({ data: { v: String(i) } }), contentType: merge });
          expect(u.status).toBe(200);
          written.push(u.json.metadata.resourceVersion);
        }
      }),
    );
    const seen = await Promise.race([events, sleep(20_000).then(() => [] as { type: string; object: { metadata: { resourceVersion: string } } }[])]);
    ac.abort();
    const rvs = seen.map((e) => Number(e.object.metadata.resourceVersion));
    expect(rvs).toHaveLength(writers * perWriter);
    for (let i = 1; i < rvs.length; i++) expect(rvs[i]).toBeGreaterThan(rvs[i - 1]);
    expect(new Set(rvs).size).toBe(rvs.length);
    expect([...rvs].sort((a, b) => a - b)).toEqual(written.map(Number).sort((a, b) => a - b));
    expect(seen.filter((e) => e.type === "ADDED")).toHaveLength(writers);
    expect(rvs[0]).toBeGreaterThan(Number(from));
  });

  it("answers 410 Expired to a watch from a compacted resourceVersion; recent versions still resume", async () => {
    const old = (await raw.request("POST", "/api/v1/namespaces/store/configmaps", { body: cm("compact-old"), contentType: json })).json.metadata.resourceVersion;
    const recent = (await raw.request("POST", "/api/v1/namespaces/store/configmaps", { body: cm("compact-new"), contentType: json })).json.metadata.resourceVersion;
    await compactThrough(Number(recent));
    const ac = new AbortController();
    const res = await raw.stream(`/api/v1/namespaces/store/configmaps?watch=true&resourceVersion=${old}`, ac.signal);
    let status: { code?: number; reason?: string; message?: string };
    if (res.status === 410) status = await res.json();
    else {
      const [first] = await readEvents(res, (e) => e.length > 0);
      expect(first.type).toBe("ERROR");
      status = first.object;
    }
    ac.abort();
    expect(status).toMatchObject({ code: 410, reason: "Expired" });
    expect(status.message).toMatch(/^too old resource version: \d+ \(\d+\)$/);
    // From the newest version on, the watch works and sees the next change.
    const ac2 = new AbortController();
    const live = await raw.stream(`/api/v1/namespaces/store/configmaps?watch=true&resourceVersion=${recent}`, ac2.signal);
    expect(live.status).toBe(200);
    const next = readEvents(live, (e) => e.length > 0);
    await raw.request("PATCH", "/api/v1/namespaces/store/configmaps/compact-new", { body: '{"data":{"v":"9"}}', contentType: merge });
    const [ev] = await next;
    ac2.abort();
    expect(ev).toMatchObject({ type: "MODIFIED", object: { metadata: { name: "compact-new" }, data: { v: "9" } } });
  });
});

/** Retention ran out up to `rv`: raise the log's floor and drop older events, as compaction does. */
async function compactThrough(rv: number): Promise<void> {
  const services = p.handle.services as { db: { sql: SqlClient }; storage: { compact(): Promise<number> } };
  await services.db.sql.query(`UPDATE store_counter SET compacted_through = GREATEST(compacted_through, $1) WHERE id = 1`, [rv]);
  await services.db.sql.query(`DELETE FROM object_events WHERE rv <= $1`, [rv]);
  // compact() re-reads the floor and tells this replica's in-memory event ring about it.
  await services.storage.compact();
}
