import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { ApiRequest, ApiResponse } from "./api-message";
import type { IdleConnections } from "./idle-connections";

/**
 * Serves an ApiRequest handler on node:http(s) without web Request/Response objects: headers
 * are read from IncomingMessage, the body is read whole from the stream, the AbortSignal is made
 * only when asked for (watches, faults), and whole answers go out in one res.end. The generic
 * bridge (lib/server/node-http.ts) built all of those per request: about a third of a sandbox
 * apply's CPU. Streamed answers (watches) are still pumped chunk by chunk.
 */
export type ApiHandler = (req: ApiRequest) => Promise<ApiResponse>;

/** Header lookup as web Headers answers it, on node's lower-cased header object. */
class NodeHeaders {
  constructor(private readonly h: IncomingHttpHeaders) {}

  get(name: string): string | null {
    const v = this.h[name.toLowerCase()];
    return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
  }
}

/** An ApiRequest over an IncomingMessage; `res` closing aborts its signal. */
export class NodeApiRequest implements ApiRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: { get(name: string): string | null };
  private controller: AbortController | undefined;
  private closed = false;
  private consumed = false;

  constructor(private readonly req: IncomingMessage, res: ServerResponse, origin: string, idle?: IdleConnections) {
    const raw = req.url ?? "/";
    // A path (what clients send) needs no parse here: the handler parses the URL once anyway.
    this.url = raw.startsWith("/") && !raw.startsWith("//") ? origin + raw : new URL(raw, origin).href;
    this.method = req.method ?? "GET";
    this.headers = new NodeHeaders(req.headers);
    idle?.begin(req.socket);
    res.once("close", () => {
      this.closed = true;
      idle?.end(req.socket);
      this.controller?.abort();
    });
  }

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.closed) this.controller.abort();
    }
    return this.controller.signal;
  }

  get body(): ReadableStream<Uint8Array> | null {
    if (this.method === "GET" || this.method === "HEAD") return null;
    this.consumed = true;
    return Readable.toWeb(this.req) as unknown as ReadableStream<Uint8Array>;
  }

  readBytes(limit: number): Promise<Uint8Array | null> {
    if (this.consumed || this.method === "GET" || this.method === "HEAD") return Promise.resolve(new Uint8Array());
    this.consumed = true;
    const req = this.req;
    // Usually the whole message has arrived by now (small bodies come with the headers): take
    // it from the stream's buffer at once. read() without a size returns all of it.
    if (req.complete) {
      const bytes = (req.read() as Buffer | null) ?? new Uint8Array();
      return Promise.resolve(bytes.byteLength > limit ? null : bytes);
    }
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const cleanup = () => {
        req.off("data", onData);
        req.off("end", onEnd);
        req.off("error", onError);
        req.off("aborted", onAborted);
      };
      const onData = (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > limit) {
          cleanup();
          // Discard the rest, so the 413 still reaches the client on this connection.
          req.resume();
          resolve(null);
          return;
        }
        chunks.push(chunk);
      };
      const onEnd = () => {
        cleanup();
        resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
      };
      const onError = (err: Error) => {
        cleanup();
        reject(err);
      };
      const onAborted = () => onError(new Error("the client closed the request"));
      req.on("data", onData);
      req.on("end", onEnd);
      req.on("error", onError);
      req.on("aborted", onAborted);
    });
  }
}

/**
 * A node:http(s) request listener serving `handler`. With `idle`, the listener reports requests
 * to it, for servers that close idle keep-alive connections by sweep (keepAliveTimeout = 0).
 */
export function nodeApiListener(handler: ApiHandler, origin: string, opts: { idle?: IdleConnections } = {}): (req: IncomingMessage, res: ServerResponse) => void {
  const { idle } = opts;
  return (req, res) => {
    let request: NodeApiRequest;
    try {
      request = new NodeApiRequest(req, res, origin, idle);
    } catch {
      writeWhole(res, { status: 400, headers: { "content-type": "application/json" }, body: JSON.stringify({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", reason: "BadRequest", message: "malformed request", code: 400 }) });
      return;
    }
    handler(request)
      .then((response) => sendApiResponse(res, response))
      .catch((err) => {
        console.error(JSON.stringify({ level: "error", msg: "request handler failed", error: err instanceof Error ? err.stack : String(err) }));
        if (!res.headersSent) writeWhole(res, { status: 500, headers: { "content-type": "application/json" }, body: JSON.stringify({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", reason: "InternalError", message: "an internal error occurred", code: 500 }) });
        else res.end();
      });
  };
}

/** Writes an ApiResponse: whole bodies in one write with their length, streams chunk by chunk. */
export async function sendApiResponse(res: ServerResponse, r: ApiResponse): Promise<void> {
  const body = r.body;
  if (body === null || typeof body === "string" || body instanceof Uint8Array) return writeWhole(res, r);
  res.writeHead(r.status, r.headers);
  // Streams are watches: clients block until they see the headers, and the first event may be minutes away.
  res.flushHeaders();
  await pumpStream(res, body);
}

/** Copies a streamed body to Node's response with backpressure, then ends it; a client that leaves cancels the stream. */
export async function pumpStream(res: ServerResponse, body: ReadableStream<Uint8Array>): Promise<void> {
  const reader = body.getReader();
  res.on("close", () => void reader.cancel().catch(() => undefined));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await new Promise<void>((resolve) => res.once("drain", resolve));
    }
  } catch {
    // the client went away mid-stream; nothing to report
  } finally {
    res.end();
  }
}

function writeWhole(res: ServerResponse, r: ApiResponse): void {
  const body = r.body as string | Uint8Array | null;
  const length = body === null ? 0 : typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
  // 204 and 304 carry no Content-Length (RFC 9110); everything else says how long it is.
  const headers = r.status === 204 || r.status === 304 ? r.headers : { ...r.headers, "content-length": String(length) };
  res.writeHead(r.status, headers);
  res.end(body ?? undefined);
}
