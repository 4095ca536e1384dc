import type { KubeConfig } from "@kubernetes/client-node";
import { request, type Dispatcher } from "undici";
import type { RawRequest, RawResponse } from "./raw-object-api";

/** Sends one request to the member and returns its answer whatever the code; network failures reject. */
export type Requester = (req: RawRequest) => Promise<RawResponse>;

/** The slice of client-node's RequestContext that its kubeconfig authentication writes to. */
interface AuthContext {
  setHeaderParam(key: string, value: string): void;
  setDispatcher(d: unknown): void;
}

/**
 * The member client's request path, without client-node's generic pipeline: its
 * RequestContext, middleware chain and WHATWG fetch (Request/Response/stream objects per call)
 * cost about as much CPU as the member spends answering. Authentication stays client-node's:
 * `applySecurityAuthentication` runs per request, so rotating credentials (exec plugins, auth
 * providers) are refreshed exactly as upstream does, and it hands back the one keep-alive
 * dispatcher the client shares (see shareDispatcher). The request itself is undici's
 * `request`, the same library and pool client-node uses underneath fetch.
 */
export function directRequester(kc: KubeConfig, server: string): Requester {
  const base = server.replace(/\/+$/, "");
  return async (req) => {
    const { headers, dispatcher } = await authenticate(kc, req.accept ?? "application/json, */*;q=0.8");
    let body: string | undefined;
    if (req.body !== undefined) {
      headers["content-type"] = req.contentType ?? "application/json";
      body = JSON.stringify(req.body);
    }
    const res = await request(base + req.path + queryString(req.query), { method: req.method, headers, body, dispatcher, signal: req.signal });
    // A request aborted mid-body rejects here, like fetch's text().
    const text = await res.body.text();
    return { code: res.statusCode, text, headers: flatHeaders(res.headers) };
  };
}

/**
 * Headers and dispatcher of one request, from client-node's kubeconfig authentication (run per
 * request so rotating credentials refresh as upstream does).
 */
export async function authenticate(kc: KubeConfig, accept: string): Promise<{ headers: Record<string, string>; dispatcher: Dispatcher | undefined }> {
  const headers: Record<string, string> = { accept };
  let dispatcher: Dispatcher | undefined;
  const auth: AuthContext = {
    setHeaderParam: (k, v) => (headers[k.toLowerCase()] = v),
    setDispatcher: (d) => (dispatcher = d as Dispatcher),
  };
  await kc.applySecurityAuthentication(auth as Parameters<KubeConfig["applySecurityAuthentication"]>[0]);
  return { headers, dispatcher };
}

/** "?a=1&b=x" from the defined parameters, "" when there are none. */
export function queryString(query: RawRequest["query"]): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.append(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : "";
}

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}
