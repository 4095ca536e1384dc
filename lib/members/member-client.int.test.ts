import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEphemeralTls, type TlsMaterial } from "../apiserver/tls";
import { ApiError } from "../kube/errors";
import type { KubeObject, WatchEvent } from "../kube/types";
import { createMemberClient, type MemberClient } from "./member-client";

const TOKEN = "s3cr3t-member-token";

interface Seen {
  method: string;
  url: string;
  auth?: string;
  contentType?: string;
  body: string;
}

let tls: TlsMaterial;
let server: Server;
let port: number;
let readyz: "ok" | "404" | "500" | "204" | "hang" = "ok";
let serveAggregated = false;
const seen: Seen[] = [];
const clients: MemberClient[] = [];

const status = (code: number, reason: string, message: string) => ({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", code, reason, message });

const resources: Record<string, unknown> = {
  "/api": { kind: "APIVersions", versions: ["v1"] },
  "/apis": { kind: "APIGroupList", groups: [{ name: "apps", versions: [{ groupVersion: "apps/v1", version: "v1" }] }, { name: "broken.io", versions: [{ groupVersion: "broken.io/v1", version: "v1" }] }] },
  "/api/v1": {
    kind: "APIResourceList",
    groupVersion: "v1",
    resources: [
      { name: "pods", kind: "Pod", namespaced: true },
      { name: "pods/status", kind: "Pod", namespaced: true },
      { name: "configmaps", kind: "ConfigMap", namespaced: true },
      { name: "nodes", kind: "Node", namespaced: false },
      { name: "namespaces", kind: "Namespace", namespaced: false },
    ],
  },
  "/apis/apps/v1": {
    kind: "APIResourceList",
    groupVersion: "apps/v1",
    resources: [
      { name: "deployments", kind: "Deployment", namespaced: true },
      { name: "deployments/scale", kind: "Scale", namespaced: true },
      { name: "daemonsets", kind: "DaemonSet", namespaced: true },
    ],
  },
};

const cm = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name, namespace: "default", resourceVersion: "5", creationTimestamp: "2025-01-01T00:00:00Z" },
  data: { k: "v" },
  ...extra,
});

