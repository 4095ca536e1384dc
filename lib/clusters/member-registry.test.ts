import { describe, expect, it, vi } from "vitest";
import { FakeClock } from "../controllers/runtime/fake-clock";
import { FakeObjectClient } from "../controllers/runtime/fake-client";
import { ApiError } from "../kube/errors";
import type { MemberClient, MemberClientOptions } from "../members/member-client";
import { memoryCredentialStore } from "./credential-store";
import { MemberRegistry } from "./member-registry";

const clusterObj = (name: string) => ({ apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name }, spec: { syncMode: "Push" } });

function setup() {
  const clock = new FakeClock();
  const client = new FakeObjectClient({ clock, objects: [clusterObj("a")] });
  const store = memoryCredentialStore();
  const built: { opts: MemberClientOptions; close: ReturnType<typeof vi.fn> }[] = [];
  const createClient = (opts: MemberClientOptions) => {
    const close = vi.fn(async () => {});
    built.push({ opts, close });
    return { close, id: built.length } as unknown as MemberClient;
  };
  const reg = new MemberRegistry({ client, store, clock, createClient, revalidateMs: 1000, retireAfterMs: 50 });
  return { clock, client, store, built, reg };
}

describe("MemberRegistry", () => {
  it("caches one client per member and shares concurrent resolutions", async () => {
    const { store, built, reg } = setup();
    await store.put("a", { kind: "kubeconfig", kubeconfig: "k1" });
    const [x, y] = await Promise.all([reg.get("a"), reg.get("a")]);
    expect(x).toBe(y);
    expect(await reg.get("a")).toBe(x);
    expect(built).toHaveLength(1);
  });

  it("rebuilds only when the credentials changed, and retires the old client later", async () => {
    const { clock, store, built, reg } = setup();
    await store.put("a", { kind: "kubeconfig", kubeconfig: "k1" });
    const first = await reg.get("a");
    await clock.advance(1500);
    expect(await reg.get("a")).toBe(first);
    expect(built).toHaveLength(1);
    await store.put("a", { kind: "kubeconfig", kubeconfig: "k2" });
    reg.invalidate("a");
    const second = await reg.get("a");
    expect(second).not.toBe(first);
    expect(built[1].opts.kubeconfig).toBe("k2");
    expect(built[0].close).not.toHaveBeenCalled();
    await clock.advance(60);
    expect(built[0].close).toHaveBeenCalled();
  });

  it("tells its listeners when a client is replaced or dropped, not when it is built or kept", async () => {
    const { clock, client, store, reg } = setup();
    const changes: string[] = [];
    reg.onChange((cluster, removed) => changes.push(`${cluster}:${removed ? "removed" : "replaced"}`));
    await store.put("a", { kind: "kubeconfig", kubeconfig: "k1" });
    await reg.get("a");
    await clock.advance(1500);
    await reg.get("a");
    expect(changes).toEqual([]);
    await store.put("a", { kind: "kubeconfig", kubeconfig: "k2" });
    reg.invalidate("a");
    await reg.get("a");
    expect(changes).toEqual(["a:replaced"]);
    await client.delete({ apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", name: "a" });
    await clock.advance(1500);
    await expect(reg.get("a")).rejects.toThrow();
    expect(changes).toEqual(["a:replaced", "a:removed"]);
  });

  it("revalidates a secretRef member by the Secret's version: a new token rebuilds the client, an unchanged Secret does not", async () => {
    const { clock, client, built, reg } = setup();
    const b64 = (v: string) => Buffer.from(v).toString("base64");
    await client.create({ apiVersion: "v1", kind: "Secret", metadata: { name: "m-secret", namespace: "karmada-cluster" }, data: { token: b64("t1") } });
    await client.create({ ...clusterObj("m"), spec: { syncMode: "Push", apiEndpoint: "https://m.example:6443", insecureSkipTLSVerification: true, secretRef: { namespace: "karmada-cluster", name: "m-secret" } } });
    const first = await reg.get("m");
    expect(built[0].opts.kubeconfig).toContain("token: t1");
    await clock.advance(1500);
    expect(await reg.get("m")).toBe(first);
    const secret = (await client.get("v1", "Secret", "karmada-cluster", "m-secret"))!;
    await client.update({ ...secret, data: { token: b64("t2") } });
    // Within the revalidation period the cached client stands; after it, the new token is seen.
    expect(await reg.get("m")).toBe(first);
    await clock.advance(1500);
    const second = await reg.get("m");
    expect(second).not.toBe(first);
    expect(built[built.length - 1].opts.kubeconfig).toContain("token: t2");
    await clock.advance(1500);
    expect(await reg.get("m")).toBe(second);
  });

  it("drops and closes the client of a deleted cluster", async () => {
    const { clock, client, store, built, reg } = setup();
    await store.put("a", { kind: "kubeconfig", kubeconfig: "k1" });
    await reg.get("a");
    await client.delete({ apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", name: "a" });
    await clock.advance(2000);
    const err = await reg.get("a").catch((e) => e);
    expect(ApiError.is(err, "NotFound")).toBe(true);
    expect(built[0].close).toHaveBeenCalled();
    expect(reg.cached()).toEqual([]);
  });

  it("a client that cannot be built answers BadRequest without quoting the credentials", async () => {
    const { store, client } = setup();
    await store.put("a", { kind: "kubeconfig", kubeconfig: "k1" });
    const bad = new MemberRegistry({ client, store, createClient: () => { throw new Error("bad yaml near token: s3cr3t"); } });
    const err = await bad.get("a").catch((e) => e);
    expect(ApiError.is(err, "BadRequest")).toBe(true);
    expect(err.message).not.toContain("s3cr3t");
  });

  it("remove and close release every pool", async () => {
    const { store, built, reg, client } = setup();
    await client.create(clusterObj("b"));
    await store.put("a", { kind: "kubeconfig", kubeconfig: "k1" });
    await store.put("b", { kind: "kubeconfig", kubeconfig: "k2" });
    await reg.get("a");
    await reg.get("b");
    await reg.remove("a");
    expect(built[0].close).toHaveBeenCalledTimes(1);
    await reg.close();
    expect(built[1].close).toHaveBeenCalledTimes(1);
    await expect(reg.get("b")).rejects.toThrow(/closed/);
  });
});
