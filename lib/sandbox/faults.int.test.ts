import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiException, CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import { setControlPlane, type ControlPlaneHandle } from "../server/handle";
import type { SandboxManager } from "./sandbox-manager";
import { testManager } from "./sandbox-testing";

let env: Awaited<ReturnType<typeof testManager>>;
let manager: SandboxManager;
let core: CoreV1Api;

/** Every cause in an error chain, flattened to text (fetch wraps the socket error). */
function describeError(e: unknown): string {
  const parts: string[] = [];
  for (let cur = e as { message?: string; code?: string; cause?: unknown } | undefined; cur; cur = cur.cause as typeof cur) parts.push(`${cur.code ?? ""} ${cur.message ?? ""}`);
  return parts.join(" | ");
}

async function outcome<T>(p: Promise<T>, timeoutMs = 2000): Promise<{ ok: T } | { error: unknown } | "timeout"> {
  return Promise.race([p.then((ok) => ({ ok }), (error) => ({ error })), new Promise<"timeout">((r) => setTimeout(() => r("timeout"), timeoutMs))]);
}

beforeAll(async () => {
  env = await testManager();
  manager = env.manager;
  const info = await manager.create({ name: "faulty", nodes: 1 });
  const kc = new KubeConfig();
  kc.loadFromFile(info.kubeconfigPath);
  core = kc.makeApiClient(CoreV1Api);
});

afterAll(async () => {
  setControlPlane(undefined);
  await env?.cleanup();
});

describe("faults as @kubernetes/client-node sees them", () => {
  it("works without faults", async () => {
    const list = await core.listNamespace();
    expect(list.items.map((n) => n.metadata?.name)).toContain("default");
  });

  it("down: connection refused, then service again", async () => {
    expect((await manager.setFaults("faulty", { down: true })).phase).toBe("Down");
    const r = await outcome(core.listNamespace());
    expect(r).toHaveProperty("error");
    expect(describeError((r as { error: unknown }).error)).toMatch(/ECONNREFUSED/);
    await manager.clearFaults("faulty");
    expect((await core.listNamespace()).items.length).toBeGreaterThan(0);
  });

  it("failing: ApiException with the 503 Status body", async () => {
    await manager.setFaults("faulty", { failing: { fraction: 1, statusCode: 503 } });
    const r = await outcome(core.listNamespace());
    const err = (r as { error: unknown }).error;
    expect(err).toBeInstanceOf(ApiException);
    expect((err as ApiException<string>).code).toBe(503);
    expect(JSON.parse((err as ApiException<string>).body)).toMatchObject({ kind: "Status", reason: "ServiceUnavailable" });
    await manager.setFaults("faulty", { failing: { fraction: 1, statusCode: 500 } });
    expect(((await outcome(core.listNamespace())) as { error: ApiException<string> }).error.code).toBe(500);
    await manager.clearFaults("faulty");
    expect(await outcome(core.listNamespace())).toHaveProperty("ok");
  });

  it("slow: every request takes at least the added latency", async () => {
    await manager.setFaults("faulty", { slowMs: 300 });
    const t0 = Date.now();
    await core.listNamespace();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    await manager.clearFaults("faulty");
  });

  it("partitioned: requests hang until the client gives up, clearing restores service", async () => {
    await manager.setFaults("faulty", { partitioned: true });
    expect(await outcome(core.listNamespace(), 500)).toBe("timeout");
    await manager.clearFaults("faulty");
    expect(await outcome(core.listNamespace())).toHaveProperty("ok");
  });

  it("faults survive a restart of the manager", async () => {
    await manager.setFaults("faulty", { slowMs: 5 });
    await manager.stop();
    const { SandboxManager } = await import("./sandbox-manager");
    manager = new SandboxManager({ dataDir: env.dataDir });
    env.manager = manager;
    await manager.load();
    expect(manager.get("faulty").faults).toEqual({ slowMs: 5 });
    await manager.clearFaults("faulty");
  });
});

describe("REST /api/v1/sandboxes", () => {
  const call = async (mod: Record<string, unknown>, method: string, url: string, params: Record<string, string>, body?: unknown) => {
    const handler = mod[method] as (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
    const init: RequestInit = { method, headers: { "content-type": "application/json" } };
    if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
    const res = await handler(new Request(`http://localhost${url}`, init), { params: Promise.resolve(params) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(() => {
    const handle = {
      auth: { authenticate: async () => ({ username: "admin", kind: "user" as const }) },
      services: { sandboxes: manager },
    } as unknown as ControlPlaneHandle;
    setControlPlane(handle);
  });

  it("lists, rejects bad input with 4xx Status bodies, and changes nothing", async () => {
    (await import("../server/handle")).getControlPlane()!.services.sandboxes = manager;
    const collection = await import("../../app/api/v1/sandboxes/route");
    const before = await call(collection, "GET", "/api/v1/sandboxes", {});
    expect(before.status).toBe(200);
    expect((before.body.items as { name: string }[]).map((i) => i.name)).toEqual(["faulty"]);
    const cases: [unknown, number, string][] = [
      [{ name: "faulty" }, 409, "AlreadyExists"],
      [{ name: "Bad_Name" }, 422, "Invalid"],
      [{ name: "ok-name", cpu: "-1" }, 422, "Invalid"],
      [{ name: "ok-name", nodes: -3 }, 422, "Invalid"],
      ["{not json", 400, "BadRequest"],
    ];
    for (const [body, code, reason] of cases) {
      const r = await call(collection, "POST", "/api/v1/sandboxes", {}, body);
      expect(r.status, JSON.stringify(body)).toBe(code);
      expect(r.body).toMatchObject({ kind: "Status", status: "Failure", reason, code });
    }
    const after = await call(collection, "GET", "/api/v1/sandboxes", {});
    expect(after.body).toEqual(before.body);
  });

  it("creates, sets faults, clears and deletes", async () => {
    const collection = await import("../../app/api/v1/sandboxes/route");
    const item = await import("../../app/api/v1/sandboxes/[name]/route");
    const faults = await import("../../app/api/v1/sandboxes/[name]/faults/route");
    const created = await call(collection, "POST", "/api/v1/sandboxes", {}, { name: "extra", nodes: 1, region: "eu-west-1" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "extra", phase: "Running", spec: { region: "eu-west-1" } });
    expect((await call(faults, "PUT", "/api/v1/sandboxes/extra/faults", { name: "extra" }, { slowMs: -1 })).status).toBe(422);
    expect((await call(faults, "PUT", "/api/v1/sandboxes/extra/faults", { name: "extra" }, { down: true })).body).toMatchObject({ phase: "Down", faults: { down: true } });
    expect((await call(faults, "DELETE", "/api/v1/sandboxes/extra/faults", { name: "extra" })).body).toMatchObject({ phase: "Running", faults: {} });
    expect((await call(item, "GET", "/api/v1/sandboxes/nope", { name: "nope" })).status).toBe(404);
    expect((await call(item, "DELETE", "/api/v1/sandboxes/extra", { name: "extra" })).status).toBe(200);
    expect((await call(item, "GET", "/api/v1/sandboxes/extra", { name: "extra" })).status).toBe(404);
  });
});