function send(res: ServerResponse, code: number, body: unknown) {
  res.writeHead(code, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

/** The aggregated form of `resources` (broken.io/v1 Stale), as a kube 1.30+ apiserver serves it. */
function aggregated(core: boolean) {
  const lists = Object.entries(resources).filter(([path]) => (core ? path.startsWith("/api/") : path.startsWith("/apis/")));
  const groups = lists.map(([, l]) => {
    const { groupVersion, resources: rs } = l as { groupVersion: string; resources: { name: string; kind: string; namespaced: boolean }[] };
    const [group, version] = groupVersion.includes("/") ? groupVersion.split("/") : ["", groupVersion];
    const top = rs.filter((r) => !r.name.includes("/"));
    const versions = [{ version, freshness: "Current", resources: top.map((r) => ({ resource: r.name, responseKind: { group, version, kind: r.kind }, scope: r.namespaced ? "Namespaced" : "Cluster", verbs: ["get"], subresources: rs.filter((s) => s.name.startsWith(`${r.name}/`)).map((s) => ({ subresource: s.name.split("/")[1], verbs: ["get"] })) })) }];
    return { metadata: { name: group }, versions };
  });
  if (!core) groups.push({ metadata: { name: "broken.io" }, versions: [{ version: "v1", freshness: "Stale", resources: [] }] });
  return { kind: "APIGroupDiscoveryList", apiVersion: "apidiscovery.k8s.io/v2", metadata: {}, items: groups };
}

function handle(req: IncomingMessage, res: ServerResponse, body: string) {
  const url = new URL(req.url ?? "/", "https://x");
  const p = url.pathname;
  if (serveAggregated && (p === "/api" || p === "/apis") && String(req.headers.accept).includes("as=APIGroupDiscoveryList")) {
    res.writeHead(200, { "Content-Type": "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList" });
    return res.end(JSON.stringify(aggregated(p === "/api")));
  }
  if (p === "/readyz") {
    if (readyz === "hang") return;
    if (readyz === "404") return send(res, 404, status(404, "NotFound", "not found"));
    if (readyz === "500") return send(res, 500, status(500, "InternalError", "etcd down"));
    if (readyz === "204") return res.writeHead(204).end();
    return res.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
  }
  if (p === "/healthz") return res.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
  if (p === "/version") return send(res, 200, { major: "1", minor: "32", gitVersion: "v1.32.0-flotilla", platform: "linux/amd64" });
  if (p === "/apis/broken.io/v1") return send(res, 503, status(503, "ServiceUnavailable", "aggregated API down"));
  if (resources[p]) return send(res, 200, resources[p]);
  if (p === "/api/v1/namespaces/default/configmaps" && url.searchParams.get("watch") === "true") {
    if (url.searchParams.get("resourceVersion") === "1") return send(res, 410, status(410, "Expired", "too old resource version: 1 (9)"));
    // An idle watch: the stream stays open until someone hangs up.
    if (url.searchParams.get("resourceVersion") === "7") return void res.writeHead(200, { "Content-Type": "application/json" }).flushHeaders();
    res.writeHead(200, { "Content-Type": "application/json" });
    res.write(JSON.stringify({ type: "ADDED", object: cm("a") }) + "\n");
    res.write(JSON.stringify({ type: "MODIFIED", object: cm("a", { data: { k: "w" } }) }) + "\n");
    return res.end();
  }
  if (p === "/api/v1/namespaces/default/configmaps" && req.method === "POST") {
    const obj = JSON.parse(body);
    if (obj.metadata.name === "dup") return send(res, 409, status(409, "AlreadyExists", 'configmaps "dup" already exists'));
    return send(res, 201, { ...obj, metadata: { ...obj.metadata, uid: "u-1", resourceVersion: "6" } });
  }
  if (p === "/api/v1/namespaces/default/configmaps/present") {
    if (req.method === "PATCH") return send(res, 200, cm("present", { data: { contentType: req.headers["content-type"], query: url.search, body } }));
    if (req.method === "PUT") return send(res, 409, status(409, "Conflict", 'Operation cannot be fulfilled on configmaps "present": the object has been modified'));
    return send(res, 200, cm("present"));
  }
  if (p === "/api/v1/nodes") {
    const page = url.searchParams.get("continue");
    const node = (n: string) => ({ apiVersion: "v1", kind: "Node", metadata: { name: n } });
    return send(res, 200, { kind: "NodeList", apiVersion: "v1", metadata: page ? {} : { continue: "page2" }, items: page ? [node("n2")] : [node("n1")] });
  }
  if (p === "/apis/apps/v1/namespaces/default/deployments/web" && req.method === "DELETE") return send(res, 200, { kind: "Status", apiVersion: "v1", status: "Success", metadata: {} });
  send(res, 404, status(404, "NotFound", `${p} not found`));
}

function kubeconfig(opts: { port: number; ca: string; token?: string }): string {
  return [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    "- name: member",
    "  cluster:",
    `    server: https://127.0.0.1:${opts.port}`,
    `    certificate-authority-data: ${Buffer.from(opts.ca).toString("base64")}`,
    "users:",
    "- name: admin",
    "  user:",
    `    token: ${opts.token ?? TOKEN}`,
    "contexts:",
    "- name: member",
    "  context: { cluster: member, user: admin }",
    "current-context: member",
  ].join("\n");
}

function client(extra: { timeoutMs?: number; ca?: string; port?: number } = {}): MemberClient {
  const c = createMemberClient({ kubeconfig: kubeconfig({ port: extra.port ?? port, ca: extra.ca ?? tls.caCert }), timeoutMs: extra.timeoutMs });
  clients.push(c);
  return c;
}

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (ApiError.is(e)) return e;
    throw e;
  }
  throw new Error("expected a rejection");
}

