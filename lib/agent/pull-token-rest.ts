import path from "node:path";
import type { PrismaClient } from "@prisma/client";
import type { ObjectClient } from "../kube/client";
import { ApiError, errors } from "../kube/errors";
import { CLUSTER_LEASE_NAMESPACE } from "../kube/karmada";
import type { ControlPlaneHandle, UserInfo } from "../server/handle";
import { createPullTokenService, prismaPullTokenStore, type PullTokenService } from "../clusters/pull-tokens";

const KEY = "pullTokens";

/** The PullTokenService of the control plane (`cp.services.pullTokens`), built on first use over its database. */
export function pullTokenServiceOf(cp: Pick<ControlPlaneHandle, "services">): PullTokenService {
  const existing = cp.services[KEY] as PullTokenService | undefined;
  if (existing) return existing;
  const db = cp.services.db as { prisma: PrismaClient } | undefined;
  if (!db) throw errors.serviceUnavailable("the control plane's database is not ready");
  const svc = createPullTokenService(prismaPullTokenStore(db.prisma));
  cp.services[KEY] = svc;
  return svc;
}

/** Where an issued command sends the agent's kube traffic: the HTTPS kube port and the CA that signs it. */
export interface KubeApiTarget {
  /** e.g. https://127.0.0.1:6443 (served at the root paths, like kube-apiserver). */
  kubeApi: string;
  /** PEM file the agent trusts for kubeApi (the data dir's tls/ca.crt, or the user's certificate chain). */
  caFile?: string;
}

/**
 * The exact command that registers a cluster with a bootstrap token. `controlPlane` is the
 * console's origin: the agent exchanges its token at /api/v1/clusters/pull-tokens/exchange.
 * Without `kube` it talks to the kube API mounted at /k8s on that origin (plain HTTP for the
 * sandboxes); with it, to the HTTPS kube port, trusting `caFile`, so that the command works as
 * printed on the control plane's machine.
 */
export function agentCommand(o: { controlPlane: string; token: string; clusterName: string; kubeconfig: string; kube?: KubeApiTarget }): string {
  const parts = ["npx flotilla agent", `--control-plane ${o.controlPlane}`];
  if (o.kube) parts.push(`--kube-api ${o.kube.kubeApi}`);
  if (o.kube?.caFile) parts.push(`--ca-file ${o.kube.caFile}`);
  parts.push(`--token ${o.token}`, `--cluster-name ${o.clusterName}`, `--kubeconfig ${o.kubeconfig}`);
  return parts.join(" ");
}

/**
 * The HTTPS kube API of a running control plane and its CA file, for issued commands; undefined
 * when the control plane has not published its kube URL (then the console's /k8s is used).
 */
export function kubeApiTargetOf(cp: Pick<ControlPlaneHandle, "services" | "config">): KubeApiTarget | undefined {
  const kubeApi = cp.services.kubeUrl;
  if (typeof kubeApi !== "string" || !kubeApi) return undefined;
  if (!kubeApi.startsWith("https:")) return { kubeApi };
  // A user-supplied serving certificate carries its issuer chain: trusting the file trusts the issuer.
  return { kubeApi, caFile: cp.config.tlsCertFile ?? path.join(cp.config.dataDir, "tls", "ca.crt") };
}

/** Agents manage no credentials: a leaked agent token must not mint bootstrap tokens. */
function requireOperator(user: UserInfo | null): void {
  if (!user) throw errors.unauthorized();
  if (user.kind === "agent") throw errors.forbidden(`User "${user.username}" cannot manage pull tokens`);
}

function json(body: unknown, code = 200): Response {
  return new Response(JSON.stringify(body), { status: code, headers: { "Content-Type": "application/json" } });
}

/** Bearer token of a request, or 401. */
function bearerOf(req: Request): string {
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.get("authorization")?.trim() ?? "");
  if (!m) throw errors.unauthorized("a bootstrap token is required (Authorization: Bearer <token>)");
  return m[1].trim();
}

/** Creates karmada-cluster (where the agent's Lease lives) if missing: the agent may not create namespaces. */
export async function ensureLeaseNamespace(client: ObjectClient): Promise<void> {
  if (await client.get("v1", "Namespace", undefined, CLUSTER_LEASE_NAMESPACE)) return;
  try {
    await client.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: CLUSTER_LEASE_NAMESPACE } });
  } catch (err) {
    if (!ApiError.is(err, "AlreadyExists")) throw err;
  }
}

/** The operations behind app/api/v1/clusters/pull-tokens (route files only wire these). */
export const pullTokenRest = {
  /**
   * Issues a bootstrap token and the command that uses it. Body: `clusterName`, `ttlSeconds`,
   * optional `controlPlaneUrl` (default the request's origin), `kubeconfigPath` and `kubeApi`:
   * "console" keeps the agent on the console's /k8s mount; by default it uses `kube` (the HTTPS
   * kube port with --ca-file) when given.
   */
  async issue(svc: PullTokenService, user: UserInfo | null, req: Request, body: unknown, kube?: KubeApiTarget): Promise<Response> {
    requireOperator(user);
    const b = (body ?? {}) as Record<string, unknown>;
    const issued = await svc.issue(body);
    const controlPlane = typeof b.controlPlaneUrl === "string" && b.controlPlaneUrl ? b.controlPlaneUrl : new URL(req.url).origin;
    const kubeconfig = typeof b.kubeconfigPath === "string" && b.kubeconfigPath ? b.kubeconfigPath : "~/.kube/config";
    const target = b.kubeApi === "console" ? undefined : kube;
    return json({ ...issued, command: agentCommand({ controlPlane, token: issued.token, clusterName: issued.clusterName, kubeconfig, kube: target }) }, 201);
  },
  async list(svc: PullTokenService, user: UserInfo | null) {
    requireOperator(user);
    return { items: await svc.list() };
  },
  async revoke(svc: PullTokenService, user: UserInfo | null, id: string) {
    requireOperator(user);
    return svc.revoke(id);
  },
  /** Bootstrap token as bearer, `{clusterName}` body → `{token, clusterName}` (the agent credential). */
  async exchange(svc: PullTokenService, client: ObjectClient, req: Request, body: unknown) {
    const token = bearerOf(req);
    const clusterName = (body as { clusterName?: unknown } | null)?.clusterName;
    if (typeof clusterName !== "string" || !clusterName) throw errors.badRequest("clusterName is required");
    const cred = await svc.exchange(token, clusterName);
    await ensureLeaseNamespace(client);
    return { kind: "AgentCredential", clusterName: cred.clusterName, token: cred.token };
  },
};
