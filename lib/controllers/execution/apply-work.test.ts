import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../kube/types";
import type { Work } from "../../kube/karmada";
import { FakeObjectClient } from "../runtime/fake-client";
import { applyWork, deleteWorkManifests } from "./apply-work";

const manifest = (extra: Record<string, string> = {}): KubeObject => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name: "cfg", namespace: "app", labels: { "karmada.io/managed": "true" }, annotations: { "work.karmada.io/conflict-resolution": "abort", ...extra } },
  data: { a: "1" },
});
const work = (m: KubeObject, spec: Partial<Work["spec"]> = {}): Work => ({ apiVersion: "work.karmada.io/v1alpha1", kind: "Work", metadata: { name: "w", namespace: "karmada-es-m1" }, spec: { workload: { manifests: [m] }, ...spec } });
const unmanaged: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg", namespace: "app" }, data: { a: "0" } };

describe("applyWork (objectwatcher rules, §9)", () => {
  const cases: { name: string; seed: KubeObject[]; m: KubeObject; written: number; error?: RegExp; data?: string }[] = [
    { name: "absent object: created with its namespace", seed: [], m: manifest(), written: 1, data: "1" },
    { name: "unmanaged object and abort: refused", seed: [unmanaged], m: manifest(), written: 0, error: /already exists in the cluster m1.*will not manage this resource/, data: "0" },
    { name: "unmanaged object and overwrite: taken over", seed: [unmanaged], m: manifest({ "work.karmada.io/conflict-resolution": "overwrite" }), written: 1, data: "1" },
  ];
  it.each(cases)("$name", async ({ seed, m, written, error, data }) => {
    const member = new FakeObjectClient({ objects: seed });
    const r = await applyWork(member, work(m), "m1");
    expect(r.written).toBe(written);
    if (error) expect(r.errors[0]).toMatch(error);
    else expect(r.errors).toEqual([]);
    expect(((await member.get("v1", "ConfigMap", "app", "cfg")) as KubeObject & { data: { a: string } }).data.a).toBe(data);
    if (!seed.length) expect(await member.get("v1", "Namespace", undefined, "app")).toBeDefined();
  });

  it("is idempotent: a second apply writes nothing", async () => {
    const member = new FakeObjectClient();
    await applyWork(member, work(manifest()), "m1");
    member.resetWrites();
    expect((await applyWork(member, work(manifest()), "m1")).written).toBe(0);
    expect(member.writes).toEqual([]);
  });

  it("corrects drift of a managed object", async () => {
    const member = new FakeObjectClient();
    await applyWork(member, work(manifest()), "m1");
    const live = (await member.get("v1", "ConfigMap", "app", "cfg")) as KubeObject & { data: { a: string } };
    live.data.a = "drifted";
    await member.update(live);
    expect((await applyWork(member, work(manifest()), "m1")).written).toBe(1);
    expect(((await member.get("v1", "ConfigMap", "app", "cfg")) as KubeObject & { data: { a: string } }).data.a).toBe("1");
  });
});

describe("deleteWorkManifests", () => {
  it("deletes managed objects only", async () => {
    const member = new FakeObjectClient({ objects: [unmanaged] });
    await deleteWorkManifests(member, work(manifest()));
    expect(await member.get("v1", "ConfigMap", "app", "cfg")).toBeDefined();
    const m2 = new FakeObjectClient();
    await applyWork(m2, work(manifest()), "m1");
    await deleteWorkManifests(m2, work(manifest()));
    expect(await m2.get("v1", "ConfigMap", "app", "cfg")).toBeUndefined();
  });

  it("preserveResourcesOnDeletion strips Karmada metadata and keeps the object", async () => {
    const member = new FakeObjectClient();
    await applyWork(member, work(manifest()), "m1");
    await deleteWorkManifests(member, work(manifest(), { preserveResourcesOnDeletion: true }));
    const kept = (await member.get("v1", "ConfigMap", "app", "cfg"))!;
    expect(kept.metadata.labels?.["karmada.io/managed"]).toBeUndefined();
    expect(kept.metadata.annotations?.["work.karmada.io/conflict-resolution"]).toBeUndefined();
  });

  it("uses a cached managed object instead of reading the member, and checks a namespace once", async () => {
    const member = new FakeObjectClient();
    await applyWork(member, work(manifest()), "m1");
    const live = (await member.get("v1", "ConfigMap", "app", "cfg"))!;
    let gets = 0;
    const get = member.get.bind(member);
    member.get = ((...args: Parameters<typeof member.get>) => {
      gets++;
      return get(...args);
    }) as typeof member.get;
    const r = await applyWork(member, work(manifest()), "m1", { cached: () => ({ obj: live }) });
    expect(r).toMatchObject({ written: 0, errors: [] });
    expect(gets).toBe(0);
  });

  it("still reads the member when the cache cannot tell, so an unmanaged object is refused", async () => {
    const member = new FakeObjectClient({ objects: [unmanaged] });
    const r = await applyWork(member, work(manifest()), "m1", { cached: () => undefined });
    expect(r.errors[0]).toMatch(/will not manage this resource/);
  });

  it("trusts a synced cache: an absent object is created without a read, a cached unmanaged one refused", async () => {
    const member = new FakeObjectClient();
    let gets = 0;
    const get = member.get.bind(member);
    member.get = ((...args: Parameters<typeof member.get>) => {
      if (args[1] !== "Namespace") gets++;
      return get(...args);
    }) as typeof member.get;
    expect(await applyWork(member, work(manifest()), "m1", { cached: () => ({}) })).toMatchObject({ written: 1, errors: [] });
    expect(gets).toBe(0);
    const r = await applyWork(member, work(manifest()), "m1", { cached: () => ({ obj: unmanaged }) });
    expect(r.errors[0]).toMatch(/will not manage this resource/);
    expect(gets).toBe(0);
  });
});

describe("namespace check", () => {
  it("is shared by concurrent applies into one namespace, and retried after a failure", async () => {
    const member = new FakeObjectClient();
    let nsGets = 0;
    let fail = true;
    const get = member.get.bind(member);
    member.get = (async (...args: Parameters<typeof member.get>) => {
      if (args[1] === "Namespace") {
        nsGets++;
        await new Promise((r) => setTimeout(r, 5));
        if (fail) throw new Error("member down");
      }
      return get(...args);
    }) as typeof member.get;
    const m = (name: string) => ({ ...manifest(), metadata: { ...manifest().metadata, name } });
    const first = await Promise.all(["a", "b", "c"].map((n) => applyWork(member, work(m(n)), "m1")));
    expect(first.every((r) => r.errors[0] === "member down")).toBe(true);
    expect(nsGets).toBe(1);
    fail = false;
    const second = await Promise.all(["a", "b", "c"].map((n) => applyWork(member, work(m(n)), "m1")));
    expect(second.map((r) => r.written)).toEqual([1, 1, 1]);
    expect(nsGets).toBe(2);
  });
});
