import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { startPlane, type KubectlResult, type Plane } from "../control-plane/harness";
import type { SandboxManager } from "../../lib/sandbox/sandbox-manager";
import type { ObjectClient } from "../../lib/kube/client";

/**
 * The real control plane (startControlPlane) with sandbox members, driven the way a user does:
 * kubectl against the control plane, and kubectl through each member's own kubeconfig.
 */
export interface SamplePlane {
  plane: Plane & { databaseUrl?: string; dropDatabase?: () => Promise<void> };
  /** kubectl against the control plane. */
  kubectl: Plane["kubectl"];
  /** kubectl against one sandbox member through `<dataDir>/sandboxes/<name>.kubeconfig`. */
  member(name: string, args: string[], stdin?: string): Promise<KubectlResult>;
  /** The control plane's in-process client (for reads where kubectl adds nothing). */
  client: ObjectClient;
  sandboxes: SandboxManager;
  destroy(): Promise<void>;
}

export async function startSamplePlane(sandboxes = ["member1", "member2", "member3"], env: Record<string, string> = {}): Promise<SamplePlane> {
  const plane = await startPlane({ env: { FLOTILLA_SANDBOXES: sandboxes.join(","), FLOTILLA_CLUSTER_STATUS_INTERVAL_MS: "1000", ...env } });
  const cacheDir = await mkdtemp(path.join(tmpdir(), "flotilla-member-kubectl-"));
  const member = (name: string, args: string[], stdin?: string) => runKubectl(path.join(plane.dataDir, "sandboxes", `${name}.kubeconfig`), cacheDir, args, stdin);
  return {
    plane,
    kubectl: plane.kubectl,
    member,
    client: plane.handle.services.client as ObjectClient,
    sandboxes: plane.handle.services.sandboxes as SandboxManager,
    async destroy() {
      await plane.destroy();
      await rm(cacheDir, { recursive: true, force: true });
    },
  };
}

/** Runs the machine's kubectl with a kubeconfig; never rejects (the exit code is in the result). */
export function runKubectl(kubeconfig: string, cacheDir: string, args: string[], stdin?: string, timeoutMs = 60_000): Promise<KubectlResult> {
  return new Promise<KubectlResult>((resolve) => {
    const child = execFile(
      "/usr/bin/kubectl",
      ["--kubeconfig", kubeconfig, "--cache-dir", cacheDir, ...args],
      { timeout: timeoutMs, env: { ...process.env, HOME: cacheDir }, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) || 1 : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin ?? "");
  });
}

/** kubectl get -o json, parsed; undefined when the object does not exist (any non-zero exit). */
export async function getJson<T = any>(run: (args: string[]) => Promise<KubectlResult>, args: string[]): Promise<T | undefined> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await run(["get", ...args, "-o", "json"]);
  return r.code === 0 ? (JSON.parse(r.stdout) as T) : undefined;
}

/** Polls `fn` until it returns a truthy value; throws the last error (or a timeout) after `ms`. */
export async function until<T>(what: string, fn: () => Promise<T | undefined | false | null>, ms = 30_000, everyMs = 150): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A sample file: from KARMADA_SAMPLES_DIR (Karmada's own text) or from our fixtures. */
export interface SampleSource {
  label: string;
  read(file: string): Promise<string>;
}

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), "fixtures");

/** Our own manifests (always), plus Karmada's samples folder when KARMADA_SAMPLES_DIR is set. */
export function sampleSources(): SampleSource[] {
  const out: SampleSource[] = [{ label: "fixtures", read: (f) => readFile(path.join(FIXTURES, f), "utf8") }];
  const dir = process.env.KARMADA_SAMPLES_DIR;
  if (dir) out.push({ label: "karmada", read: (f) => readFile(path.join(dir, f), "utf8") });
  return out;
}

/** Objects of a multi-document YAML text. */
export function yamlObjects(text: string): Record<string, unknown>[] {
  return parseAllDocuments(text).map((d) => d.toJSON() as Record<string, unknown>).filter(Boolean);
}
