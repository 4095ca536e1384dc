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
 * Headers and dispatcher of one request, from client-node's kubeconfig authentication. Run per
 * request when credentials can rotate (exec plugins, auth providers, certificate or CA files),
 * so they refresh as upstream does; a kubeconfig with inline data only is authenticated once.
 */
export async function authenticate(kc: KubeConfig, accept: string): Promise<{ headers: Record<string, string>; dispatcher: Dispatcher | undefined }> {
  const fixed = staticAuth.get(kc);
  if (fixed) return { headers: { ...fixed.headers, accept }, dispatcher: fixed.dispatcher };
  const headers: Record<string, string> = {};
  let dispatcher: Dispatcher | undefined;
  const auth: AuthContext = {
    setHeaderParam: (k, v) => (headers[k.toLowerCase()] = v),
    setDispatcher: (d) => (dispatcher = d as Dispatcher),
  };
  await kc.applySecurityAuthentication(auth as Parameters<KubeConfig["applySecurityAuthentication"]>[0]);
  if (isStatic(kc)) staticAuth.set(kc, { headers: { ...headers }, dispatcher });
  return { headers: { ...headers, accept }, dispatcher };
}

const staticAuth = new WeakMap<KubeConfig, { headers: Record<string, string>; dispatcher: Dispatcher | undefined }>();

/** Credentials that cannot change while the process runs: nothing read from files or plugins. */
function isStatic(kc: KubeConfig): boolean {
  const user = kc.getCurrentUser();
  const cluster = kc.getCurrentCluster();
  if (!user || !cluster) return false;
  const u = user as { exec?: unknown; authProvider?: unknown; certFile?: string; keyFile?: string };
  return !u.exec && !u.authProvider && !u.certFile && !u.keyFile && !cluster.caFile;
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
