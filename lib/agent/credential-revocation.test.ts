import { afterEach, describe, expect, it } from "vitest";
import { FakeObjectClient } from "../controllers/runtime/fake-client";
import { createPullTokenService, memoryPullTokenStore, type PullTokenService } from "../clusters/pull-tokens";
import { CLUSTER_API_VERSION } from "../kube/karmada";
import type { KubeObject } from "../kube/types";
import { ClusterRemovalRevoker } from "./credential-revocation";

const cluster = (name: string, finalizers?: string[]): KubeObject => ({ apiVersion: CLUSTER_API_VERSION, kind: "Cluster", metadata: { name, finalizers }, spec: { syncMode: "Pull" } }) as KubeObject;

async function credential(tokens: PullTokenService, clusterName: string): Promise<string> {
  const boot = await tokens.issue({ clusterName });
  return (await tokens.exchange(boot.token, clusterName)).id;
}

async function stateOf(tokens: PullTokenService, id: string) {
  return (await tokens.list()).find((t) => t.id === id)?.state;
}

async function eventually(fn: () => Promise<boolean>, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error("condition not met");
    await new Promise((r) => setTimeout(r, 10));
  }
}

let revoker: ClusterRemovalRevoker | undefined;
afterEach(async () => revoker?.stop());

describe("ClusterRemovalRevoker", () => {
  it("revokes a cluster's agent credentials once its Cluster is gone, not while it terminates", async () => {
    const client = new FakeObjectClient({ objects: [cluster("m1", ["karmada.io/cluster-controller"]), cluster("m2")] });
    const tokens = createPullTokenService(memoryPullTokenStore());
    const m1 = await credential(tokens, "m1");
    const m2 = await credential(tokens, "m2");
    const spare = await tokens.issue({ clusterName: "m1" });
    revoker = new ClusterRemovalRevoker({ client, tokens });
    await revoker.start();

    await client.delete({ apiVersion: CLUSTER_API_VERSION, kind: "Cluster", name: "m1" });
    await new Promise((r) => setTimeout(r, 50));
    // Terminating: the agent still has Works to clean up.
    expect(await stateOf(tokens, m1)).toBe("Active");
    const c = (await client.get(CLUSTER_API_VERSION, "Cluster", undefined, "m1"))!;
    await client.update({ ...c, metadata: { ...c.metadata, finalizers: [] } });
    await eventually(async () => (await stateOf(tokens, m1)) === "Revoked");
    expect(await stateOf(tokens, m2)).toBe("Active");
    // A bootstrap token for the name survives: the cluster can be registered again.
    expect(await stateOf(tokens, spare.id)).toBe("Active");
  });

  it("sweeps credentials of clusters deleted while nobody watched, sparing young ones", async () => {
    let now = Date.now();
    const store = memoryPullTokenStore(() => new Date(now));
    const tokens = createPullTokenService(store, () => new Date(now));
    const old = await credential(tokens, "gone");
    const present = await credential(tokens, "here");
    now += 11 * 60_000;
    const young = await credential(tokens, "registering");
    revoker = new ClusterRemovalRevoker({ client: new FakeObjectClient({ objects: [cluster("here")] }), tokens, now: () => now });
    await revoker.start();
    expect(await stateOf(tokens, old)).toBe("Revoked");
    expect(await stateOf(tokens, present)).toBe("Active");
    expect(await stateOf(tokens, young)).toBe("Active");
  });
});
