import https from "node:https";
import type { AddressInfo } from "node:net";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { MemoryStorage } from "../store/memory-storage";
import { ResourceRegistry } from "../kube/resources/registry";
import type { ResourceDescriptor } from "../kube/resource-descriptor";
import { createApiServer, type ApiServer } from "./api-server";
import { createEphemeralTls } from "./tls";
import { buildKubeconfig } from "../kube/kubeconfig";
import { nodeApiListener } from "./http/node-listener";

/**
 * An HTTPS API server over MemoryStorage plus a kubeconfig and a kubectl runner, for the
 * integration tests of lib/apiserver (and anyone else who needs a throwaway cluster).
 */
export interface TestCluster {
  api: ApiServer;
  url: string;
  kubeconfig: string;
  kubeconfigPath: string;
  dir: string;
  kubectl(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }>;
  close(): Promise<void>;
}

export const TEST_TOKEN = "test-token";

export async function startTestCluster(descriptors: ResourceDescriptor[]): Promise<TestCluster> {
  const dir = await mkdtemp(path.join(tmpdir(), "flotilla-apiserver-"));
  const tls = await createEphemeralTls();
  const api = createApiServer({
    storage: new MemoryStorage(),
    registry: new ResourceRegistry(descriptors),
    authenticate: async (req) => (req.headers.get("authorization") === `Bearer ${TEST_TOKEN}` ? { username: "admin" } : null),
  });
  await api.start();
  let url = "";
  const server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => nodeApiListener(api.serve, url)(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const kubeconfig = buildKubeconfig({ name: "test", server: url, caData: tls.caCert, token: TEST_TOKEN });
  const kubeconfigPath = path.join(dir, "kubeconfig");
  await writeFile(kubeconfigPath, kubeconfig);
  const kubectl = (args: string[], stdin?: string) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(
        "/usr/bin/kubectl",
        ["--kubeconfig", kubeconfigPath, "--cache-dir", path.join(dir, "cache"), ...args],
        { timeout: 60_000, env: { ...process.env, HOME: dir } },
        (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
      if (stdin !== undefined) child.stdin?.end(stdin);
      else child.stdin?.end();
    });
  return {
    api,
    url,
    kubeconfig,
    kubeconfigPath,
    dir,
    kubectl,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await api.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
