/**
 * The request and response shapes the API handler works on. A web Request satisfies ApiRequest
 * as is; node:http requests are served through a thin view of IncomingMessage instead
 * (node-listener.ts), because building a web Request and Response per call (Headers, an
 * AbortSignal, web streams both ways) cost about a third of a sandbox apply's CPU.
 */
export interface ApiRequest {
  /** Absolute URL. */
  readonly url: string;
  readonly method: string;
  readonly headers: { get(name: string): string | null };
  /** Aborted when the client goes away (watches, injected faults). */
  readonly signal: AbortSignal;
  readonly body: ReadableStream<Uint8Array> | null;
  /** The whole body, where the transport reads it more cheaply than via `body`; null past `limit` bytes. */
  readBytes?(limit: number): Promise<Uint8Array | null>;
}

/** A response: status, headers (arrays repeat a header) and a whole or streamed body. */
export interface ApiResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: string | Uint8Array | ReadableStream<Uint8Array> | null;
}

/** The web Response of an ApiResponse (the Next.js route, in-process callers, tests). */
export function toWebResponse(r: ApiResponse): Response {
  const headers = new Headers();
  for (const [k, v] of Object.entries(r.headers)) {
    if (Array.isArray(v)) for (const item of v) headers.append(k, item);
    else headers.set(k, v);
  }
  return new Response(r.body as BodyInit | null, { status: r.status, headers });
}
