import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Agent, request } from "undici";
import { createTestDatabase } from "../../lib/store/test-databases";
import { startSandboxHost } from "../../lib/sandbox/host/sandbox-host";
import type { HostedSandbox } from "../../lib/sandbox/host/protocol";
import { startPlaneProcess, type PlaneProcess } from "./child-plane";
import { freePort } from "./env";
import { kubeHttp, type KubeHttp } from "./kube-http";
import { registerHosted, trackClusters } from "./members";
import { pool, waitUntil } from "./stats";
import { trackWorks } from "./work-tracker";
import { BINDINGS, benchDeployment, benchPolicy, DEPLOYMENTS, duplicatedTo, POLICIES, WORKS } from "./workloads";
import { runAsScript } from "./run-as-script";

export interface HandoverOptions {
  /** A Postgres server URL; the run creates and drops its own database there. */
  serverUrl: string;
  deployments?: number;
  members?: number;
  /** Kill the leader once this many Works are Applied. Default a third of all Works. */
  killAfterWorks?: number;
  leaseDurationMs?: number;
  progress?: (msg: string) => void;
}

export interface HandoverFigures {
  deployments: number;
  members: number;
  /** SIGKILL of the leader → the follower reports running the controllers. */
  handoverMs: number;
  /** Applied Works when the leader was killed. */
  appliedAtKill: number;
  /** SIGKILL → every Deployment on every member. */
  finishMs: number;
  bindings: number;
  works: number;
  /** Deployments found in each member (by name, from the member's API). */
  perMember: Record<string, number>;
  /** Deployments missing from some member (name@member). */
  missing: string[];
  /** Works whose binding has more Works than members (duplicates). */
  duplicateWorks: number;
  /** Whether the follower ran controllers before the leader died. */
  followerLedEarly: boolean;
}

/** Names of the Deployments of `ns` in a member, from its own API over HTTPS. */
async function memberDeployments(s: HostedSandbox): Promise<Set<string>> {
  const agent = new Agent({ connect: { ca: s.caCert } });
  try {
    const res = await request(`${s.server}/apis/apps/v1/namespaces/default/deployments`, { headers: { authorization: `Bearer ${s.token}` }, dispatcher: agent });
    const body = (await res.body.json()) as { items: { metadata: { name: string } }[] };
    return new Set(body.items.map((d) => d.metadata.name));
  } finally {
    await agent.close();
  }
}

/**
 * Two control plane processes on one fresh Postgres database, members in a third process.
 * The first one leads; Deployments (Duplicated to every member) are created through the
 * follower's API while the leader propagates them; once `killAfterWorks` Works are Applied the
 * leader gets SIGKILL. Measures the hand-over and checks that every Deployment reaches every
 * member, with exactly one Work per (binding, member).
 */
