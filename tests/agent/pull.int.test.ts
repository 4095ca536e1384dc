import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlane, type Plane } from "../control-plane/harness";
import { getJson, runKubectl, until } from "../samples/harness";
import { startMiniConsole, type MiniConsole } from "./harness";
import type { AgentSupervisor } from "../../lib/agent/supervisor";
import type { ObjectClient } from "../../lib/kube/client";
import type { KubeObject } from "../../lib/kube/types";
import type { Cluster } from "../../lib/kube/karmada";
import { pullTokenServiceOf } from "../../lib/agent/pull-token-rest";

/**
 * Pull mode end to end on the real control plane: sandbox member1 (Push) and member4 (Pull,
 * served by a `flotilla agent` child process that reaches the control plane only over HTTP
 * through the console port). Short lease, status and grace intervals come from the environment.
 */
const AGENT_ENV = { FLOTILLA_AGENT_LEASE_RENEW_MS: "500", FLOTILLA_AGENT_STATUS_INTERVAL_MS: "1000", FLOTILLA_AGENT_RESYNC_MS: "5000", FLOTILLA_LOG_LEVEL: "warn" };
let plane: Plane;
let cons: MiniConsole;
let client: ObjectClient;
let agents: AgentSupervisor;

beforeAll(async () => {
  Object.assign(process.env, AGENT_ENV);
  cons = await startMiniConsole();
  plane = await startPlane({
    env: { FLOTILLA_SANDBOXES: "member1,member4:pull", PORT: String(cons.port), FLOTILLA_CLUSTER_STATUS_INTERVAL_MS: "1000", FLOTILLA_CLUSTER_GRACE_PERIOD_MS: "3000" },
  });
  client = plane.handle.services.client as ObjectClient;
  agents = plane.handle.services.agents as AgentSupervisor;
}, 90_000);
afterAll(async () => {
  await plane?.destroy();
  await cons?.close();
});

const sandboxKubeconfig = (name: string) => path.join(plane.dataDir, "sandboxes", `${name}.kubeconfig`);
const member = (name: string) => (args: string[]) => runKubectl(sandboxKubeconfig(name), path.join(plane.dataDir, "kubectl-cache"), args);
const ready = (c: Cluster | undefined) => c?.status?.conditions?.find((x) => x.type === "Ready")?.status;
const cluster = (name: string) => client.get<Cluster>("cluster.karmada.io/v1alpha1", "Cluster", undefined, name);

const POLICY = `apiVersion: policy.karmada.io/v1alpha1
kind: PropagationPolicy
metadata:
  name: nginx-propagation
spec:
  resourceSelectors:
    - apiVersion: apps/v1
      kind: Deployment
      name: nginx
  placement:
    clusterAffinity:
      clusterNames: [member1, member4]
    # Stay on member4 while its agent is away: this test is about catching up, not failover.
    clusterTolerations:
      - { key: cluster.karmada.io/unreachable, operator: Exists, effect: NoExecute }
      - { key: cluster.karmada.io/not-ready, operator: Exists, effect: NoExecute }
      - { key: cluster.karmada.io/unreachable, operator: Exists, effect: NoSchedule }
      - { key: cluster.karmada.io/not-ready, operator: Exists, effect: NoSchedule }
    replicaScheduling:
      replicaSchedulingType: Divided
      replicaDivisionPreference: Weighted
      weightPreference:
        staticWeightList:
          - targetCluster: { clusterNames: [member1] }
            weight: 1
          - targetCluster: { clusterNames: [member4] }
            weight: 1
`;

