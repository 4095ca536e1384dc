import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from "vitest";
import { freePort, usePostgres } from "../control-plane/harness";
import { until } from "../samples/harness";
import { commandArgs, spawnAgent, startPlaneProcess, type AgentChild, type PlaneProcess } from "./harness";
import { testManager } from "../../lib/sandbox/sandbox-testing";
import type { SandboxManager } from "../../lib/sandbox/sandbox-manager";
import type { ObjectClient } from "../../lib/kube/client";
import type { Cluster } from "../../lib/kube/karmada";
import type { KubeObject } from "../../lib/kube/types";
import { ApiError } from "../../lib/kube/errors";
import { createMemberClient, type MemberClient } from "../../lib/members/member-client";
import { openDatabase } from "../../lib/store/database";
import { PrismaStorage } from "../../lib/store/prisma-storage";
import { createTestDatabase, testServerUrl } from "../../lib/store/test-databases";

/**
 * Killing the control plane under a running Pull agent. The member (a sandbox in this process),
 * the agent (a child process started from the very command the REST API prints: HTTPS kube
 * port with --ca-file) and the control plane (another child process) are apart; the control
 * plane is SIGKILLed and started again on the same data dir, database and ports. The agent must
 * not exit, must reconnect, resume its Work watch from its last resourceVersion (or relist
 * after a 410), and leave the member with every change applied exactly once.
 */
const CLUSTER = "edge1";
const NS = "default";
const AGENT_ENV = { FLOTILLA_AGENT_LEASE_RENEW_MS: "500", FLOTILLA_AGENT_STATUS_INTERVAL_MS: "1000", FLOTILLA_AGENT_RESYNC_MS: "60000", FLOTILLA_LOG_LEVEL: "info" };

let sandboxes: { manager: SandboxManager; cleanup(): Promise<void> };
let member: ObjectClient;
let dataDir: string;
let dropDatabase: (() => Promise<void>) | undefined;
let planeEnv: Record<string, string>;
let plane: PlaneProcess;
let admin: MemberClient;
let agent: AgentChild;
let command: string;

const cp = () => admin;
const ready = (c: Cluster | undefined) => c?.status?.conditions?.find((x) => x.type === "Ready")?.status;
const step = (msg: string) => process.env.AGENT_TEST_DEBUG && process.stderr.write(`${new Date().toISOString()} ${msg}\n`);

function deployment(name: string, replicas: number, labels: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: NS, labels: { group: "restart", ...labels } },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "c", image: "nginx:1.27" }] } } },
  } as KubeObject;
}

type Replicated = KubeObject & { spec: { replicas: number } };

/**
 * Read-modify-write of a Deployment, again on a 409: controllers (status aggregation on the
 * control plane, the agent in the member) write the same object meanwhile, as with any client.
 */
async function updateDeployment(client: ObjectClient, name: string, change: (d: Replicated) => Replicated): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const current = (await client.get<Replicated>("apps/v1", "Deployment", NS, name))!;
    try {
      await client.update(change(current));
      return;
    } catch (err) {
      if (!ApiError.is(err, "Conflict") || attempt >= 10) throw err;
    }
  }
}

const inMember = (name: string) => member.get<KubeObject & { spec: { replicas: number } }>("apps/v1", "Deployment", NS, name);
const memberNames = async () => (await member.list("apps/v1", "Deployment", { namespace: NS })).items.map((d) => d.metadata.name).sort();
const relists = () => agent.logs().filter((l) => l.msg === "resourceVersion expired; relisting" && l.informer === "work.karmada.io/v1alpha1/Work").length;

/** SIGKILL, then `whileDown`, then a fresh process on the same data dir, database and ports. */
async function killAndRestartPlane(whileDown: () => Promise<void> = async () => undefined): Promise<void> {
  step("killing the control plane");
  await plane.kill("SIGKILL");
  await whileDown();
  step("starting the control plane");
  plane = await startPlaneProcess(planeEnv);
  step("control plane back");
}

