import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import type { SandboxManager } from "./sandbox-manager";
import type { SandboxCluster } from "./sandbox-cluster";
import { deployment, deploymentStatus, eventually, kubectl, testManager } from "./sandbox-testing";

let env: Awaited<ReturnType<typeof testManager>>;
let manager: SandboxManager;
let sandbox: SandboxCluster;
let kubeconfig: string;
const k = (args: string[], input?: string) => kubectl(kubeconfig, args, input);

beforeAll(async () => {
  env = await testManager();
  manager = env.manager;
  const info = await manager.create({ name: "member1", nodes: 3, cpu: "1", memory: "4Gi", region: "us-east-1", zone: "us-east-1a", evictionDelayMs: 1500 });
  sandbox = manager.cluster("member1")!;
  kubeconfig = info.kubeconfigPath;
});

afterAll(async () => {
  await env?.cleanup();
});

describe("a sandbox through the real kubectl", () => {
  it("writes a kubeconfig kubectl can use (server, CA, token) and reports 1.32", async () => {
    const text = await readFile(kubeconfig, "utf8");
    expect(text).toContain(sandbox.info().server);
    expect(text).toContain("certificate-authority-data");
    const version = JSON.parse(await k(["version", "-o", "json"]));
    expect(version.serverVersion).toMatchObject({ major: "1", minor: "32", gitVersion: "v1.32.4" });
  });

  it("lists nodes with topology labels, capacity and Ready", async () => {
    await eventually(async () => (await sandbox.client.list("v1", "Node")).items.length === 3);
    const out = await k(["get", "nodes", "-L", "topology.kubernetes.io/zone"]);
    expect(out).toMatch(/member1-node-1\s+Ready\s+<none>\s+\S+\s+v1\.32\.4\s+us-east-1a/);
    const node = JSON.parse(await k(["get", "node", "member1-node-1", "-o", "json"]));
    expect(node.status.allocatable).toMatchObject({ cpu: "1", memory: "4Gi", pods: "110" });
    expect(node.metadata.labels["topology.kubernetes.io/region"]).toBe("us-east-1");
  });

  it("applies a Deployment that becomes Available with 3 ready replicas (kubectl wait)", async () => {
    await k(["apply", "-f", "-"], JSON.stringify(deployment("web", 3)));
    await k(["wait", "--for=condition=Available", "deployment/web", "--timeout=30s"]);
    await eventually(async () => (await deploymentStatus(sandbox.client, "web")).readyReplicas === 3);
    const all = await k(["get", "deploy", "-A"]);
    expect(all).toMatch(/default\s+web\s+3\/3\s+3\s+3/);
    const rs = JSON.parse(await k(["get", "rs", "-l", "app=web", "-o", "json"])).items;
    expect(rs).toHaveLength(1);
    expect(rs[0].metadata.annotations["deployment.kubernetes.io/revision"]).toBe("1");
    const pods = JSON.parse(await k(["get", "pods", "-l", "app=web", "-o", "json"])).items;
    expect(pods.map((p: { status: { phase: string } }) => p.status.phase)).toEqual(["Running", "Running", "Running"]);
    expect(new Set(pods.map((p: { spec: { nodeName: string } }) => p.spec.nodeName)).size).toBe(3);
    const describe = await k(["describe", "deployment", "web"]);
    expect(describe).toContain("MinimumReplicasAvailable");
    expect(describe).toContain("NewReplicaSetAvailable");
  });

  it("rolls an image update onto a new ReplicaSet and scales the old one to zero", async () => {
    await k(["set", "image", "deployment/web", "app=nginx:1.28"]);
    await k(["rollout", "status", "deployment/web", "--timeout=30s"]);
    const rs = JSON.parse(await k(["get", "rs", "-l", "app=web", "-o", "json"])).items as { spec: { replicas: number }; metadata: { annotations: Record<string, string> } }[];
    expect(rs.map((r) => [r.metadata.annotations["deployment.kubernetes.io/revision"], r.spec.replicas]).sort()).toEqual([
      ["1", 0],
      ["2", 3],
    ]);
    const images = JSON.parse(await k(["get", "pods", "-l", "app=web", "-o", "json"])).items.map((p: { spec: { containers: { image: string }[] } }) => p.spec.containers[0].image);
    await eventually(async () => images.every((i: string) => i === "nginx:1.28") || undefined, 1);
  });

  it("scales to 0 and back", async () => {
    await k(["scale", "deployment/web", "--replicas=0"]);
    await eventually(async () => (await sandbox.client.list("v1", "Pod", { namespace: "default", labelSelector: "app=web" })).items.length === 0);
    await eventually(async () => (await deploymentStatus(sandbox.client, "web")).replicas === undefined);
    await k(["scale", "deployment/web", "--replicas=3"]);
    await k(["wait", "--for=jsonpath={.status.readyReplicas}=3", "deployment/web", "--timeout=30s"]);
  });

  it("leaves pods Pending with a FailedScheduling event when nothing fits", async () => {
    await k(["apply", "-f", "-"], JSON.stringify(deployment("big", 2, "2")));
    const events = await eventually(async () => {
      const out = await k(["get", "events", "--field-selector", "reason=FailedScheduling", "-o", "json"]);
      const items = JSON.parse(out).items as { message: string }[];
      return items.length ? items : undefined;
    });
    expect(events[0].message).toBe("0/3 nodes are available: 3 Insufficient cpu.");
    const pods = JSON.parse(await k(["get", "pods", "-l", "app=big", "-o", "json"])).items;
    expect(pods.map((p: { status: { phase: string } }) => p.status.phase)).toEqual(["Pending", "Pending"]);
    expect(pods[0].status.conditions[0]).toMatchObject({ type: "PodScheduled", status: "False", reason: "Unschedulable" });
    const status = await deploymentStatus(sandbox.client, "big");
    expect(status).toMatchObject({ replicas: 2, unavailableReplicas: 2 });
    expect(status.availableReplicas).toBeUndefined();
  });

  it("deleting the owner deletes its ReplicaSets and Pods", async () => {
    await k(["delete", "deployment", "big"]);
    await eventually(async () => (await sandbox.client.list("v1", "Pod", { namespace: "default", labelSelector: "app=big" })).items.length === 0);
    expect((await sandbox.client.list("apps/v1", "ReplicaSet", { namespace: "default", labelSelector: "app=big" })).items).toHaveLength(0);
  });

  it("gives Services a clusterIP and LoadBalancers an ingress IP after the delay", async () => {
    const lb = { apiVersion: "v1", kind: "Service", metadata: { name: "front", namespace: "default" }, spec: { type: "LoadBalancer", selector: { app: "web" }, ports: [{ name: "http", port: 80, targetPort: 8080 }] } };
    await k(["apply", "-f", "-"], JSON.stringify(lb));
    const svc = JSON.parse(await k(["get", "svc", "front", "-o", "json"]));
    expect(svc.spec.clusterIP).toMatch(/^10\.96\.\d+\.\d+$/);
    expect(svc.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    await eventually(async () => JSON.parse(await k(["get", "svc", "front", "-o", "json"])).status.loadBalancer.ingress?.[0]?.ip);
  });

  it("serves ConfigMaps and CRDs with their custom resources", async () => {
    await k(["create", "configmap", "settings", "--from-literal=color=blue"]);
    expect(await k(["get", "cm", "settings", "-o", "jsonpath={.data.color}"])).toBe("blue");
    await k(["describe", "configmap", "settings"]);
    const crd = {
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: "widgets.example.com" },
      spec: {
        group: "example.com",
        names: { plural: "widgets", singular: "widget", kind: "Widget", shortNames: ["wd"] },
        scope: "Namespaced",
        versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object", properties: { spec: { type: "object", properties: { size: { type: "integer" } } } } } } }],
      },
    };
    await k(["apply", "-f", "-"], JSON.stringify(crd));
    await eventually(async () => {
      await k(["apply", "-f", "-"], JSON.stringify({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w1" }, spec: { size: 3 } }));
      return true;
    });
    expect(await k(["get", "wd", "w1", "-o", "jsonpath={.spec.size}"])).toBe("3");
    await k(["delete", "cm", "settings"]);
    await expect(k(["get", "cm", "settings"])).rejects.toThrow(/NotFound/);
  });

  it("a node failure makes pods NotReady, evicts them and reschedules on healthy nodes", async () => {
    const before = (await sandbox.client.list("v1", "Pod", { namespace: "default", labelSelector: "app=web" })).items;
    const onFailed = before.filter((p) => (p.spec as { nodeName: string }).nodeName === "member1-node-3");
    expect(onFailed).toHaveLength(1);
    await manager.setFaults("member1", { nodeFailure: 1 });
    await eventually(async () => (await deploymentStatus(sandbox.client, "web")).readyReplicas === 2);
    const readyOf = (node: string) => k(["get", "node", node, "-o", "jsonpath={.status.conditions[?(@.type=='Ready')].status}"]);
    expect(await readyOf("member1-node-3")).toBe("Unknown");
    await eventually(async () => {
      const pods = (await sandbox.client.list("v1", "Pod", { namespace: "default", labelSelector: "app=web" })).items;
      return pods.length === 3 && pods.every((p) => (p.spec as { nodeName?: string }).nodeName !== "member1-node-3");
    });
    await eventually(async () => (await deploymentStatus(sandbox.client, "web")).readyReplicas === 3);
    await manager.clearFaults("member1");
    await eventually(async () => (await readyOf("member1-node-3")) === "True");
  });

  it("capacity changes add and remove nodes", async () => {
    await manager.setFaults("member1", { capacity: { nodes: 4, cpu: "2" } });
    await eventually(async () => (await sandbox.client.list("v1", "Node")).items.length === 4);
    const node = await sandbox.client.get("v1", "Node", undefined, "member1-node-4");
    expect((node?.status as { allocatable: { cpu: string } }).allocatable.cpu).toBe("2");
    await manager.clearFaults("member1");
    await eventually(async () => (await sandbox.client.list("v1", "Node")).items.length === 3);
  });

  it("Jobs run to completion and StatefulSets name pods in order", async () => {
    const job = { apiVersion: "batch/v1", kind: "Job", metadata: { name: "pi", namespace: "default" }, spec: { completions: 2, parallelism: 1, template: { spec: { restartPolicy: "Never", containers: [{ name: "pi", image: "perl" }] } } } };
    await k(["apply", "-f", "-"], JSON.stringify(job));
    await k(["wait", "--for=condition=Complete", "job/pi", "--timeout=30s"]);
    const j = JSON.parse(await k(["get", "job", "pi", "-o", "json"]));
    expect(j.status).toMatchObject({ succeeded: 2 });
    const sts = {
      apiVersion: "apps/v1",
      kind: "StatefulSet",
      metadata: { name: "db", namespace: "default" },
      spec: { replicas: 2, serviceName: "db", selector: { matchLabels: { app: "db" } }, template: { metadata: { labels: { app: "db" } }, spec: { containers: [{ name: "db", image: "postgres" }] } } },
    };
    await k(["apply", "-f", "-"], JSON.stringify(sts));
    await k(["wait", "--for=jsonpath={.status.readyReplicas}=2", "statefulset/db", "--timeout=30s"]);
    const names = JSON.parse(await k(["get", "pods", "-l", "app=db", "-o", "json"])).items.map((p: { metadata: { name: string } }) => p.metadata.name);
    expect(names).toEqual(["db-0", "db-1"]);
    const ds = {
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      metadata: { name: "agent", namespace: "default" },
      spec: { selector: { matchLabels: { app: "agent" } }, template: { metadata: { labels: { app: "agent" } }, spec: { containers: [{ name: "a", image: "busybox" }] } } },
    };
    await k(["apply", "-f", "-"], JSON.stringify(ds));
    await k(["wait", "--for=jsonpath={.status.numberReady}=3", "daemonset/agent", "--timeout=30s"]);
  });
});

describe("restart persistence", () => {
  it("brings sandboxes back with their objects, port and token", async () => {
    const before = sandbox.info();
    const kubeconfigBefore = await readFile(kubeconfig, "utf8");
    await manager.stop();
    const { SandboxManager } = await import("./sandbox-manager");
    manager = new SandboxManager({ dataDir: env.dataDir, specDefaults: { startupDelayMs: 150 } });
    env.manager = manager;
    await manager.load();
    sandbox = manager.cluster("member1")!;
    expect(sandbox.info().server).toBe(before.server);
    expect(await readFile(kubeconfig, "utf8")).toBe(kubeconfigBefore);
    expect(await k(["get", "deploy", "web", "-o", "jsonpath={.spec.replicas}"])).toBe("3");
    expect(await k(["get", "wd", "w1", "-o", "jsonpath={.spec.size}"])).toBe("3");
  });
});
