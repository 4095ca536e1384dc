/**
 * The messages between a sandbox host process (host-entry.ts) and its parent (sandbox-host.ts),
 * carried over Node's IPC channel. Requests carry an id; the host answers each with that id.
 */

/** What a parent needs to register and reach one sandbox running in a host process. */
export interface HostedSandbox {
  name: string;
  /** https://127.0.0.1:<port> */
  server: string;
  token: string;
  /** PEM of the sandbox's CA (the `caBundle` of Karmada's credentials Secret). */
  caCert: string;
  /** The kubeconfig the host wrote in its own data dir. */
  kubeconfigPath: string;
  mode: "Push" | "Pull";
  region: string;
  zone: string;
  provider: string;
  labels: Record<string, string>;
}

export type HostRequest =
  | { id: number; op: "create"; specs: Record<string, unknown>[] }
  | { id: number; op: "delete"; names: string[] }
  | { id: number; op: "list" }
  | { id: number; op: "stop" };

export type HostResponse = { id: number; ok: true; sandboxes: HostedSandbox[] } | { id: number; ok: false; error: string };

/** The first message of a host: it is listening for requests. */
export interface HostReady {
  op: "ready";
  pid: number;
}

/** True for a message shaped like a HostResponse (IPC carries whatever the child sends). */
export function isHostResponse(msg: unknown): msg is HostResponse {
  if (!msg || typeof msg !== "object") return false;
  const m = msg as Record<string, unknown>;
  return typeof m.id === "number" && typeof m.ok === "boolean";
}

/** True for a message shaped like a HostRequest. */
export function isHostRequest(msg: unknown): msg is HostRequest {
  if (!msg || typeof msg !== "object") return false;
  const m = msg as Record<string, unknown>;
  if (typeof m.id !== "number") return false;
  if (m.op === "create") return Array.isArray(m.specs);
  if (m.op === "delete") return Array.isArray(m.names);
  return m.op === "list" || m.op === "stop";
}
