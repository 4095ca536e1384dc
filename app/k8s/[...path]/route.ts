import { getControlPlane } from "@/lib/server/handle";
import { errors } from "@/lib/kube/errors";
import { json } from "@/lib/api/with-api";

// ALL /k8s/... – the Kubernetes-compatible API mounted on the console's port (same handler as the HTTPS port)
export const dynamic = "force-dynamic";

async function forward(req: Request): Promise<Response> {
  const cp = getControlPlane();
  if (!cp) return json(errors.serviceUnavailable("the control plane is starting").status, 503);
  const url = new URL(req.url);
  url.pathname = url.pathname.replace(/^\/k8s(?=\/|$)/, "") || "/";
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers: req.headers, signal: req.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = req.body;
    init.duplex = "half";
  }
  return cp.kube.handle(new Request(url, init));
}

export const GET = forward;
export const POST = forward;
export const PUT = forward;
export const PATCH = forward;
export const DELETE = forward;