export async function runHandover(o: HandoverOptions): Promise<HandoverFigures> {
  const count = o.deployments ?? 300;
  const memberCount = o.members ?? 3;
  const progress = o.progress ?? (() => undefined);
  const dir = await mkdtemp(path.join(tmpdir(), "flotilla-replicas-"));
  const db = await createTestDatabase(o.serverUrl);
  const shared = {
    DATABASE_URL: db.url,
    FLOTILLA_ADMIN_TOKEN: randomBytes(24).toString("hex"),
    // Both replicas must read the member credentials the other stored.
    FLOTILLA_SECRET_KEY: randomBytes(32).toString("hex"),
    FLOTILLA_LEASE_DURATION_MS: String(o.leaseDurationMs ?? 10_000),
    FLOTILLA_LEASE_RETRY_MS: "1000",
    FLOTILLA_CLUSTER_STATUS_INTERVAL_MS: "2000",
  };
  const planeEnv = async (name: string) => ({ ...shared, FLOTILLA_DATA_DIR: path.join(dir, name), FLOTILLA_KUBE_PORT: String(await freePort()), PORT: String(await freePort()) });
  const host = await startSandboxHost({ dataDir: path.join(dir, "sandboxes"), specDefaults: { startupDelayMs: 100, pods: 1000 } });
  const planes: PlaneProcess[] = [];
  const clients: KubeHttp[] = [];
  try {
    const leader = await startPlaneProcess(await planeEnv("a"));
    planes.push(leader);
    await leader.leading(30_000);
    const follower = await startPlaneProcess(await planeEnv("b"));
    planes.push(follower);
    let followerLedEarly = false;
    follower.child.stdout!.on("data", (b: Buffer) => {
      if (leader.child.exitCode === null && leader.child.signalCode === null && b.toString().includes("LEADER true")) followerLedEarly = true;
    });
    const kube = await kubeHttp(path.join(dir, "b", "kubeconfig"), 8);
    clients.push(kube);
    const clusters = await trackClusters(kube);
    progress(`registering ${memberCount} members`);
    const members = await host.create(Array.from({ length: memberCount }, (_, i) => ({ name: `replica-m${i + 1}` })));
    for (const m of members) await registerHosted(kube, m);
    await Promise.all(members.map((m) => clusters.ready(m.name)));
    clusters.close();
    await kube.create(POLICIES, benchPolicy("replicas", "replicas", duplicatedTo(members.map((m) => m.name))));
    const works = await trackWorks(kube);
    const total = count * memberCount;
    const killAt = o.killAfterWorks ?? Math.floor(total / 3);
    let killedAt = 0;
    const killer = waitUntil(() => works.tally.total >= killAt, 600_000, "Works before the kill", 50).then(async () => {
      killedAt = performance.now();
      const applied = works.tally.total;
      await leader.kill("SIGKILL");
      progress(`leader killed at ${applied} Applied Works`);
      return applied;
    });
    await pool(count, 8, (i) => kube.create(DEPLOYMENTS, benchDeployment(`replica-${i}`, "replicas")));
    const appliedAtKill = await killer;
    const ledAt = await follower.leading(60_000);
    progress("follower leads; waiting for every Work");
    await waitUntil(async () => {
      progress(`${works.tally.total}/${total} Works applied`);
      return works.tally.total >= total;
    }, 600_000, "every Work Applied after the hand-over", 500);
    const finishMs = performance.now() - killedAt;
    works.close();
    const perMember: Record<string, number> = {};
    const missing: string[] = [];
    for (const m of members) {
      const names = await memberDeployments(m);
      perMember[m.name] = names.size;
      for (let i = 0; i < count; i++) if (!names.has(`replica-${i}`)) missing.push(`replica-${i}@${m.name}`);
    }
    const bindings = await kube.listAll(BINDINGS.replace("resourcebindings", "namespaces/default/resourcebindings"));
    const allWorks = await kube.listAll<{ metadata: { annotations?: Record<string, string> } }>(WORKS);
    const perBinding = new Map<string, number>();
    for (const w of allWorks) {
      const b = w.metadata.annotations?.["resourcebinding.karmada.io/name"] ?? "";
      perBinding.set(b, (perBinding.get(b) ?? 0) + 1);
    }
    const duplicateWorks = [...perBinding.values()].reduce((n, v) => n + Math.max(0, v - memberCount), 0);
    return { deployments: count, members: memberCount, handoverMs: Math.round(ledAt - killedAt), appliedAtKill, finishMs: Math.round(finishMs), bindings: bindings.length, works: allWorks.length, perMember, missing, duplicateWorks, followerLedEarly };
  } finally {
    for (const c of clients) await c.close().catch(() => undefined);
    for (const p of planes) await p.kill("SIGTERM");
    await host.stop();
    await db.drop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

runAsScript(import.meta.url, async ({ progress }) => {
  const serverUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("set DATABASE_URL or TEST_DATABASE_URL to a Postgres server");
  return runHandover({ serverUrl, deployments: Number(process.env.N ?? 300), progress });
});
