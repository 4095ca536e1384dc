import { afterEach, describe, expect, it } from "vitest";
import { MemoryStorage } from "../store/memory-storage";
import { ResourceRegistry } from "../kube/resources/registry";
import { createApiServer, type ApiServer } from "./api-server";
import { testDescriptors } from "./test-descriptors";

let server: ApiServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

function make(authenticate?: (req: Request) => Promise<{ username: string } | null>) {
  server = createApiServer({ storage: new MemoryStorage(), registry: new ResourceRegistry(testDescriptors()), authenticate });
  return server;
}

const call = (s: ApiServer, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  s.handle(
    new Request(`https://x${path}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    }),
  );

const cm = (name: string, data: Record<string, string> = {}) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name }, data });

describe("http surface", () => {
  it("serves /version, 401 without credentials, and Status bodies with application/json", async () => {
    const s = make(async (req) => (req.headers.get("authorization") === "Bearer t" ? { username: "u" } : null));
    const v = await call(s, "GET", "/version");
    expect(await v.json()).toMatchObject({ major: "1", minor: "32" });
    const denied = await call(s, "GET", "/api/v1/namespaces");
    expect(denied.status).toBe(401);
    expect(denied.headers.get("content-type")).toBe("application/json");
    expect(await denied.json()).toMatchObject({ kind: "Status", reason: "Unauthorized" });
    expect((await call(s, "GET", "/api/v1/namespaces", undefined, { authorization: "Bearer t" })).status).toBe(200);
  });

  it("answers aggregated discovery only when asked, with the exact content type", async () => {
    const s = make();
    const agg = await call(s, "GET", "/apis", undefined, { accept: "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json" });
    expect(agg.headers.get("content-type")).toBe("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
    const legacy = await call(s, "GET", "/apis", undefined, { accept: "application/json" });
    expect(await legacy.json()).toMatchObject({ kind: "APIGroupList" });
  });

  it("creates (201), reads as a Table, and 404s with a Status", async () => {
    const s = make();
    const created = await call(s, "POST", "/api/v1/namespaces/default/configmaps", cm("a", { k: "v" }));
    expect(created.status).toBe(201);
    const table = await call(s, "GET", "/api/v1/namespaces/default/configmaps", undefined, { accept: "application/json;as=Table;v=v1;g=meta.k8s.io,application/json" });
    const t = await table.json();
    expect(t.kind).toBe("Table");
    expect(t.rows[0].cells.slice(0, 2)).toEqual(["a", 1]);
    const missing = await call(s, "GET", "/api/v1/namespaces/default/configmaps/zz");
    expect(missing.status).toBe(404);
    expect((await missing.json()).message).toBe('configmaps "zz" not found');
    expect((await call(s, "GET", "/api/v1/nopes")).status).toBe(404);
    expect((await call(s, "PUT", "/api/v1/namespaces/default/configmaps")).status).toBe(405);
  });

  it("patches with merge, JSON and strategic patches, and rejects unknown patch types with 415", async () => {
    const s = make();
    await call(s, "POST", "/api/v1/namespaces/default/configmaps", cm("a", { k: "v" }));
    const merge = await call(s, "PATCH", "/api/v1/namespaces/default/configmaps/a", { data: { x: "1" } }, { "content-type": "application/merge-patch+json" });
    expect((await merge.json()).data).toEqual({ k: "v", x: "1" });
    const json = await call(s, "PATCH", "/api/v1/namespaces/default/configmaps/a", [{ op: "remove", path: "/data/k" }], { "content-type": "application/json-patch+json" });
    expect((await json.json()).data).toEqual({ x: "1" });
    const bad = await call(s, "PATCH", "/api/v1/namespaces/default/configmaps/a", {}, { "content-type": "text/plain" });
    expect(bad.status).toBe(415);
    const stale = await call(s, "PATCH", "/api/v1/namespaces/default/configmaps/a", [{ op: "replace", path: "/metadata/resourceVersion", value: "1" }], { "content-type": "application/json-patch+json" });
    expect(stale.status).toBe(409);
  });

  it("rejects unknown fields under Strict and warns under Warn", async () => {
    const s = make();
    const strict = await call(s, "POST", "/api/v1/namespaces/default/configmaps?fieldValidation=Strict", { ...cm("a"), bogus: 1 });
    expect(strict.status).toBe(400);
    expect((await strict.json()).message).toBe('strict decoding error: unknown field "bogus"');
    const warn = await call(s, "POST", "/api/v1/namespaces/default/configmaps?fieldValidation=Warn", { ...cm("b"), bogus: 1 });
    expect(warn.status).toBe(201);
    expect(warn.headers.get("warning")).toBe('299 - "unknown field \\"bogus\\""');
  });

  it("streams watch events as newline-delimited JSON and ends at timeoutSeconds", async () => {
    const s = make();
    await call(s, "POST", "/api/v1/namespaces/default/configmaps", cm("a"));
    const res = await call(s, "GET", "/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1");
    setTimeout(() => void call(s, "POST", "/api/v1/namespaces/default/configmaps", cm("b")), 50);
    const lines = (await res.text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => `${l.type}:${l.object.metadata.name}`)).toEqual(["ADDED:a", "ADDED:b"]);
  });

  it("sends 410 as an in-stream ERROR event", async () => {
    const s = createApiServer({ storage: new MemoryStorage({ eventLogSize: 1 }), registry: new ResourceRegistry(testDescriptors()) });
    server = s;
    for (const n of ["a", "b", "c"]) await call(s, "POST", "/api/v1/namespaces/default/configmaps", cm(n));
    const res = await call(s, "GET", "/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=1");
    const [line] = (await res.text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(line).toMatchObject({ type: "ERROR", object: { kind: "Status", code: 410, reason: "Expired" } });
  });
});

describe("more http", () => {
  it("strips a path prefix and ends initial events with a bookmark", async () => {
    server = createApiServer({ storage: new MemoryStorage(), registry: new ResourceRegistry(testDescriptors()), pathPrefix: "/k8s" });
    const s = server;
    await call(s, "POST", "/k8s/api/v1/namespaces/default/configmaps", cm("a"));
    const res = await call(s, "GET", "/k8s/api/v1/namespaces/default/configmaps?watch=1&sendInitialEvents=true&allowWatchBookmarks=true&timeoutSeconds=1");
    const lines = (await res.text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ type: "ADDED", object: { metadata: { name: "a" } } });
    expect(lines[1]).toMatchObject({ type: "BOOKMARK", object: { kind: "ConfigMap", metadata: { annotations: { "k8s.io/initial-events-end": "true" } } } });
  });

  it("deletes a collection by selector and honours dryRun", async () => {
    const s = make();
    for (const [n, l] of [["a", "x"], ["b", "x"], ["c", "y"]]) await call(s, "POST", "/api/v1/namespaces/default/configmaps", { ...cm(n), metadata: { name: n, labels: { l } } });
    await call(s, "DELETE", "/api/v1/namespaces/default/configmaps?labelSelector=l%3Dx&dryRun=All");
    expect((await (await call(s, "GET", "/api/v1/namespaces/default/configmaps")).json()).items).toHaveLength(3);
    const res = await call(s, "DELETE", "/api/v1/namespaces/default/configmaps?labelSelector=l%3Dx");
    expect((await res.json()).items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(["a", "b"]);
    const left = await (await call(s, "GET", "/api/v1/namespaces/default/configmaps")).json();
    expect(left.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(["c"]);
  });

  it("serves the scale subresource", async () => {
    const s = make();
    await call(s, "POST", "/apis/apps/v1/namespaces/default/deployments", { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { selector: { matchLabels: { app: "d" } } } });
    const scale = await (await call(s, "GET", "/apis/apps/v1/namespaces/default/deployments/d/scale")).json();
    expect(scale).toMatchObject({ kind: "Scale", apiVersion: "autoscaling/v1", spec: { replicas: 1 }, status: { selector: "app=d" } });
    const patched = await call(s, "PATCH", "/apis/apps/v1/namespaces/default/deployments/d/scale", { spec: { replicas: 4 } }, { "content-type": "application/merge-patch+json" });
    expect((await patched.json()).spec.replicas).toBe(4);
  });
});

describe("controllers", () => {
  it("deletes dependents before the owner with Foreground and keeps them with Orphan", async () => {
    const s = make();
    await s.start();
    const mk = async (name: string, owner?: { metadata: { uid: string } }, ownerName = "") => {
      const metadata: Record<string, unknown> = { name };
      if (owner) metadata.ownerReferences = [{ apiVersion: "v1", kind: "ConfigMap", name: ownerName, uid: owner.metadata.uid }];
      return (await call(s, "POST", "/api/v1/namespaces/default/configmaps", { ...cm(name), metadata })).json();
    };
    const fg = await mk("fg");
    await mk("fg-dep", fg, "fg");
    const del = await call(s, "DELETE", "/api/v1/namespaces/default/configmaps/fg", { propagationPolicy: "Foreground" });
    expect((await del.json()).metadata.finalizers).toContain("foregroundDeletion");
    await expect.poll(async () => (await call(s, "GET", "/api/v1/namespaces/default/configmaps/fg")).status, { timeout: 3000 }).toBe(404);
    expect((await call(s, "GET", "/api/v1/namespaces/default/configmaps/fg-dep")).status).toBe(404);
    const or = await mk("or");
    await mk("or-dep", or, "or");
    await call(s, "DELETE", "/api/v1/namespaces/default/configmaps/or", { propagationPolicy: "Orphan" });
    await expect.poll(async () => (await call(s, "GET", "/api/v1/namespaces/default/configmaps/or")).status, { timeout: 3000 }).toBe(404);
    const dep = await (await call(s, "GET", "/api/v1/namespaces/default/configmaps/or-dep")).json();
    expect(dep.metadata.ownerReferences).toBeUndefined();
  });

  it("empties and removes a deleted namespace", async () => {
    const s = make();
    await s.start();
    await call(s, "POST", "/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "t" } });
    await call(s, "POST", "/api/v1/namespaces/t/configmaps", cm("a"));
    const del = await call(s, "DELETE", "/api/v1/namespaces/t");
    expect((await del.json()).status.phase).toBe("Terminating");
    await expect.poll(async () => (await call(s, "GET", "/api/v1/namespaces/t")).status, { timeout: 3000 }).toBe(404);
    expect((await call(s, "GET", "/api/v1/namespaces/t/configmaps/a")).status).toBe(404);
  });

  it("garbage-collects dependents of a deleted owner", async () => {
    const s = make();
    await s.start();
    const owner = await (await call(s, "POST", "/api/v1/namespaces/default/configmaps", cm("owner"))).json();
    const ref = { apiVersion: "v1", kind: "ConfigMap", name: "owner", uid: owner.metadata.uid };
    await call(s, "POST", "/api/v1/namespaces/default/configmaps", { ...cm("dep"), metadata: { name: "dep", ownerReferences: [ref] } });
    await call(s, "DELETE", "/api/v1/namespaces/default/configmaps/owner");
    await expect.poll(async () => (await call(s, "GET", "/api/v1/namespaces/default/configmaps/dep")).status, { timeout: 3000 }).toBe(404);
  });

  it("serves the kinds of a CRD and removes them with it", async () => {
    const s = make();
    await s.start();
    const crd = {
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: "widgets.example.com" },
      spec: {
        group: "example.com",
        scope: "Namespaced",
        names: { plural: "widgets", singular: "widget", kind: "Widget", listKind: "WidgetList", shortNames: ["wd"] },
        versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object", properties: { spec: { type: "object", properties: { size: { type: "integer" } } } } } } }],
      },
    };
    expect((await call(s, "POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd)).status).toBe(201);
    const w = await call(s, "POST", "/apis/example.com/v1/namespaces/default/widgets", { apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" }, spec: { size: 2 } });
    expect(w.status).toBe(201);
    await expect
      .poll(async () => (await (await call(s, "GET", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com")).json()).status?.conditions?.map((c: { type: string }) => c.type), { timeout: 3000 })
      .toEqual(["NamesAccepted", "Established"]);
    const smp = await call(s, "PATCH", "/apis/example.com/v1/namespaces/default/widgets/w", {}, { "content-type": "application/strategic-merge-patch+json" });
    expect(smp.status).toBe(415);
    await call(s, "DELETE", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com");
    await expect.poll(async () => (await call(s, "GET", "/apis/example.com/v1/namespaces/default/widgets")).status, { timeout: 3000 }).toBe(404);
  });
});

describe("duplicate fields in JSON bodies", () => {
  const dup = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dup"},"data":{"a":"1","a":"2"}}';

  it("refuses them under fieldValidation=Strict and writes nothing", async () => {
    const s = make();
    const res = await call(s, "POST", "/api/v1/namespaces/default/configmaps?fieldValidation=Strict", dup);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ reason: "BadRequest", message: 'strict decoding error: duplicate field "a"' });
    expect((await call(s, "GET", "/api/v1/namespaces/default/configmaps/dup")).status).toBe(404);
  });

  it("warns under Warn (the default) and keeps the last value; Ignore is silent", async () => {
    const s = make();
    const warned = await call(s, "POST", "/api/v1/namespaces/default/configmaps", dup);
    expect(warned.status).toBe(201);
    expect(warned.headers.get("warning")).toBe('299 - "duplicate field \\"a\\""');
    expect((await warned.json()).data).toEqual({ a: "2" });
    const patched = await call(s, "PATCH", "/api/v1/namespaces/default/configmaps/dup?fieldValidation=Strict", '{"data":{"b":"1","b":"2"}}', { "content-type": "application/merge-patch+json" });
    expect(patched.status).toBe(400);
    expect((await patched.json()).message).toBe('strict decoding error: duplicate field "b"');
    const ignored = await call(s, "PUT", "/api/v1/namespaces/default/configmaps/dup?fieldValidation=Ignore", dup);
    expect(ignored.status).toBe(200);
    expect(ignored.headers.get("warning")).toBeNull();
  });
});

describe("default field manager", () => {
  it("names a write without fieldManager after the User-Agent's product, as kube does", async () => {
    const s = make();
    const created = await call(s, "POST", "/api/v1/namespaces/default/configmaps", cm("ua", { a: "1" }), { "user-agent": "curl/8.5.0" });
    expect((await created.json()).metadata.managedFields.map((m: { manager: string }) => m.manager)).toEqual(["curl"]);
    const patched = await call(s, "PATCH", "/api/v1/namespaces/default/configmaps/ua", { data: { b: "2" } }, { "content-type": "application/merge-patch+json", "user-agent": "my-tool/1.0 (linux)" });
    expect((await patched.json()).metadata.managedFields.map((m: { manager: string }) => m.manager)).toEqual(["curl", "my-tool"]);
    const named = await call(s, "PATCH", "/api/v1/namespaces/default/configmaps/ua?fieldManager=explicit", { data: { c: "3" } }, { "content-type": "application/merge-patch+json", "user-agent": "my-tool/1.0" });
    expect((await named.json()).metadata.managedFields.map((m: { manager: string }) => m.manager)).toContain("explicit");
  });
});

describe("managedFields", () => {
  it("are omitted, not empty, when a write set no field", async () => {
    const s = make();
    const res = await call(s, "POST", "/api/v1/namespaces/default/configmaps?fieldManager=m", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "bare" } });
    const body = await res.json();
    expect(res.status).toBe(201);
    expect("managedFields" in body.metadata).toBe(false);
    const withData = await (await call(s, "POST", "/api/v1/namespaces/default/configmaps?fieldManager=m", cm("full", { a: "1" }))).json();
    expect(withData.metadata.managedFields).toHaveLength(1);
  });
});
