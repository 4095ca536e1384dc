import { createHash } from "node:crypto";
import { stringify } from "yaml";
import type { ObjectClient } from "../kube/client";
import { errors } from "../kube/errors";
import type { Cluster } from "../kube/karmada";
import type { KubeObject } from "../kube/types";
import { toBase64 } from "../kube/kubeconfig";
import type { ClusterCredentialStore, MemberCredential } from "./credential-store";

/** A member's connection, ready for createMemberClient. */
export interface ResolvedMember {
  kubeconfig: string;
  context?: string;
  /** sha256 of what the client is built from: a change means "rebuild the client". */
  fingerprint: string;
  /** Where it came from: Flotilla's sealed store, or Karmada's spec.secretRef Secret. */
  source: "credential" | "secretRef";
}

export interface CredentialDeps {
  /** The control plane's client (reads the Secret of spec.secretRef). */
  client: ObjectClient;
  store: ClusterCredentialStore;
}

/**
 * Resolves a Cluster to a kubeconfig, either way a cluster can be registered:
 * 1. Karmada's way: `spec.apiEndpoint` plus `spec.secretRef` → a Secret with `token` and
 *    `caBundle` (and `spec.insecureSkipTLSVerification`, `spec.proxyURL`); an explicit
 *    reference wins, so a stray stored credential can never override it;
 * 2. Flotilla's REST registration: the sealed ClusterCredential of that name.
 * Throws a 400-class ApiError saying what is missing; callers turn it into Karmada's
 * StatusCollectionFailed condition rather than retrying blindly.
 */
export async function resolveClusterKubeconfig(cluster: Cluster, deps: CredentialDeps): Promise<ResolvedMember> {
  const name = cluster.metadata.name ?? "";
  const ref = cluster.spec?.secretRef;
  if (!ref?.name) {
    const stored = await deps.store.get(name);
    if (stored) return fromCredential(stored, cluster);
    throw errors.badRequest(`cluster ${name} has no stored credentials and no spec.secretRef`);
  }
  const endpoint = cluster.spec.apiEndpoint;
  if (!endpoint) throw errors.badRequest(`cluster ${name} has a secretRef but no spec.apiEndpoint`);
  const secret = await deps.client.get<KubeObject>("v1", "Secret", ref.namespace || "default", ref.name);
  if (!secret) throw errors.badRequest(`secret ${ref.namespace}/${ref.name} of cluster ${name} not found`);
  const data = (secret.data ?? {}) as Record<string, string>;
  const token = decode(data.token);
  if (!token) throw errors.badRequest(`secret ${ref.namespace}/${ref.name} of cluster ${name} has no "token" key`);
  const kubeconfig = memberKubeconfig({
    name,
    server: normalizeEndpoint(endpoint),
    token,
    caData: decode(data.caBundle) || undefined,
    insecure: cluster.spec.insecureSkipTLSVerification,
    proxyURL: cluster.spec.proxyURL,
  });
  return { kubeconfig, fingerprint: fingerprint(kubeconfig), source: "secretRef" };
}

/**
 * A cheap marker of everything resolveClusterKubeconfig reads: equal markers mean an equal
 * result. Revalidating 100 members every few seconds by resolving in full (decrypting, writing
 * a kubeconfig, hashing it) cost more than the probes themselves; this reads the Secret's
 * resourceVersion or the stored credential's change time instead.
 */
export async function credentialSource(cluster: Cluster, deps: CredentialDeps): Promise<string> {
  const spec = cluster.spec ?? {};
  const common = `${cluster.metadata.uid ?? ""}|${spec.apiEndpoint ?? ""}|${spec.insecureSkipTLSVerification === true}|${spec.proxyURL ?? ""}`;
  const ref = spec.secretRef;
  if (ref?.name) {
    const secret = await deps.client.get<KubeObject>("v1", "Secret", ref.namespace || "default", ref.name);
    return `secret:${ref.namespace || "default"}/${ref.name}@${secret?.metadata.uid ?? "-"}/${secret?.metadata.resourceVersion ?? "-"}|${common}`;
  }
  return `stored:${(await deps.store.version(cluster.metadata.name ?? "")) ?? "-"}|${common}`;
}

function fromCredential(c: MemberCredential, cluster: Cluster): ResolvedMember {
  if (c.kind === "kubeconfig") return { kubeconfig: c.kubeconfig, context: c.context, fingerprint: fingerprint(c.kubeconfig, c.context), source: "credential" };
  const kubeconfig = memberKubeconfig({
    name: cluster.metadata.name ?? "member",
    server: normalizeEndpoint(c.apiEndpoint),
    token: c.token,
    caData: c.caData,
    insecure: c.insecureSkipTLSVerification,
    proxyURL: cluster.spec?.proxyURL,
  });
  return { kubeconfig, fingerprint: fingerprint(kubeconfig), source: "credential" };
}

/** Karmada accepts host, host:port, IP or IP:port as well as a URL; a bare host means https. */
export function normalizeEndpoint(endpoint: string): string {
  const e = endpoint.trim();
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(e) ? e.replace(/\/+$/, "") : `https://${e}`;
}

/** A one-context kubeconfig for a token-authenticated member (CA optional when insecure). */
export function memberKubeconfig(o: { name: string; server: string; token: string; caData?: string; insecure?: boolean; proxyURL?: string }): string {
  const cluster: Record<string, unknown> = { server: o.server };
  if (o.caData) cluster["certificate-authority-data"] = toBase64(o.caData);
  if (o.insecure) cluster["insecure-skip-tls-verify"] = true;
  if (o.proxyURL) cluster["proxy-url"] = o.proxyURL;
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: o.name, cluster }],
    users: [{ name: o.name, user: { token: o.token } }],
    contexts: [{ name: o.name, context: { cluster: o.name, user: o.name } }],
    "current-context": o.name,
  });
}

function fingerprint(kubeconfig: string, context = ""): string {
  return createHash("sha256").update(kubeconfig).update("\0").update(context).digest("hex");
}

function decode(b64: string | undefined): string {
  if (!b64) return "";
  return Buffer.from(b64, "base64").toString("utf8").trim();
}