describe("Pull mode", () => {
  it("the Pull sandbox's agent registers member4 with syncMode Pull, reports status and renews its Lease", async () => {
    const c = await until("member4 Ready", async () => ((await cluster("member4")) && ready(await cluster("member4")) === "True" ? cluster("member4") : undefined), 60_000);
    expect(c!.spec.syncMode).toBe("Pull");
    expect(c!.status?.kubernetesVersion).toMatch(/^v1\./);
    expect(c!.status?.nodeSummary?.totalNum).toBeGreaterThan(0);
    expect(c!.status?.apiEnablements?.some((g) => g.groupVersion === "apps/v1")).toBe(true);
    const lease = await client.get<{ spec: { renewTime: string; leaseDurationSeconds: number } } & import("../../lib/kube/types").KubeObject>("coordination.k8s.io/v1", "Lease", "karmada-cluster", "member4");
    expect(lease?.spec.leaseDurationSeconds).toBe(40);
    const first = lease!.spec.renewTime;
    await until("lease renewed", async () => (await client.get<typeof lease & object>("coordination.k8s.io/v1", "Lease", "karmada-cluster", "member4"))?.spec.renewTime !== first);
  });

  it("propagates the nginx sample to a Push and a Pull member, aggregates status from both, and deletes from both", async () => {
    const deployment = await readFile(path.join(import.meta.dirname, "../samples/fixtures/nginx/deployment.yaml"), "utf8");
    expect((await plane.kubectl(["apply", "-f", "-"], deployment)).code).toBe(0);
    expect((await plane.kubectl(["apply", "-f", "-"], POLICY)).code).toBe(0);
    for (const m of ["member1", "member4"]) {
      const d = (await until(`nginx on ${m}`, () => getJson(member(m), ["deployment", "nginx", "-n", "default"]), 60_000)) as { metadata: { labels: Record<string, string> }; spec: { replicas: number } };
      expect(d.metadata.labels["karmada.io/managed"]).toBe("true");
      expect(d.spec.replicas).toBe(1);
    }
    const work = await until("member4's Work applied with status", async () => {
      const list = await client.list("work.karmada.io/v1alpha1", "Work", { namespace: "karmada-es-member4" });
      const w = list.items[0] as { status?: { conditions?: { type: string; status: string }[]; manifestStatuses?: unknown[] } } | undefined;
      return w?.status?.conditions?.some((c) => c.type === "Applied" && c.status === "True") && w.status.manifestStatuses?.length ? w : undefined;
    }, 60_000);
    expect(work).toBeTruthy();
    // The agent records what Karmada's execution controller records, with its recorder name.
    const name = (work as { metadata: { name: string } }).metadata.name;
    const events = await until("the agent's SyncSucceed on the Work", async () => {
      const list = await client.list<KubeObject & { reason?: string; message?: string; source?: { component?: string }; involvedObject?: { name?: string } }>("v1", "Event", { namespace: "karmada-es-member4" });
      return list.items.find((e) => e.reason === "SyncSucceed" && e.involvedObject?.name === name);
    }, 30_000);
    expect(events.message).toBe(`Sync work(karmada-es-member4/${name}) to cluster(member4) successful.`);
    expect(events.source?.component).toBe("execution-controller");
    await until("template status summed over both members", async () => {
      const d = await getJson(plane.kubectl, ["deployment", "nginx", "-n", "default"]);
      return d?.status?.readyReplicas === 2 && d.status.replicas === 2;
    }, 60_000);
  });

  it("a killed agent turns the cluster Unknown after the grace period; restarted, it catches up without duplicates", async () => {
    await agents.stop("member4");
    const gone = await until("member4 Unknown", async () => {
      const c = await cluster("member4");
      return ready(c) === "Unknown" ? c : undefined;
    }, 30_000);
    expect(gone.status?.conditions?.find((x) => x.type === "Ready")?.reason).toBe("ClusterStatusUnknown");
    await until("unreachable taint", async () => (await cluster("member4"))?.spec.taints?.some((t) => t.key === "cluster.karmada.io/unreachable"));
    // Changes made while the agent is away.
    expect((await plane.kubectl(["scale", "deployment", "nginx", "-n", "default", "--replicas=4"])).code).toBe(0);
    expect((await plane.kubectl(["label", "deployment", "nginx", "-n", "default", "tier=web"])).code).toBe(0);
    await agents.start({ clusterName: "member4", controlPlane: cons.url, kubeconfig: sandboxKubeconfig("member4"), stateDir: path.dirname(sandboxKubeconfig("member4")) });
    await until("member4 Ready again", async () => ready(await cluster("member4")) === "True", 30_000);
    const d = await until("member4 caught up", async () => {
      const x = await getJson(member("member4"), ["deployment", "nginx", "-n", "default"]);
      return x?.spec.replicas === 2 && x.metadata.labels.tier === "web" ? x : undefined;
    }, 30_000);
    expect(d.metadata.labels["karmada.io/managed"]).toBe("true");
    const all = await getJson(member("member4"), ["deployments", "-A"]);
    expect(all.items.filter((x: { metadata: { name: string } }) => x.metadata.name === "nginx")).toHaveLength(1);
  });

  it("refuses the agent credential for another cluster's Works and for Secrets, and bad bootstrap tokens with clear messages", async () => {
    const state = JSON.parse(await readFile(path.join(plane.dataDir, "sandboxes", "flotilla-agent-member4.json"), "utf8")) as { token: string };
    const get = (p: string, token = state.token) => fetch(`${cons.url}/k8s${p}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await get("/apis/work.karmada.io/v1alpha1/namespaces/karmada-es-member4/works")).status).toBe(200);
    const other = await get("/apis/work.karmada.io/v1alpha1/namespaces/karmada-es-member1/works");
    expect(other.status).toBe(403);
    expect((await other.json()).message).toContain('cannot list resource "works" in API group "work.karmada.io" in the namespace "karmada-es-member1"');
    for (const p of ["/api/v1/namespaces/karmada-cluster/secrets", "/api/v1/secrets", "/api/v1/namespaces/karmada-es-member4/secrets"]) expect((await get(p)).status).toBe(403);
    expect((await get("/apis/cluster.karmada.io/v1alpha1/clusters/member1")).status).toBe(403);

    const tokens = pullTokenServiceOf(plane.handle);
    const exchange = (token: string, clusterName: string) =>
      fetch(`${cons.url}/api/v1/clusters/pull-tokens/exchange`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ clusterName }) });
    const expiring = await tokens.issue({ clusterName: "member9", ttlSeconds: 1 });
    const revoked = await tokens.issue({ clusterName: "member9" });
    await tokens.revoke(revoked.id);
    await new Promise((r) => setTimeout(r, 1100));
    const e = await exchange(expiring.token, "member9");
    expect(e.status).toBe(401);
    expect((await e.json()).message).toMatch(/^the bootstrap token for cluster "member9" expired at /);
    const r = await exchange(revoked.token, "member9");
    expect(r.status).toBe(401);
    expect((await r.json()).message).toBe('the bootstrap token for cluster "member9" has been revoked');
    const wrong = await exchange((await tokens.issue({ clusterName: "member9" })).token, "member4");
    expect(wrong.status).toBe(403);
    // A bootstrap token is no API credential.
    expect((await get("/api/v1/namespaces", (await tokens.issue({ clusterName: "member9" })).token)).status).toBe(401);
  });

  it("deleting the template cleans both members", async () => {
    expect((await plane.kubectl(["delete", "deployment", "nginx", "-n", "default", "--wait=false"])).code).toBe(0);
    for (const m of ["member1", "member4"]) await until(`nginx gone from ${m}`, async () => (await member(m)(["get", "deployment", "nginx", "-n", "default"])).code !== 0, 60_000);
  });

  it("stops the agent with a clear message when its credential is revoked", async () => {
    const tokens = pullTokenServiceOf(plane.handle);
    const cred = (await tokens.list()).find((t) => t.kind === "agent" && t.clusterName === "member4" && t.state === "Active");
    await tokens.revoke(cred!.id);
    const s = await until("agent refused", async () => (agents.status("member4")?.state === "Refused" ? agents.status("member4") : undefined), 30_000);
    expect(s!.lastMessage).toContain('the control plane refused the credential of cluster "member4" (401 Unauthorized');
  });
});
