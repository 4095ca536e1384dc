import { readFile } from "node:fs/promises";
import path from "node:path";
import * as f from "./fixtures";

/**
 * Seeds a running server through its Kubernetes-compatible API at /k8s, as kubectl would, with
 * the admin token the server wrote into its data dir. Going through the real API (rather than a
 * test-only route into the store) means the seeded objects are defaulted, validated and
 * watched exactly like users' objects, and the product carries no test backdoor.
 */
export interface SeedFigures {
  objects: number;
  requests: number;
  ms: number;
}

type Req = { method: "POST" | "PATCH"; path: string; body: unknown };

export class KubeSeeder {
  private requests = 0;
  constructor(
    private readonly base: string,
    private readonly token: string,
  ) {}

  static async fromDataDir(base: string, dataDir = process.env.E2E_DATA_DIR ?? ""): Promise<KubeSeeder> {
    const token = (await readFile(path.join(dataDir, "admin-token"), "utf8")).trim();
    return new KubeSeeder(base, token);
  }

  /** Sends one request; 409 AlreadyExists on a create is fine (a re-run over the same store). */
  async send(r: Req): Promise<unknown> {
    this.requests++;
    const res = await fetch(`${this.base}/k8s${r.path}`, {
      method: r.method,
      headers: { Authorization: `Bearer ${this.token}`, "Content-Type": r.method === "PATCH" ? "application/merge-patch+json" : "application/json", Accept: "application/json" },
      body: JSON.stringify(r.body),
    });
    const body = await res.text();
    if (res.ok || (r.method === "POST" && res.status === 409)) return body ? JSON.parse(body) : undefined;
    throw new Error(`${r.method} ${r.path}: HTTP ${res.status} ${body.slice(0, 300)}`);
  }

  /** Runs `count` jobs with at most `concurrency` in flight. */
  async pool(count: number, concurrency: number, job: (i: number) => Promise<unknown>): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < count) await job(next++);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  }

  get sent(): number {
    return this.requests;
  }
}

const NS = (ns: string) => `/api/v1/namespaces/${ns}`;

/** Seeds the shape: namespaces, clusters (+ status), templates, bindings (+ status), policies. */
export async function seedStore(seeder: KubeSeeder, shape: f.ScaleShape, concurrency = 12): Promise<SeedFigures> {
  const started = performance.now();
  const now = new Date();
  const sentBefore = seeder.sent;
  await seeder.pool(shape.namespaces, concurrency, (i) => seeder.send({ method: "POST", path: "/api/v1/namespaces", body: f.namespace(i) }));
  // Statuses go in as merge patches of the status subresource: controllers touch the objects
  // right after creation (finalizers), so a PUT of the created copy would conflict.
  await seeder.pool(shape.clusters, concurrency, async (i) => {
    const path = "/apis/cluster.karmada.io/v1alpha1/clusters";
    await seeder.send({ method: "POST", path, body: f.cluster(i) });
    await seeder.send({ method: "PATCH", path: `${path}/${f.clusterName(i)}/status`, body: { status: f.clusterStatus(i, now) } });
  });
  await seeder.pool(shape.resources, concurrency, async (i) => {
    const t = f.template(i, shape);
    const plural = t.kind === "ConfigMap" ? `${NS(t.metadata.namespace)}/configmaps` : `/apis/apps/v1/namespaces/${t.metadata.namespace}/deployments`;
    await seeder.send({ method: "POST", path: plural, body: t });
    const b = f.binding(i, shape);
    const rbPath = `/apis/work.karmada.io/v1alpha2/namespaces/${b.metadata.namespace}/resourcebindings`;
    await seeder.send({ method: "POST", path: rbPath, body: b });
    await seeder.send({ method: "PATCH", path: `${rbPath}/${b.metadata.name}/status`, body: { status: f.bindingStatus(i, now) } });
  });
  await seeder.pool(shape.policies, concurrency, (i) => {
    const p = f.policy(i, shape);
    return seeder.send({ method: "POST", path: `/apis/policy.karmada.io/v1alpha1/namespaces/${p.metadata.namespace}/propagationpolicies`, body: p });
  });
  const objects = shape.namespaces + shape.clusters + shape.resources * 2 + shape.policies;
  return { objects, requests: seeder.sent - sentBefore, ms: Math.round(performance.now() - started) };
}
