import { afterEach, describe, expect, it } from "vitest";
import { MemoryStorage } from "../store/memory-storage";
import { ResourceRegistry } from "../kube/resources/registry";
import { controlPlaneDescriptors } from "../kube/resources";
import { createApiServer, type ApiServer, type RequestAttributes } from "../apiserver";
import { agentAuthorizer, agentClusterOf, agentMay } from "./authorization";

const attrs = (verb: string, apiGroup: string, resource: string, namespace?: string, name?: string, subresource?: string): RequestAttributes => ({
  verb,
  apiGroup,
  apiVersion: "v1",
  resource,
  namespace,
  name,
  subresource,
});

describe("agentMay", () => {
  const table: [string, RequestAttributes, boolean][] = [
    ["get own Cluster", attrs("get", "cluster.karmada.io", "clusters", undefined, "m1"), true],
    ["apply own Cluster", attrs("patch", "cluster.karmada.io", "clusters", undefined, "m1"), true],
    ["update own Cluster status", attrs("update", "cluster.karmada.io", "clusters", undefined, "m1", "status"), true],
    ["get another Cluster", attrs("get", "cluster.karmada.io", "clusters", undefined, "m2"), false],
    ["list Clusters", attrs("list", "cluster.karmada.io", "clusters"), false],
    ["create a Cluster (names nothing)", attrs("create", "cluster.karmada.io", "clusters"), false],
    ["delete own Cluster", attrs("delete", "cluster.karmada.io", "clusters", undefined, "m1"), false],
    ["watch own Works", attrs("watch", "work.karmada.io", "works", "karmada-es-m1"), true],
    ["list own Works", attrs("list", "work.karmada.io", "works", "karmada-es-m1"), true],
    ["update own Work status", attrs("update", "work.karmada.io", "works", "karmada-es-m1", "w", "status"), true],
    ["update own Work (finalizer)", attrs("update", "work.karmada.io", "works", "karmada-es-m1", "w"), true],
    ["create a Work", attrs("create", "work.karmada.io", "works", "karmada-es-m1"), false],
    ["delete a Work", attrs("delete", "work.karmada.io", "works", "karmada-es-m1", "w"), false],
    ["list another cluster's Works", attrs("list", "work.karmada.io", "works", "karmada-es-m2"), false],
    ["get another cluster's Work", attrs("get", "work.karmada.io", "works", "karmada-es-m2", "w"), false],
    ["list Works of all namespaces", attrs("list", "work.karmada.io", "works"), false],
    ["renew own Lease", attrs("update", "coordination.k8s.io", "leases", "karmada-cluster", "m1"), true],
    ["apply own Lease", attrs("patch", "coordination.k8s.io", "leases", "karmada-cluster", "m1"), true],
    ["renew another Lease", attrs("update", "coordination.k8s.io", "leases", "karmada-cluster", "m2"), false],
    ["Lease elsewhere", attrs("update", "coordination.k8s.io", "leases", "default", "m1"), false],
    ["Event in own namespace", attrs("create", "", "events", "karmada-es-m1"), true],
    ["Event elsewhere", attrs("create", "", "events", "default"), false],
    ["Secret in own namespace", attrs("get", "", "secrets", "karmada-es-m1", "s"), false],
    ["Secrets in karmada-cluster", attrs("list", "", "secrets", "karmada-cluster"), false],
    ["Secrets anywhere", attrs("list", "", "secrets"), false],
    ["Deployments", attrs("list", "apps", "deployments", "default"), false],
  ];
  it.each(table)("%s", (_name, a, allowed) => {
    expect(agentMay("m1", a) === true).toBe(allowed);
  });

  it("refuses everything when the credential names no cluster", () => {
    expect(agentMay("", attrs("get", "cluster.karmada.io", "clusters", undefined, ""))).toMatch(/no cluster/);
  });
});

describe("agentClusterOf / agentAuthorizer", () => {
  it("recognises agents by name or group and leaves other users alone", () => {
    expect(agentClusterOf({ username: "system:agent:m1" })).toBe("m1");
    expect(agentClusterOf({ username: "odd", groups: ["system:agents"] })).toBe("");
    expect(agentClusterOf({ username: "admin", groups: ["system:masters"] })).toBeUndefined();
    expect(agentAuthorizer({ username: "admin" }, attrs("list", "", "secrets"))).toBe(true);
    expect(agentAuthorizer({ username: "system:agent:m1" }, attrs("list", "", "secrets"))).not.toBe(true);
  });
});

describe("authorize hook over HTTP", () => {
  let server: ApiServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  const call = (path: string, token: string, method = "GET", body?: unknown) =>
    server!.handle(new Request(`https://x${path}`, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) }));

  it("answers kube's 403 Status to an agent outside its cluster and serves what it may", async () => {
    server = createApiServer({
      storage: new MemoryStorage(),
      registry: new ResourceRegistry(controlPlaneDescriptors()),
      authenticate: async (req) => {
        const t = req.headers.get("authorization");
        return t === "Bearer admin" ? { username: "admin" } : t === "Bearer agent" ? { username: "system:agent:m1", groups: ["system:agents"] } : null;
      },
      authorize: agentAuthorizer,
    });
    for (const ns of ["karmada-es-m1", "karmada-es-m2"]) expect((await call("/api/v1/namespaces", "admin", "POST", { apiVersion: "v1", kind: "Namespace", metadata: { name: ns } })).status).toBe(201);
    const own = await call("/apis/work.karmada.io/v1alpha1/namespaces/karmada-es-m1/works", "agent");
    expect(own.status).toBe(200);
    const other = await call("/apis/work.karmada.io/v1alpha1/namespaces/karmada-es-m2/works", "agent");
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({
      kind: "Status",
      reason: "Forbidden",
      code: 403,
      message: 'works.work.karmada.io is forbidden: User "system:agent:m1" cannot list resource "works" in API group "work.karmada.io" in the namespace "karmada-es-m2": an agent may only access the objects of cluster "m1"',
      details: { group: "work.karmada.io", kind: "works" },
    });
    const secret = await call("/api/v1/namespaces/default/secrets/x", "agent");
    expect(secret.status).toBe(403);
    expect((await secret.json()).message).toMatch(/^secrets "x" is forbidden: User "system:agent:m1" cannot get resource "secrets" in API group "" in the namespace "default"/);
    // Discovery stays open, and other users are untouched.
    expect((await call("/apis", "agent")).status).toBe(200);
    expect((await call("/api/v1/namespaces/default/secrets", "admin")).status).toBe(200);
    const watch = await call("/api/v1/secrets?watch=true", "agent");
    expect(watch.status).toBe(403);
    expect((await watch.json()).message).toMatch(/cannot watch resource "secrets" in API group "" at the cluster scope/);
  });
});
