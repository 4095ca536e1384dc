import https from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createEphemeralTls } from "../../tls";
import { buildKubeconfig } from "../../../kube/kubeconfig";
import { ApiError } from "../../../kube/errors";
import { decodeProtobufObject, isProtobufContentType } from "../codec";

/** One POST the capture server received. */
export interface CapturedRequest {
  path: string;
  contentType: string;
  body: Uint8Array;
}

const RESOURCES: Record<string, { name: string; kind: string; namespaced: boolean }[]> = {
  "/api/v1": [
    { name: "namespaces", kind: "Namespace", namespaced: false },
    { name: "configmaps", kind: "ConfigMap", namespaced: true },
    { name: "secrets", kind: "Secret", namespaced: true },
    { name: "services", kind: "Service", namespaced: true },
    { name: "serviceaccounts", kind: "ServiceAccount", namespaced: true },
    { name: "serviceaccounts/token", kind: "TokenRequest", namespaced: true },
    { name: "resourcequotas", kind: "ResourceQuota", namespaced: true },
  ],
  "/apis/apps/v1": [{ name: "deployments", kind: "Deployment", namespaced: true }],
  "/apis/batch/v1": [
    { name: "jobs", kind: "Job", namespaced: true },
    { name: "cronjobs", kind: "CronJob", namespaced: true },
  ],
  "/apis/networking.k8s.io/v1": [{ name: "ingresses", kind: "Ingress", namespaced: true }],
  "/apis/rbac.authorization.k8s.io/v1": [
    { name: "roles", kind: "Role", namespaced: true },
    { name: "clusterroles", kind: "ClusterRole", namespaced: false },
    { name: "rolebindings", kind: "RoleBinding", namespaced: true },
    { name: "clusterrolebindings", kind: "ClusterRoleBinding", namespaced: false },
  ],
  "/apis/policy/v1": [{ name: "poddisruptionbudgets", kind: "PodDisruptionBudget", namespaced: true }],
  "/apis/scheduling.k8s.io/v1": [{ name: "priorityclasses", kind: "PriorityClass", namespaced: false }],
  "/apis/authorization.k8s.io/v1": [{ name: "selfsubjectaccessreviews", kind: "SelfSubjectAccessReview", namespaced: false }],
  "/apis/authentication.k8s.io/v1": [{ name: "selfsubjectreviews", kind: "SelfSubjectReview", namespaced: false }],
};

const GROUPS = Object.keys(RESOURCES)
  .filter((p) => p.startsWith("/apis/"))
  .map((p) => p.split("/")[2]);

/** Server-filled status for the review/token kinds, so kubectl gets the answer it waits for. */
const STATUS: Record<string, unknown> = {
  SelfSubjectAccessReview: { allowed: true },
  TokenRequest: { token: "issued-token", expirationTimestamp: "2030-01-01T00:00:00Z" },
  SelfSubjectReview: { userInfo: { username: "tester", groups: ["system:authenticated"] } },
};
const VERBS = ["create", "delete", "get", "list", "patch", "update", "watch"];

/**
 * A throwaway HTTPS server speaking just enough of the Kubernetes API (version, legacy
 * discovery, POST) for `kubectl create <kind>` to run against it. It records every POST and
 * answers 201 with the protobuf body decoded to JSON (or a Status on decode errors).
 */
export async function startCaptureServer(): Promise<{ url: string; kubeconfig: string; requests: CapturedRequest[]; close(): Promise<void> }> {
  const tls = await createEphemeralTls({ commonName: "capture" });
  const requests: CapturedRequest[] = [];
  const server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    void handle(req, res, requests);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    kubeconfig: buildKubeconfig({ name: "capture", server: url, caData: tls.caCert, token: "t", namespace: "default" }),
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, requests: CapturedRequest[]): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const path = (req.url ?? "/").split("?")[0];
  if (req.method === "POST") {
    const body = new Uint8Array(Buffer.concat(chunks));
    const contentType = req.headers["content-type"] ?? "";
    requests.push({ path, contentType, body });
    try {
      const obj = isProtobufContentType(contentType) ? decodeProtobufObject(body) : JSON.parse(Buffer.from(body).toString("utf8"));
      const status = STATUS[(obj as { kind?: string }).kind ?? ""];
      return send(res, 201, status ? { ...obj, status } : obj);
    } catch (err) {
      if (ApiError.is(err)) return send(res, err.code, err.status);
      return send(res, 500, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: String(err), code: 500 });
    }
  }
  const doc = discovery(path);
  if (doc) return send(res, 200, doc);
  send(res, 404, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", reason: "NotFound", message: "not found", code: 404 });
}

function discovery(path: string): unknown {
  if (path === "/version") return { major: "1", minor: "32", gitVersion: "v1.32.4", platform: "linux/amd64" };
  if (path === "/api") return { kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress: "127.0.0.1" }] };
  if (path === "/apis") {
    const groups = GROUPS.map((name) => ({ name, versions: [{ groupVersion: `${name}/v1`, version: "v1" }], preferredVersion: { groupVersion: `${name}/v1`, version: "v1" } }));
    return { kind: "APIGroupList", apiVersion: "v1", groups };
  }
  const list = RESOURCES[path];
  if (!list) return undefined;
  const groupVersion = path === "/api/v1" ? "v1" : path.slice("/apis/".length);
  const resources = list.map((r) => ({ name: r.name, singularName: r.kind.toLowerCase(), namespaced: r.namespaced, kind: r.kind, verbs: VERBS }));
  return { kind: "APIResourceList", apiVersion: "v1", groupVersion, resources };
}

function send(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
