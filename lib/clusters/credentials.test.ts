import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { FakeObjectClient } from "../controllers/runtime/fake-client";
import { ApiError } from "../kube/errors";
import type { Cluster } from "../kube/karmada";
import { SecretBox } from "../server/secret-box";
import { memoryCredentialStore } from "./credential-store";
import { normalizeEndpoint, resolveClusterKubeconfig } from "./credentials";

const b64 = (s: string) => Buffer.from(s).toString("base64");
const CA = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";

function cluster(spec: Partial<Cluster["spec"]> = {}): Cluster {
  return { apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name: "m1" }, spec: { syncMode: "Push", ...spec } };
}

describe("resolveClusterKubeconfig", () => {
  it("uses Karmada's secretRef Secret (token, caBundle) with spec.apiEndpoint", async () => {
    const client = new FakeObjectClient({
      objects: [{ apiVersion: "v1", kind: "Secret", metadata: { name: "m1", namespace: "karmada-cluster" }, data: { token: b64("tok\n"), caBundle: b64(CA) } }],
    });
    const r = await resolveClusterKubeconfig(cluster({ apiEndpoint: "https://10.0.0.1:6443", secretRef: { namespace: "karmada-cluster", name: "m1" } }), { client, store: memoryCredentialStore() });
    const doc = parse(r.kubeconfig);
    expect(r.source).toBe("secretRef");
    expect(doc.clusters[0].cluster.server).toBe("https://10.0.0.1:6443");
    expect(Buffer.from(doc.clusters[0].cluster["certificate-authority-data"], "base64").toString()).toBe(CA);
    expect(doc.users[0].user.token).toBe("tok");
  });

  it("an explicit secretRef wins over a stored credential of the same name", async () => {
    const store = memoryCredentialStore();
    await store.put("m1", { kind: "kubeconfig", kubeconfig: "stray" });
    const client = new FakeObjectClient({ objects: [{ apiVersion: "v1", kind: "Secret", metadata: { name: "s", namespace: "ns" }, data: { token: b64("t") } }] });
    const r = await resolveClusterKubeconfig(cluster({ apiEndpoint: "https://x", secretRef: { namespace: "ns", name: "s" } }), { client, store });
    expect(r.source).toBe("secretRef");
  });

  it("uses the sealed credential of a cluster without secretRef", async () => {
    const store = memoryCredentialStore(new SecretBox("k"));
    await store.put("m1", { kind: "kubeconfig", kubeconfig: "apiVersion: v1\n", context: "ctx" });
    const r = await resolveClusterKubeconfig(cluster(), { client: new FakeObjectClient(), store });
    expect(r).toMatchObject({ kubeconfig: "apiVersion: v1\n", context: "ctx", source: "credential" });
    expect([...store.raw.values()][0]).not.toContain("apiVersion");
  });

  it("fingerprints change with the credential", async () => {
    const store = memoryCredentialStore();
    const deps = { client: new FakeObjectClient(), store };
    await store.put("m1", { kind: "token", apiEndpoint: "1.2.3.4:6443", token: "a" });
    const a = await resolveClusterKubeconfig(cluster(), deps);
    await store.put("m1", { kind: "token", apiEndpoint: "1.2.3.4:6443", token: "b" });
    const b = await resolveClusterKubeconfig(cluster(), deps);
    expect(a.fingerprint).not.toBe(b.fingerprint);
    expect(parse(a.kubeconfig).clusters[0].cluster.server).toBe("https://1.2.3.4:6443");
  });

  it.each([
    ["no credentials at all", cluster(), []],
    ["secretRef without endpoint", cluster({ secretRef: { namespace: "ns", name: "s" } }), []],
    ["missing Secret", cluster({ apiEndpoint: "https://x", secretRef: { namespace: "ns", name: "s" } }), []],
    ["Secret without token", cluster({ apiEndpoint: "https://x", secretRef: { namespace: "ns", name: "s" } }), [{ apiVersion: "v1", kind: "Secret", metadata: { name: "s", namespace: "ns" }, data: { caBundle: b64(CA) } }]],
  ])("answers BadRequest for %s", async (_n, c, objects) => {
    const err = await resolveClusterKubeconfig(c, { client: new FakeObjectClient({ objects }), store: memoryCredentialStore() }).catch((e) => e);
    expect(ApiError.is(err, "BadRequest")).toBe(true);
  });
});

describe("normalizeEndpoint", () => {
  it.each([
    ["10.0.0.1:6443", "https://10.0.0.1:6443"],
    ["https://api.example.com/", "https://api.example.com"],
    ["http://h:80", "http://h:80"],
  ])("%s → %s", (a, b) => expect(normalizeEndpoint(a)).toBe(b));
});