beforeAll(async () => {
  sandboxes = await testManager();
  const info = await sandboxes.manager.create({ name: CLUSTER, mode: "Pull" });
  member = sandboxes.manager.cluster(CLUSTER)!.client;
  dataDir = await mkdtemp(path.join(tmpdir(), "flotilla-cp-"));
  let databaseUrl = "";
  if (usePostgres) {
    const db = await createTestDatabase(testServerUrl()!);
    databaseUrl = db.url;
    dropDatabase = () => db.drop();
  }
  const consolePort = await freePort();
  planeEnv = {
    FLOTILLA_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    PORT: String(consolePort),
    FLOTILLA_KUBE_PORT: String(await freePort()),
    FLOTILLA_SANDBOXES: "",
    FLOTILLA_LOG_LEVEL: "warn",
    FLOTILLA_CLUSTER_STATUS_INTERVAL_MS: "1000",
    FLOTILLA_CLUSTER_GRACE_PERIOD_MS: "3000",
  };
  plane = await startPlaneProcess(planeEnv);
  admin = createMemberClient({ kubeconfig: await readFile(path.join(dataDir, "kubeconfig"), "utf8") });
  // Issue the bootstrap token through the REST API, as an operator would, and run its command as printed.
  const adminToken = (await readFile(path.join(dataDir, "admin-token"), "utf8")).trim();
  const res = await fetch(`http://127.0.0.1:${consolePort}/api/v1/clusters/pull-tokens`, {
    method: "POST",
    headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
    body: JSON.stringify({ clusterName: CLUSTER, kubeconfigPath: info.kubeconfigPath }),
  });
  expect(res.status).toBe(201);
  command = ((await res.json()) as { command: string }).command;
  agent = spawnAgent(commandArgs(command), AGENT_ENV);
}, 90_000);

afterAll(async () => {
  await agent?.stop();
  await admin?.close();
  await plane?.kill("SIGTERM");
  await sandboxes?.cleanup();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  await dropDatabase?.();
});

beforeEach(() => {
  onTestFailed(() => {
    const tail = agent?.logs().slice(-40).map((l) => JSON.stringify(l)).join("\n");
    process.stderr.write(`agent (exit ${agent?.exitCode()}) log tail:\n${tail}\nstderr: ${agent?.stderr()}\ncontrol plane log tail:\n${plane?.log().slice(-3000)}\n`);
  });
});

