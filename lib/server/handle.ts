import type { FlotillaConfig } from "./config";

/**
 * The running control plane, reachable from Next.js route handlers and server components.
 * It lives on globalThis because Next bundles route handlers separately from the code that
 * starts the control plane: module-level singletons would exist twice.
 */
export interface UserInfo {
  username: string;
  /** "user": signed-in person; "token": API token; "agent": a Pull agent scoped to one cluster. */
  kind: "user" | "token" | "agent";
  /** For agents: the only cluster whose objects it may touch. */
  cluster?: string;
}

export interface AuthService {
  /** Bearer token or session cookie → user; null when neither is valid. */
  authenticate(req: Request): Promise<UserInfo | null>;
  signIn(username: string, password: string): Promise<{ token: string; expiresAt: Date } | null>;
  signOut(sessionToken: string): Promise<void>;
  sessionUser(sessionToken: string): Promise<UserInfo | null>;
}

export interface ControlPlaneHandle {
  config: FlotillaConfig;
  isReady(): boolean;
  /** The Kubernetes-compatible API (authentication applied inside), for /k8s and the HTTPS port. */
  kube: { handle(req: Request): Promise<Response> };
  auth: AuthService;
  /** Domain services the REST routes under /api/v1 call (sandboxes, previews, overview...), filled in as they land. */
  services: Record<string, unknown>;
  stop(): Promise<void>;
}

export const SESSION_COOKIE = "flotilla_session";

const KEY = Symbol.for("flotilla.controlPlane");

export function getControlPlane(): ControlPlaneHandle | undefined {
  return (globalThis as Record<symbol, ControlPlaneHandle | undefined>)[KEY];
}

export function setControlPlane(handle: ControlPlaneHandle | undefined): void {
  (globalThis as Record<symbol, ControlPlaneHandle | undefined>)[KEY] = handle;
}
