import { readFile } from "node:fs/promises";
import { stringify } from "yaml";
import { Agent, fetch as undiciFetch } from "undici";
import { createMemberClient, type MemberClient } from "../members/member-client";
import { ApiError, errors, statusFailure } from "../kube/errors";
import type { Status } from "../kube/types";
import { controlPlaneUrls } from "./options";

/** How the agent reaches the control plane: base URL plus TLS trust (HTTP needs none). */
export interface ControlPlaneTarget {
  controlPlane: string;
  /** The kube API when it is not `<controlPlane>/k8s` (the HTTPS kube port). */
  kubeApi?: string;
  caFile?: string;
  insecureSkipTLSVerify?: boolean;
}

/** A kubeconfig for the control plane's kube API (the console's /k8s mount) with the agent credential. */
export async function controlPlaneKubeconfig(target: ControlPlaneTarget, token: string, clusterName: string): Promise<string> {
  const { kube } = controlPlaneUrls(target.controlPlane, target.kubeApi);
  const cluster: Record<string, unknown> = { server: kube };
  if (kube.startsWith("https:")) {
    if (target.caFile) cluster["certificate-authority-data"] = Buffer.from(await readFile(target.caFile)).toString("base64");
    if (target.insecureSkipTLSVerify) cluster["insecure-skip-tls-verify"] = true;
  } else {
    // client-node refuses to send a token over plain HTTP unless TLS verification is "skipped"
    // (there is none to skip): sandbox agents reach the console's /k8s mount over HTTP.
    cluster["insecure-skip-tls-verify"] = true;
  }
  const name = `flotilla-${clusterName}`;
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name, cluster }],
    users: [{ name, user: { token } }],
    contexts: [{ name, context: { cluster: name, user: name } }],
    "current-context": name,
  });
}

/** The agent's ObjectClient on the control plane (client-node, one keep-alive pool). */
export async function connectControlPlane(target: ControlPlaneTarget, token: string, clusterName: string, timeoutMs = 15_000): Promise<MemberClient> {
  return createMemberClient({ kubeconfig: await controlPlaneKubeconfig(target, token, clusterName), timeoutMs, fieldManager: "flotilla-agent" });
}

/**
 * Trades the bootstrap token for the agent credential (POST /api/v1/clusters/pull-tokens/exchange).
 * Refusals come back as the server's Status (expired, revoked, used, wrong cluster); network
 * failures as 503 so the caller can retry.
 */
export async function exchangeBootstrapToken(target: ControlPlaneTarget, bootstrapToken: string, clusterName: string): Promise<string> {
  const { console: base } = controlPlaneUrls(target.controlPlane);
  const https = base.startsWith("https:");
  const dispatcher = https ? new Agent({ connect: { ca: target.caFile ? await readFile(target.caFile, "utf8") : undefined, rejectUnauthorized: !target.insecureSkipTLSVerify } }) : undefined;
  try {
    let res;
    try {
      res = await undiciFetch(`${base}/api/v1/clusters/pull-tokens/exchange`, {
        method: "POST",
        headers: { authorization: `Bearer ${bootstrapToken}`, "content-type": "application/json" },
        body: JSON.stringify({ clusterName }),
        dispatcher,
        signal: AbortSignal.timeout(15_000),
      });
    } catch (err) {
      throw errors.serviceUnavailable(`cannot reach the control plane at ${base}: ${(err as Error).cause ?? (err as Error).message}`);
    }
    const body = (await res.json().catch(() => undefined)) as (Status & { token?: string }) | undefined;
    if (res.ok && body?.token) return body.token;
    if (body?.kind === "Status") throw new ApiError(body);
    throw new ApiError(statusFailure(res.status, "InternalError", `unexpected answer ${res.status} from ${base}`));
  } finally {
    await dispatcher?.close();
  }
}
