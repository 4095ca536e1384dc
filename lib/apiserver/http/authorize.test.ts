import { afterEach, describe, expect, it } from "vitest";
import { MemoryStorage } from "../../store/memory-storage";
import { ResourceRegistry } from "../../kube/resources/registry";
import { createApiServer, type ApiServer } from "../api-server";
import type { RequestAttributes } from "../options";
import { testDescriptors } from "../test-descriptors";
import { forbidden, requestAttributes } from "./authorize";
import { parseRoute, type ResourceRoute } from "./router";

const route = (path: string) => parseRoute(path) as ResourceRoute;

describe("requestAttributes (kube's RequestInfo)", () => {
  it.each([
    ["GET", "/api/v1/namespaces/d/configmaps/x", false, { verb: "get", apiGroup: "", resource: "configmaps", namespace: "d", name: "x" }],
    ["GET", "/api/v1/namespaces/d/configmaps", false, { verb: "list", namespace: "d", name: undefined }],
    ["GET", "/api/v1/configmaps", false, { verb: "list", namespace: undefined }],
    ["GET", "/api/v1/namespaces/d/configmaps", true, { verb: "watch", namespace: "d" }],
    ["POST", "/apis/apps/v1/namespaces/d/deployments", false, { verb: "create", apiGroup: "apps", apiVersion: "v1", resource: "deployments", name: undefined }],
    ["PUT", "/apis/apps/v1/namespaces/d/deployments/web/status", false, { verb: "update", subresource: "status", name: "web" }],
    ["PATCH", "/apis/apps/v1/namespaces/d/deployments/web/scale", false, { verb: "patch", subresource: "scale" }],
    ["DELETE", "/api/v1/namespaces/d/configmaps/x", false, { verb: "delete", name: "x" }],
    ["DELETE", "/api/v1/namespaces/d/configmaps", false, { verb: "deletecollection" }],
    ["GET", "/api/v1/namespaces/team", false, { verb: "get", resource: "namespaces", namespace: "team", name: "team" }],
    ["GET", "/apis/cluster.karmada.io/v1alpha1/clusters/m1", false, { verb: "get", apiGroup: "cluster.karmada.io", namespace: undefined, name: "m1" }],
  ])("%s %s watch=%s", (method, path, watch, want) => {
    expect(requestAttributes(method, route(path), watch)).toMatchObject(want);
  });
});

describe("forbidden (kube's message shape)", () => {
  const u = { username: "system:agent:m1" };
  const a = (x: Partial<RequestAttributes>): RequestAttributes => ({ verb: "get", apiGroup: "", apiVersion: "v1", resource: "secrets", ...x });
  it.each([
    [a({ name: "s", namespace: "ns" }), "", 'secrets "s" is forbidden: User "system:agent:m1" cannot get resource "secrets" in API group "" in the namespace "ns"'],
    [a({ verb: "list", apiGroup: "work.karmada.io", resource: "works", namespace: "karmada-es-m2" }), "", 'works.work.karmada.io is forbidden: User "system:agent:m1" cannot list resource "works" in API group "work.karmada.io" in the namespace "karmada-es-m2"'],
    [a({ verb: "watch", apiGroup: "cluster.karmada.io", resource: "clusters" }), "", 'clusters.cluster.karmada.io is forbidden: User "system:agent:m1" cannot watch resource "clusters" in API group "cluster.karmada.io" at the cluster scope'],
    [a({ verb: "update", apiGroup: "work.karmada.io", resource: "works", subresource: "status", name: "w", namespace: "n" }), "not yours", 'works.work.karmada.io "w" is forbidden: User "system:agent:m1" cannot update resource "works/status" in API group "work.karmada.io" in the namespace "n": not yours'],
  ])("%j", (attrs, reason, message) => {
    const e = forbidden(u, attrs, reason);
    expect(e.status).toMatchObject({ kind: "Status", status: "Failure", code: 403, reason: "Forbidden", message, details: { kind: attrs.resource } });
  });
});

describe("the authorize hook on createApiServer", () => {
  let server: ApiServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it("is asked for every resource verb (list and watch included) and answers 403 when it refuses", async () => {
    const asked: string[] = [];
    server = createApiServer({
      storage: new MemoryStorage(),
      registry: new ResourceRegistry(testDescriptors()),
      authenticate: async (req) => ({ username: req.headers.get("authorization")?.slice(7) ?? "" }),
      authorize: async (user, attrs) => {
        asked.push(`${user.username}:${attrs.verb}:${attrs.resource}:${attrs.namespace ?? ""}:${attrs.name ?? ""}`);
        if (user.username === "admin") return true;
        if (attrs.namespace === "open" && attrs.verb !== "delete") return true;
        return attrs.verb === "watch" ? "watching is not allowed" : false;
      },
    });
    const call = (who: string, method: string, path: string, body?: unknown) =>
      server!.handle(new Request(`https://x${path}`, { method, headers: { authorization: `Bearer ${who}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) }));
    expect((await call("admin", "POST", "/api/v1/namespaces", { metadata: { name: "open" } })).status).toBe(201);
    const cm = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" } };
    expect((await call("bob", "POST", "/api/v1/namespaces/open/configmaps", cm)).status).toBe(201);
    expect((await call("bob", "GET", "/api/v1/namespaces/open/configmaps/c")).status).toBe(200);

    const list = await call("bob", "GET", "/api/v1/namespaces/default/configmaps");
    expect(list.status).toBe(403);
    expect(await list.json()).toMatchObject({ reason: "Forbidden", message: 'configmaps is forbidden: User "bob" cannot list resource "configmaps" in API group "" in the namespace "default"' });
    const watch = await call("bob", "GET", "/api/v1/configmaps?watch=true");
    expect(watch.status).toBe(403);
    expect((await watch.json()).message).toBe('configmaps is forbidden: User "bob" cannot watch resource "configmaps" in API group "" at the cluster scope: watching is not allowed');
    const del = await call("bob", "DELETE", "/api/v1/namespaces/open/configmaps/c");
    expect(del.status).toBe(403);
    expect((await call("admin", "GET", "/api/v1/namespaces/open/configmaps/c")).status).toBe(200);
    // Discovery and /version are not resource requests: never asked.
    expect((await call("bob", "GET", "/api/v1")).status).toBe(200);
    expect(asked.some((a) => a.includes(":list:") || a.includes(":get:"))).toBe(true);
    expect(asked.filter((a) => a.startsWith("bob:")).map((a) => a.split(":")[1])).toEqual(["create", "get", "list", "watch", "delete"]);
  });
});
