import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pumpStream } from "../apiserver/http/node-listener";

/**
 * Bridges Node's http(s) server to lib/apiserver's web-standard handler (Request in, Response out),
 * streaming both ways: watch responses are flushed chunk by chunk, and a client that goes away
 * aborts the Request's signal so the watch ends.
 */
export type WebHandler = (req: Request) => Promise<Response>;

export function toWebRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const item of v) headers.append(k, item);
    else headers.set(k, v);
  }
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>;
    init.duplex = "half";
  }
  return new Request(new URL(req.url ?? "/", origin), init);
}

/** A watch request (`?watch=true|1`): its response stays open and may be quiet for minutes. */
export function isWatchRequest(url: string | undefined): boolean {
  return /[?&]watch=(true|1)(&|$)/.test(url ?? "");
}

/**
 * Writes a web Response to Node's response, streaming the body. `flushHeaders` sends the status
 * line and headers at once (watches: kubectl and client-node block until they see them, and
 * the first event may be minutes away) instead of with the first body chunk.
 */
export async function sendWebResponse(res: ServerResponse, response: Response, opts: { flushHeaders?: boolean } = {}): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => {
    if (key === "set-cookie") return;
    headers[key] = value;
  });
  const cookies = response.headers.getSetCookie?.() ?? [];
  if (cookies.length) headers["set-cookie"] = cookies;
  res.writeHead(response.status, headers);
  if (opts.flushHeaders && response.body) res.flushHeaders();
  if (!response.body) {
    res.end();
    return;
  }
  await pumpStream(res, response.body);
}

export function nodeHandler(handler: WebHandler, origin: string) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const controller = new AbortController();
    res.on("close", () => controller.abort());
    let request: Request;
    try {
      request = toWebRequest(req, origin, controller.signal);
    } catch {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", reason: "BadRequest", message: "malformed request", code: 400 }));
      return;
    }
    handler(request)
      .then((response) => sendWebResponse(res, response, { flushHeaders: isWatchRequest(req.url) }))
      .catch((err) => {
        console.error(JSON.stringify({ level: "error", msg: "request handler failed", error: err instanceof Error ? err.stack : String(err) }));
        if (!res.headersSent) {
          res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", reason: "InternalError", message: "an internal error occurred", code: 500 }));
        } else res.end();
      });
  };
}
