import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { ApiRequest, ApiResponse } from "./api-message";
import { nodeApiListener } from "./node-listener";
import { readBody } from "./request-body";

let server: http.Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  server = undefined;
});

async function serve(handler: (req: ApiRequest) => Promise<ApiResponse>): Promise<string> {
  server = http.createServer(nodeApiListener(handler, "https://127.0.0.1"));
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("nodeApiListener", () => {
  it("exposes url, method, headers and the whole body, and answers with a Content-Length", async () => {
    let seen: { url: string; method: string; type: string | null; missing: string | null; body: string } | undefined;
    const base = await serve(async (req) => {
      seen = { url: req.url, method: req.method, type: req.headers.get("Content-Type"), missing: req.headers.get("x-none"), body: new TextDecoder().decode(await readBody(req)) };
      return { status: 201, headers: { "content-type": "application/json", warning: ["299 - \"a\"", "299 - \"b\""] }, body: "{\"ok\":true}" };
    });
    const res = await fetch(`${base}/api/v1/namespaces/default/configmaps?fieldManager=x`, { method: "POST", headers: { "content-type": "application/json" }, body: "{\"a\":1}" });
    expect(res.status).toBe(201);
    expect(res.headers.get("content-length")).toBe("11");
    expect(res.headers.get("warning")).toBe("299 - \"a\", 299 - \"b\"");
    expect(await res.json()).toEqual({ ok: true });
    expect(seen).toEqual({ url: "https://127.0.0.1/api/v1/namespaces/default/configmaps?fieldManager=x", method: "POST", type: "application/json", missing: null, body: "{\"a\":1}" });
  });

  it("reads bodies that arrive in several parts after the handler started", async () => {
    let started!: () => void;
    const handlerStarted = new Promise<void>((r) => (started = r));
    const base = await serve(async (req) => {
      started();
      return { status: 200, headers: {}, body: new TextDecoder().decode(await readBody(req)) };
    });
    const parts = new ReadableStream<Uint8Array>({
      async start(c) {
        c.enqueue(new TextEncoder().encode("first,"));
        await handlerStarted;
        await new Promise((r) => setTimeout(r, 20));
        c.enqueue(new TextEncoder().encode("second"));
        c.close();
      },
    });
    const res = await fetch(base + "/x", { method: "PUT", body: parts, duplex: "half" } as RequestInit);
    expect(await res.text()).toBe("first,second");
  });

  it("refuses bodies over the limit with 413 and keeps serving the connection", async () => {
    const base = await serve(async (req) => {
      try {
        await readBody(req, 10);
        return { status: 200, headers: {}, body: "read" };
      } catch (e) {
        return { status: (e as { status: { code: number } }).status.code, headers: {}, body: "too large" };
      }
    });
    // No Content-Length (chunked), so only reading finds out.
    const big = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode("x".repeat(100))), c.close()) });
    const res = await fetch(base + "/x", { method: "PUT", body: big, duplex: "half" } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.text()).toBe("too large");
    expect((await fetch(base + "/x", { method: "PUT", body: "small" })).status).toBe(200);
    // Whole at once (Content-Length) and still too large.
    expect((await fetch(base + "/x", { method: "PUT", body: "y".repeat(50) })).status).toBe(413);
    expect((await fetch(base + "/x", { method: "PUT", body: "" })).status).toBe(200);
  });

  it("aborts the request's signal when the client goes away", async () => {
    let aborted: Promise<boolean> | undefined;
    const base = await serve(async (req) => {
      const signal = req.signal;
      aborted = new Promise((r) => signal.addEventListener("abort", () => r(true)));
      await aborted;
      return { status: 200, headers: {}, body: null };
    });
    const ac = new AbortController();
    const p = fetch(base + "/hang", { signal: ac.signal }).catch(() => undefined);
    while (!aborted) await new Promise((r) => setTimeout(r, 5));
    ac.abort();
    await p;
    expect(await aborted).toBe(true);
  });

  it("streams bodies, headers first", async () => {
    let push: ((s: string) => void) | undefined;
    let end: (() => void) | undefined;
    const base = await serve(async () => {
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          push = (s) => c.enqueue(new TextEncoder().encode(s));
          end = () => c.close();
        },
      });
      return { status: 200, headers: { "content-type": "application/json" }, body };
    });
    const res = await fetch(base + "/watch");
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    push!("one\n");
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("one\n");
    end!();
    expect((await reader.read()).done).toBe(true);
  });

  it("answers 500 when the handler fails", async () => {
    const base = await serve(async () => {
      throw new Error("boom");
    });
    const spy = console.error;
    console.error = () => undefined;
    try {
      const res = await fetch(base + "/x");
      expect(res.status).toBe(500);
      expect(await res.json()).toMatchObject({ kind: "Status", code: 500 });
    } finally {
      console.error = spy;
    }
  });
});
