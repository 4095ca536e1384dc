import https from "node:https";
import type { AddressInfo } from "node:net";
import { createApiServer, type ApiServer } from "../../apiserver/api-server";
import { createEphemeralTls, type TlsMaterial } from "../../apiserver/tls";
import { buildKubeconfig } from "../../kube/kubeconfig";
import { memberClusterDescriptors } from "../../kube/resources";
import { ResourceRegistry } from "../../kube/resources/registry";
import { nodeHandler } from "../../server/node-http";
import { MemoryStorage } from "../../store/memory-storage";

/** How a test member behaves: serve normally, never answer, or be down (port closed). */
export type MemberMode = "ok" | "hang" | "down";

/**
 * A real HTTPS member cluster for integration tests (lib/apiserver over MemoryStorage, like a
 * sandbox) whose availability a test can switch: "down" closes the port (connection refused)
 * and "ok" reopens it on the same port; "hang" accepts requests and never answers.
 */
export interface TestMember {
  api: ApiServer;
  url: string;
  token: string;
  caCert: string;
  kubeconfig: string;
  setMode(mode: MemberMode): Promise<void>;
  /** Requests seen per path since start (e.g. "/readyz"). */
  hits: Map<string, number>;
  close(): Promise<void>;
}

export async function startTestMember(opts: { name?: string; token?: string; tls?: TlsMaterial } = {}): Promise<TestMember> {
  const token = opts.token ?? `token-${Math.random().toString(36).slice(2)}`;
  const tls = opts.tls ?? (await createEphemeralTls());
  const api = createApiServer({
    storage: new MemoryStorage(),
    registry: new ResourceRegistry(memberClusterDescriptors()),
    authenticate: async (req) => (req.headers.get("authorization") === `Bearer ${token}` ? { username: "admin", groups: ["system:masters"] } : null),
  });
  await api.start();
  let mode: MemberMode = "ok";
  const hits = new Map<string, number>();
  let url = "";
  const handle = nodeHandler((r) => api.handle(r), "https://127.0.0.1");
  const server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (mode === "hang") return;
    handle(req, res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  url = `https://127.0.0.1:${port}`;
  const stopListening = () =>
    new Promise<void>((r) => {
      server.close(() => r());
      server.closeAllConnections();
    });
  return {
    api,
    url,
    token,
    caCert: tls.caCert,
    kubeconfig: buildKubeconfig({ name: opts.name ?? "member", server: url, caData: tls.caCert, token }),
    hits,
    async setMode(next) {
      if (next === mode) return;
      if (next === "down") await stopListening();
      else if (mode === "down") await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
      if (next === "ok") server.closeAllConnections();
      mode = next;
    },
    async close() {
      if (mode !== "down") await stopListening();
      await api.stop();
    },
  };
}
