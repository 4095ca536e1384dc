import { afterEach, describe, expect, it } from "vitest";
import { ResourceRegistry } from "../kube/resources/registry";
import { MemoryStorage } from "../store/memory-storage";
import { createApiServer, type ApiServer } from "./api-server";
import { testDescriptors } from "./test-descriptors";

const servers: ApiServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});

function serve(storage: MemoryStorage): ApiServer {
  const s = createApiServer({ storage, registry: new ResourceRegistry(testDescriptors()) });
  servers.push(s);
  return s;
}

const call = (s: ApiServer, method: string, path: string, body?: unknown) =>
  s.handle(new Request(`https://x${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) }));

const CMS = "/api/v1/namespaces/default/configmaps";

describe("garbage collector at start-up", () => {
  it("reads the store page by page and collects only the dependents whose owner is gone", async () => {
    const storage = new MemoryStorage();
    const first = serve(storage);
    await first.start();
    const owner = await (await call(first, "POST", CMS, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "owner" } })).json();
    const ref = { apiVersion: "v1", kind: "ConfigMap", name: "owner", uid: owner.metadata.uid };
    // More dependents than one resync page holds, so the owner and its dependents span pages.
    for (let i = 0; i < 620; i++) await call(first, "POST", CMS, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: `dep-${i}`, ownerReferences: [ref] } });
    // An owner that went away while no server ran: its dependent must go at the next start.
    const ghost = { apiVersion: "v1", kind: "ConfigMap", name: "ghost", uid: "00000000-0000-0000-0000-00000000dead" };
    expect((await call(first, "POST", CMS, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "orphan", ownerReferences: [ghost] } })).status).toBe(201);
    await first.stop();
    servers.splice(0);

    const second = serve(storage);
    await second.start();
    await expect.poll(async () => (await call(second, "GET", `${CMS}/orphan`)).status, { timeout: 3000 }).toBe(404);
    const left = await (await call(second, "GET", CMS)).json();
    expect(left.items.length).toBe(621);
    expect((await call(second, "GET", `${CMS}/dep-619`)).status).toBe(200);
  });

  it("leaves Events alone, as Kubernetes' collector does by default, while it collects a ConfigMap of the same owner", async () => {
    const s = serve(new MemoryStorage());
    await s.start();
    const owner = await (await call(s, "POST", CMS, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "owner" } })).json();
    const ref = { apiVersion: "v1", kind: "ConfigMap", name: "owner", uid: owner.metadata.uid };
    const event = { apiVersion: "v1", kind: "Event", metadata: { name: "owned-event", ownerReferences: [ref] }, involvedObject: { kind: "ConfigMap", name: "owner", namespace: "default" }, reason: "Test", message: "m", type: "Normal" };
    expect((await call(s, "POST", "/api/v1/namespaces/default/events", event)).status).toBe(201);
    await call(s, "POST", CMS, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "dep", ownerReferences: [ref] } });
    await call(s, "DELETE", `${CMS}/owner`);
    await expect.poll(async () => (await call(s, "GET", `${CMS}/dep`)).status, { timeout: 3000 }).toBe(404);
    expect((await call(s, "GET", "/api/v1/namespaces/default/events/owned-event")).status).toBe(200);
  });
});