beforeAll(async () => {
  tls = await createEphemeralTls({ commonName: "member-test" });
  server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", auth: req.headers.authorization, contentType: req.headers["content-type"], body });
      handle(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe("member client over HTTPS", () => {
  it("sends the bearer token, verifies the CA and reads objects as plain JSON", async () => {
    const c = client();
    const obj = await c.get("v1", "ConfigMap", "default", "present");
    expect(obj?.metadata.creationTimestamp).toBe("2025-01-01T00:00:00Z");
    expect(obj?.data).toEqual({ k: "v" });
    expect(seen.filter((s) => s.url.startsWith("/api")).every((s) => s.auth === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("answers undefined for a missing object and for a kind the member does not serve", async () => {
    const c = client();
    expect(await c.get("v1", "ConfigMap", "default", "missing")).toBeUndefined();
    expect(await c.get("example.io/v1", "Widget", "default", "w")).toBeUndefined();
  });

  it("maps Status errors back to ApiError with the member's reason and message", async () => {
    const c = client();
    const dup = await rejection(c.create(cm("dup")));
    expect(dup.code).toBe(409);
    expect(dup.reason).toBe("AlreadyExists");
    expect(dup.message).toBe('configmaps "dup" already exists');
    const conflict = await rejection(c.update(cm("present")));
    expect(conflict.reason).toBe("Conflict");
    const created = await c.create<KubeObject>(cm("fresh"));
    expect(created.metadata.uid).toBe("u-1");
  });

  it("server-side apply sends the apply content type with fieldManager and force", async () => {
    const c = client();
    const out = await c.patch({ apiVersion: "v1", kind: "ConfigMap", namespace: "default", name: "present" }, "application/apply-patch+yaml", cm("present"), { force: true, fieldManager: "karmada" });
    const echoed = out.data as Record<string, string>;
    expect(echoed.contentType).toBe("application/apply-patch+yaml");
    expect(echoed.query).toContain("fieldManager=karmada");
    expect(echoed.query).toContain("force=true");
    expect(JSON.parse(echoed.body).metadata.name).toBe("present");
    const merge = await c.patch({ apiVersion: "v1", kind: "ConfigMap", namespace: "default", name: "present" }, "application/merge-patch+json", { data: { a: "b" } });
    expect((merge.data as Record<string, string>).contentType).toBe("application/merge-patch+json");
  });

  it("treats a Success Status from delete as gone", async () => {
    const c = client();
    expect(await c.delete({ apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "web" })).toBeUndefined();
  });

  it("watches: delivers events, ends cleanly, and rejects 410 as Expired", async () => {
    const c = client();
    const events: WatchEvent[] = [];
    await c.watch("v1", "ConfigMap", { namespace: "default", resourceVersion: "5", signal: new AbortController().signal }, (e) => events.push(e));
    expect(events.map((e) => e.type)).toEqual(["ADDED", "MODIFIED"]);
    expect(events[1].object.data).toEqual({ k: "w" });
    const err = await rejection(c.watch("v1", "ConfigMap", { namespace: "default", resourceVersion: "1", signal: new AbortController().signal }, () => {}));
    expect(err.code).toBe(410);
    expect(err.reason).toBe("Expired");
  });

  it("version, discovery (sorted, no subresources, partial when a group fails) and paged node lists", async () => {
    const c = client();
    expect((await c.version()).gitVersion).toBe("v1.32.0-flotilla");
    const d = await c.discoveryDetailed();
    expect(d.complete).toBe(false);
    expect(d.failedGroupVersions).toEqual(["broken.io/v1"]);
    expect(d.apiEnablements).toEqual([
      { groupVersion: "apps/v1", resources: [{ name: "daemonsets", kind: "DaemonSet" }, { name: "deployments", kind: "Deployment" }] },
      {
        groupVersion: "v1",
        resources: [
          { name: "configmaps", kind: "ConfigMap" },
          { name: "namespaces", kind: "Namespace" },
          { name: "nodes", kind: "Node" },
          { name: "pods", kind: "Pod" },
        ],
      },
    ]);
    expect((await c.listNodes()).map((n: KubeObject) => n.metadata.name)).toEqual(["n1", "n2"]);
  });

  it("aggregated discovery gives the legacy walk's result in two requests", async () => {
    const c = client();
    const legacy = await c.discoveryDetailed();
    serveAggregated = true;
    try {
      const before = seen.length;
      const d = await c.discoveryDetailed();
      expect(seen.slice(before).map((r) => r.url)).toEqual(["/api", "/apis"]);
      expect(d).toEqual(legacy);
    } finally {
      serveAggregated = false;
    }
  });
});

describe("probeHealth (Karmada's rules)", () => {
  it.each([
    { mode: "ok" as const, online: true, healthy: true },
    { mode: "404" as const, online: true, healthy: true },
    { mode: "204" as const, online: true, healthy: false },
    { mode: "500" as const, online: false, healthy: false },
  ])("/readyz $mode → online=$online healthy=$healthy", async ({ mode, online, healthy }) => {
    readyz = mode;
    try {
      const before = seen.length;
      const probe = await client().probeHealth();
      expect(probe).toMatchObject({ online, healthy });
      const paths = seen.slice(before).map((s) => s.url);
      expect(paths).toEqual(mode === "404" ? ["/readyz", "/healthz"] : ["/readyz"]);
    } finally {
      readyz = "ok";
    }
  });

  it("a timeout is offline", async () => {
    readyz = "hang";
    try {
      const probe = await client({ timeoutMs: 300 }).probeHealth();
      expect(probe).toMatchObject({ online: false, healthy: false, message: "cluster is not reachable" });
    } finally {
      readyz = "ok";
    }
  });

  it("a refused connection is offline", async () => {
    const dead = createServer({ key: tls.key, cert: tls.cert });
    await new Promise<void>((r) => dead.listen(0, "127.0.0.1", r));
    const deadPort = (dead.address() as AddressInfo).port;
    await new Promise((r) => dead.close(r));
    const c = client({ port: deadPort });
    const probe = await c.probeHealth();
    expect(probe.online).toBe(false);
    expect(probe.detail).toMatch(/ECONNREFUSED/);
    expect((await rejection(c.list("v1", "ConfigMap"))).code).toBe(503);
  });

  it("a server whose certificate the kubeconfig's CA did not sign is offline", async () => {
    const other = await createEphemeralTls({ commonName: "someone-else" });
    const c = client({ ca: other.caCert });
    const probe = await c.probeHealth();
    expect(probe.online).toBe(false);
    expect(probe.detail).toMatch(/certificate|self.signed|verify/i);
  });

  it("reuses one connection pool for many requests", async () => {
    const c = client();
    const sockets = new Set<unknown>();
    const onConn = (s: unknown) => sockets.add(s);
    server.on("secureConnection", onConn);
    try {
      for (let i = 0; i < 20; i++) await c.version();
    } finally {
      server.off("secureConnection", onConn);
    }
    // Without sharing, client-node opens one connection per request (20 here). undici may open a
    // second socket while the first is being released, so allow two.
    expect(sockets.size).toBeLessThanOrEqual(2);
  });

  it("close ends a watch that is still open instead of waiting for it", async () => {
    const c = createMemberClient({ kubeconfig: kubeconfig({ port, ca: tls.caCert }) });
    const watching = c.watch("v1", "ConfigMap", { namespace: "default", resourceVersion: "7", signal: new AbortController().signal }, () => {});
    const settled = watching.then(() => "ended", () => "failed");
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    await c.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(["ended", "failed"]).toContain(await settled);
    // The watch's own idle timeout is 30 s: it ended because its connection was cut.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("keeps an idle connection across a status probe period (undici's own default drops it after 4 s)", async () => {
    const c = client();
    const sockets = new Set<unknown>();
    const onConn = (s: unknown) => sockets.add(s);
    const serverIdle = server.keepAliveTimeout;
    // A real apiserver sends no Keep-Alive hint; node's server would announce 5 s and close.
    server.keepAliveTimeout = 0;
    server.on("secureConnection", onConn);
    try {
      await c.version();
      await new Promise((r) => setTimeout(r, 5_500));
      await c.version();
    } finally {
      server.off("secureConnection", onConn);
      server.keepAliveTimeout = serverIdle;
    }
    expect(sockets.size).toBe(1);
  }, 15_000);
});
