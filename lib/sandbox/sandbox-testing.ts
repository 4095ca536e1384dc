import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { ObjectClient } from "../kube/client";
import type { KubeObject } from "../kube/types";
import { SandboxManager, type SandboxManagerOptions } from "./sandbox-manager";

const run = promisify(execFile);

/** A manager over a fresh temp data dir with fast simulated delays, for integration tests. */
export async function testManager(opts: Partial<SandboxManagerOptions> = {}): Promise<{ manager: SandboxManager; dataDir: string; cleanup(): Promise<void> }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "flotilla-sandbox-"));
  const manager = new SandboxManager({ dataDir, snapshotDelayMs: 20, specDefaults: { startupDelayMs: 150, evictionDelayMs: 300 }, ...opts });
  return {
    manager,
    dataDir,
    async cleanup() {
      await manager.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs the machine's kubectl against a kubeconfig with a private discovery cache; resolves stdout, rejects with stderr. */
export async function kubectl(kubeconfig: string, args: string[], input?: string): Promise<string> {
  const cache = path.join(path.dirname(kubeconfig), ".kube-cache");
  const child = run("kubectl", ["--kubeconfig", kubeconfig, "--cache-dir", cache, ...args], { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  try {
    return (await child).stdout;
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`kubectl ${args.join(" ")} failed: ${err.stderr || err.message}`);
  }
}

/** Polls `fn` until it returns a truthy value (or throws the last failure after `timeoutMs`). */
export async function eventually<T>(fn: () => Promise<T | undefined | false>, timeoutMs = 15_000, stepMs = 50): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** A Deployment manifest with per-pod cpu requests. */
export function deployment(name: string, replicas: number, cpu = "100m", namespace = "default"): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "app", image: "nginx:1.27", resources: { requests: { cpu, memory: "64Mi" } } }] } },
    },
  };
}

/** status of a Deployment as the sandbox stores it. */
export async function deploymentStatus(client: ObjectClient, name: string, namespace = "default"): Promise<Record<string, unknown>> {
  const d = await client.get("apps/v1", "Deployment", namespace, name);
  return (d?.status ?? {}) as Record<string, unknown>;
}
