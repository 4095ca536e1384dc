import { describe, expect, it } from "vitest";
import { ApiError } from "../kube/errors";
import type { ApiResponse } from "../apiserver/http/api-message";
import { compactFaults, parseFaults, withFaults } from "./faults";
import type { SandboxFaults } from "./types";

const ok = async (): Promise<ApiResponse> => ({ status: 200, headers: {}, body: "ok" });
const json = (r: ApiResponse) => JSON.parse(r.body as string);

describe("parseFaults", () => {
  it("accepts the documented shape and drops no-op values", () => {
    expect(parseFaults({ down: false, slowMs: 250, failing: { fraction: 0.5 }, nodeFailure: 1, capacity: { nodes: 5, cpu: "8" } }, "m")).toEqual({
      slowMs: 250,
      failing: { fraction: 0.5, statusCode: 503 },
      nodeFailure: 1,
      capacity: { nodes: 5, cpu: "8" },
    });
  });

  it.each([
    [{ slowMs: -1 }, "slowMs"],
    [{ down: "yes" }, "down"],
    [{ failing: { fraction: 2 } }, "failing.fraction"],
    [{ failing: { fraction: 0.1, statusCode: 404 } }, "failing.statusCode"],
    [{ capacity: { cpu: "-1" } }, "capacity.cpu"],
    [{ nodeFailure: 1.5 }, "nodeFailure"],
    [{ flapping: true }, "flapping"],
  ])("rejects %j (422 on %s)", (input, field) => {
    let err: unknown;
    try {
      parseFaults(input, "m");
    } catch (e) {
      err = e;
    }
    expect(ApiError.is(err)).toBe(true);
    expect((err as ApiError).status.code).toBe(422);
    expect((err as ApiError).status.details?.causes?.map((c) => c.field)).toContain(field);
  });

  it("compactFaults keeps only active faults", () => {
    expect(compactFaults({ down: false, partitioned: false, slowMs: 0, nodeFailure: 0 })).toEqual({});
  });
});

describe("withFaults", () => {
  const req = (signal = new AbortController().signal) => new Request("https://127.0.0.1/api", { signal });

  it("passes through without faults", async () => {
    const h = withFaults(ok, () => ({}));
    expect((await h(req())).status).toBe(200);
  });

  it("answers the configured share with 503 Status bodies", async () => {
    const rolls = [0.1, 0.9];
    const f: SandboxFaults = { failing: { fraction: 0.5, statusCode: 503 } };
    const h = withFaults(ok, () => f, { random: () => rolls.shift()! });
    const first = await h(req());
    expect(first.status).toBe(503);
    expect(json(first)).toMatchObject({ kind: "Status", reason: "ServiceUnavailable", code: 503 });
    expect((await h(req())).status).toBe(200);
  });

  it("answers 500 InternalError when asked", async () => {
    const h = withFaults(ok, () => ({ failing: { fraction: 1, statusCode: 500 } }));
    expect(json(await h(req()))).toMatchObject({ reason: "InternalError", code: 500 });
  });

  it("delays slow requests", async () => {
    const waits: number[] = [];
    const h = withFaults(ok, () => ({ slowMs: 300 }), { sleep: async (ms) => void waits.push(ms) });
    expect((await h(req())).status).toBe(200);
    expect(waits).toEqual([300]);
  });

  it("never answers a partitioned request until the client aborts", async () => {
    const ac = new AbortController();
    const h = withFaults(ok, () => ({ partitioned: true }));
    let settled = false;
    const r = req(ac.signal);
    const p = h(r).then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    ac.abort();
    expect(r.signal.aborted).toBe(true);
    await p;
    expect(settled).toBe(true);
  });

  it("reads faults live, so clearing restores service", async () => {
    let f: SandboxFaults = { failing: { fraction: 1, statusCode: 503 } };
    const h = withFaults(ok, () => f);
    expect((await h(req())).status).toBe(503);
    f = {};
    expect((await h(req())).status).toBe(200);
  });
});
