import http from "node:http";
import { nodeHandler } from "../../lib/server/node-http";
import { getControlPlane } from "../../lib/server/handle";
import { errors } from "../../lib/kube/errors";
import type { ObjectClient } from "../../lib/kube/client";
import { pullTokenRest, pullTokenServiceOf } from "../../lib/agent/pull-token-rest";
import { freePort } from "../control-plane/harness";

/**
 * The console's port without Next.js: `/k8s/...` forwards to the running control plane's kube
 * API and `/api/v1/clusters/pull-tokens...` to the pull-token REST, exactly what the app routes
 * wire. It looks the control plane up per request, so it survives a control-plane restart.
 */
export interface MiniConsole {
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function startMiniConsole(port?: number): Promise<MiniConsole> {
  const p = port ?? (await freePort());
  const url = `http://127.0.0.1:${p}`;
  const server = http.createServer(nodeHandler(route, url));
  await new Promise<void>((r) => server.listen(p, "127.0.0.1", r));
  return {
    port: p,
    url,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

async function route(req: Request): Promise<Response> {
  const cp = getControlPlane();
  if (!cp?.isReady()) return json(errors.serviceUnavailable("the control plane is starting").status, 503);
  const url = new URL(req.url);
  if (url.pathname === "/k8s" || url.pathname.startsWith("/k8s/")) {
    url.pathname = url.pathname.slice(4) || "/";
    const init: RequestInit & { duplex?: "half" } = { method: req.method, headers: req.headers, signal: req.signal };
    if (req.method !== "GET" && req.method !== "HEAD") Object.assign(init, { body: req.body, duplex: "half" });
    return cp.kube.handle(new Request(url, init));
  }
  try {
    const svc = pullTokenServiceOf(cp);
    const user = await cp.auth.authenticate(req);
    if (url.pathname === "/api/v1/clusters/pull-tokens/exchange" && req.method === "POST") return json(await pullTokenRest.exchange(svc, cp.services.client as ObjectClient, req, await req.json()));
    if (url.pathname === "/api/v1/clusters/pull-tokens" && req.method === "POST") return await pullTokenRest.issue(svc, user, req, await req.json());
    return json(errors.notFoundMessage("not found").status, 404);
  } catch (err) {
    const status = (err as { status?: { code: number } }).status;
    if (status) return json(status, status.code);
    throw err;
  }
}

function json(body: unknown, code = 200): Response {
  return new Response(JSON.stringify(body), { status: code, headers: { "content-type": "application/json" } });
}
