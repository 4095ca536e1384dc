import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { isWatchRequest, nodeHandler } from "./node-http";

/** The Node ↔ web bridge on a real loopback server: streaming, header flushing, aborts. */
let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

async function serve(handler: (req: Request) => Promise<Response>): Promise<string> {
  server = http.createServer(nodeHandler(handler, "http://127.0.0.1"));
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A stream that emits nothing until `release` is called, and records its cancellation. */
function quietStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const state = { cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    cancel: () => void (state.cancelled = true),
  });
  return { stream, state, release: (text: string) => controller.enqueue(new TextEncoder().encode(text)) };
}

describe("isWatchRequest", () => {
  it.each([
    ["/api/v1/configmaps?watch=true", true],
    ["/api/v1/configmaps?limit=1&watch=1&resourceVersion=5", true],
    ["/api/v1/configmaps?watch=false", false],
    ["/api/v1/configmaps?watchx=true", false],
    ["/api/v1/configmaps", false],
  ])("%s -> %s", (url, want) => expect(isWatchRequest(url)).toBe(want));
});

describe("nodeHandler", () => {
  it("sends a watch's status line and headers before its first event", async () => {
    const q = quietStream();
    const url = await serve(async () => new Response(q.stream, { headers: { "content-type": "application/json" } }));
    const ac = new AbortController();
    const started = Date.now();
    const res = await fetch(`${url}/api/v1/configmaps?watch=true`, { signal: ac.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(Date.now() - started).toBeLessThan(2_000);
    const reader = res.body!.getReader();
    q.release('{"type":"ADDED"}\n');
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toBe('{"type":"ADDED"}\n');
    ac.abort();
    for (let i = 0; i < 50 && !q.state.cancelled; i++) await new Promise((r) => setTimeout(r, 20));
    expect(q.state.cancelled).toBe(true);
  });

  it("passes request bodies, methods and headers through and returns plain responses whole", async () => {
    const url = await serve(async (req) => Response.json({ method: req.method, body: await req.text(), ct: req.headers.get("content-type") }, { status: 201 }));
    const res = await fetch(`${url}/x`, { method: "POST", body: '{"a":1}', headers: { "content-type": "application/json" } });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ method: "POST", body: '{"a":1}', ct: "application/json" });
  });
});