describe("control-plane restart under a running Pull agent", () => {
  it("the printed command uses the HTTPS kube port with the data dir's CA, and the agent registers with it", async () => {
    expect(command).toContain(`--kube-api https://127.0.0.1:${planeEnv.FLOTILLA_KUBE_PORT}`);
    expect(command).toContain(`--ca-file ${path.join(dataDir, "tls", "ca.crt")}`);
    const c = await until("edge1 Ready", async () => {
      const x = await cp().get<Cluster>("cluster.karmada.io/v1alpha1", "Cluster", undefined, CLUSTER);
      return ready(x) === "True" ? x : undefined;
    }, 60_000);
    expect(c.spec.syncMode).toBe("Pull");
    await cp().create({
      apiVersion: "policy.karmada.io/v1alpha1",
      kind: "PropagationPolicy",
      metadata: { name: "restart", namespace: NS },
      spec: {
        resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", labelSelector: { matchLabels: { group: "restart" } } }],
        placement: {
          clusterAffinity: { clusterNames: [CLUSTER] },
          // The cluster may look NotReady while the control plane is away: stay, do not fail over.
          clusterTolerations: ["unreachable", "not-ready"].flatMap((k) => ["NoExecute", "NoSchedule"].map((effect) => ({ key: `cluster.karmada.io/${k}`, operator: "Exists", effect }))),
        },
      },
    } as KubeObject);
    for (const name of ["a", "b", "c"]) await cp().create(deployment(name, 1));
    await until("a, b, c in the member", async () => (await memberNames()).join() === "a,b,c", 60_000);
  }, 90_000);

  it("corrects drift while the control plane is down, and catches up on changes made the moment it is back", async () => {
    await killAndRestartPlane(async () => {
      // The agent still holds its Works: member drift is undone from its cache, control plane or not.
      await updateDeployment(member, "a", (a) => ({ ...a, spec: { ...a.spec, replicas: 7 } }));
      await member.delete({ apiVersion: "apps/v1", kind: "Deployment", namespace: NS, name: "b" });
      await until("drift undone while the control plane is down", async () => (await inMember("a"))?.spec.replicas === 1 && (await inMember("b")) !== undefined, 20_000);
    });
    // Changes the agent has not seen yet: it is still in its reconnect backoff.
    await updateDeployment(cp(), "a", (a) => ({ ...a, metadata: { ...a.metadata, labels: { ...a.metadata.labels, tier: "web" } }, spec: { ...a.spec, replicas: 3 } }));
    await cp().delete({ apiVersion: "apps/v1", kind: "Deployment", namespace: NS, name: "c" });
    await cp().create(deployment("d", 2));
    await until("member caught up", async () => {
      const x = await inMember("a");
      return x?.spec.replicas === 3 && x.metadata.labels?.tier === "web" && (await memberNames()).join() === "a,b,d";
    }, 30_000);
    expect(agent.exitCode()).toBeUndefined();
    // The event log outlived the restart: the Work watch resumed from its resourceVersion, no relist.
    expect(relists()).toBe(0);
    const lease = await until("Lease renewed by the reconnected agent", async () => {
      const l = await cp().get<KubeObject & { spec: { renewTime: string } }>("coordination.k8s.io/v1", "Lease", "karmada-cluster", CLUSTER);
      return l && Date.parse(l.spec.renewTime) > Date.now() - 2000 ? l : undefined;
    });
    expect(lease.spec).toMatchObject({ holderIdentity: CLUSTER });
    await until("edge1 Ready after the restart", async () => ready(await cp().get<Cluster>("cluster.karmada.io/v1alpha1", "Cluster", undefined, CLUSTER)) === "True", 30_000);
  }, 120_000);

  it("relists after a 410 when the event log was compacted past its resourceVersion, and loses nothing", async () => {
    await killAndRestartPlane(async () => {
      // Writes the agent never sees, then a compaction through them: its resume point is gone.
      const db = await openDatabase({ url: planeEnv.DATABASE_URL || undefined, dataDir });
      const storage = await PrismaStorage.open(db, { retention: { minEvents: 0, minAgeMs: 0 }, compactIntervalMs: 0 });
      try {
        const key = { group: "", resource: "configmaps" };
        for (let i = 0; i < 3; i++) await storage.create(key, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: `filler-${i}`, namespace: NS } });
        await storage.compact();
      } finally {
        await storage.close();
        await db.close();
      }
    });
    await updateDeployment(cp(), "d", (d) => ({ ...d, spec: { ...d.spec, replicas: 5 } }));
    await cp().create(deployment("e", 1));
    await until("member caught up after the relist", async () => (await inMember("d"))?.spec.replicas === 5 && (await memberNames()).join() === "a,b,d,e", 60_000);
    await until("the agent relisted its Works", async () => relists() > 0, 10_000);
    expect(agent.exitCode()).toBeUndefined();
    const works = await cp().list("work.karmada.io/v1alpha1", "Work", { namespace: `karmada-es-${CLUSTER}` });
    expect(works.items).toHaveLength(4);
    for (const w of works.items as (KubeObject & { status?: { conditions?: { type: string; status: string }[] } })[]) {
      await until(`Work ${w.metadata.name} Dispatching and Applied`, async () => {
        const x = await cp().get<typeof w>("work.karmada.io/v1alpha1", "Work", w.metadata.namespace, w.metadata.name!);
        const conds = x?.status?.conditions ?? [];
        return ["Applied", "Dispatching"].every((t) => conds.some((c) => c.type === t && c.status === "True"));
      });
    }
  }, 120_000);

  it("deleting the Cluster revokes the agent's credential: the agent stops with a clear message", async () => {
    await cp().delete({ apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", name: CLUSTER });
    await until("Cluster gone", async () => (await cp().get("cluster.karmada.io/v1alpha1", "Cluster", undefined, CLUSTER)) === undefined, 60_000);
    const code = await Promise.race([agent.exited, new Promise((r) => setTimeout(() => r("still running"), 30_000))]);
    expect(code).toBe(3);
    expect(agent.stderr()).toContain(`the control plane refused the credential of cluster "${CLUSTER}" (401 Unauthorized`);
  }, 120_000);
});
