import { errors } from "../kube/errors";
import type { ControlPlaneHandle } from "../server/handle";
import type { SandboxManager } from "./sandbox-manager";

/** The manager the control plane publishes as `cp.services.sandboxes`; 503 until it is there. */
export function sandboxManagerOf(cp: Pick<ControlPlaneHandle, "services">): SandboxManager {
  const m = cp.services.sandboxes as SandboxManager | undefined;
  if (!m) throw errors.serviceUnavailable("sandbox clusters are not enabled on this server");
  return m;
}

function json(body: unknown, code = 200): Response {
  return new Response(JSON.stringify(body), { status: code, headers: { "Content-Type": "application/json" } });
}

/** The REST operations behind app/api/v1/sandboxes (route files only wire these). */
export const sandboxRest = {
  list: (m: SandboxManager) => ({ items: m.list() }),
  create: async (m: SandboxManager, body: unknown) => json(await m.create(body), 201),
  get: (m: SandboxManager, name: string) => m.get(name),
  delete: (m: SandboxManager, name: string) => m.delete(name),
  setFaults: (m: SandboxManager, name: string, body: unknown) => m.setFaults(name, body),
  clearFaults: (m: SandboxManager, name: string) => m.clearFaults(name),
};
