import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cluster } from "../kube/karmada";
import { memberClusterDescriptors } from "../kube/resources";
import { parseSandboxSpec } from "../sandbox/spec";
import { registerSandbox, unregisterSandbox } from "../sandbox/registration";
import { SandboxCluster } from "../sandbox/sandbox-cluster";
import { TimerWheel } from "../sandbox/timer-wheel";
import { eventually, startClusterTestPlane, type ClusterTestPlane } from "./testing/control-plane-env";

/** A sandbox member (lib/sandbox) registered the way sandboxes register themselves (Karmada's secretRef). */
let plane: ClusterTestPlane;
let sandbox: SandboxCluster;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "flotilla-clusters-sbx-"));
  plane = await startClusterTestPlane({ clusterStatusIntervalMs: 200, clusterGracePeriodMs: 1000, clusterSuccessThresholdMs: 200, probeTimeoutMs: 1000, cleanupCheckIntervalMs: 200 });
  sandbox = new SandboxCluster({ spec: parseSandboxSpec({ name: "sbx1", nodes: 2, cpu: "4", memory: "16Gi" }), dataDir: dir, descriptors: memberClusterDescriptors(), clock: new TimerWheel() });
  await sandbox.start();
});

afterAll(async () => {
  await plane?.stop();
  await sandbox?.destroy().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

const get = () => plane.api.client.get<Cluster>("cluster.karmada.io/v1alpha1", "Cluster", undefined, "sbx1");

describe("a sandbox member", () => {
  it("becomes Ready with its simulated nodes, is tainted while down, and drains on unregister", async () => {
    await registerSandbox(plane.api.client, sandbox);
    const c = await eventually(async () => {
      const c = await get();
      return c?.status?.nodeSummary?.readyNum === 2 && !c.spec.taints?.length ? c : undefined;
    }, 15_000);
    expect(c.metadata.labels?.["flotilla.io/sandbox"]).toBe("true");
    expect(c.status?.kubernetesVersion).toBe("v1.32.4");
    expect(c.status?.resourceSummary?.allocatable).toMatchObject({ cpu: "8", memory: "32Gi" });

    await sandbox.setFaults({ down: true });
    await eventually(async () => (await get())?.spec.taints?.some((t) => t.key === "cluster.karmada.io/not-ready"), 10_000);
    await sandbox.setFaults({});
    await eventually(async () => {
      const c = await get();
      return c?.status?.conditions?.some((x) => x.type === "Ready" && x.status === "True") && !c.spec.taints?.length;
    }, 10_000);

    await unregisterSandbox(plane.api.client, "sbx1");
    await eventually(async () => !(await get()), 10_000);
    expect(await plane.api.client.get("v1", "Namespace", undefined, "karmada-es-sbx1")).toBeUndefined();
  });
});
