import { describe, expect, it } from "vitest";
import { FakeObjectClient } from "../controllers/runtime/fake-client";
import { ApiError, errors } from "../kube/errors";
import { buildKubeconfig } from "../kube/kubeconfig";
import type { Cluster } from "../kube/karmada";
import type { MemberClient, MemberClientOptions } from "../members/member-client";
import { SecretBox } from "../server/secret-box";
import { memoryCredentialStore } from "./credential-store";
import { MemberRegistry } from "./member-registry";
import { registerCluster } from "./register-cluster";

const KUBECONFIG = buildKubeconfig({ name: "m", server: "https://127.0.0.1:7443", caData: "-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----", token: "secret-token" });

function setup(behaviour: "ok" | "refused" | "unreachable" | "not-kube" = "ok") {
  const client = new FakeObjectClient();
  const store = memoryCredentialStore(new SecretBox("k"));
  const members = new MemberRegistry({ client, store });
  const registering = new Set<string>();
  const seen: MemberClientOptions[] = [];
  const createClient = (o: MemberClientOptions) => {
    seen.push(o);
    const fail = () => {
      if (behaviour === "refused") throw errors.unauthorized("Unauthorized");
      if (behaviour === "unreachable") throw errors.serviceUnavailable("GET https://127.0.0.1:7443/version: ECONNREFUSED");
      if (behaviour === "not-kube") throw errors.notFoundMessage("404 page not found");
    };
    return {
      version: async () => (fail(), { major: "1", minor: "32", gitVersion: "v1.32.4" }),
      discovery: async () => [],
      close: async () => {},
    } as unknown as MemberClient;
  };
  return { client, store, members, seen, register: (body: unknown) => registerCluster({ client, store, members, registering }, body, { createClient }) };
}

const causesOf = (err: unknown) => (ApiError.is(err) ? (err.status.details?.causes ?? []).map((c) => c.field) : []);

describe("registerCluster", () => {
  it("checks connectivity, stores sealed credentials and creates the Cluster", async () => {
    const { register, client, store, seen } = setup();
    const created = await register({ name: "m1", kubeconfig: KUBECONFIG, labels: { env: "prod" }, region: "eu", zone: "eu-1", provider: "aws", taints: [{ key: "k", effect: "NoSchedule" }], sandbox: true });
    expect(seen[0]).toMatchObject({ kubeconfig: KUBECONFIG, context: "m" });
    const c = await client.get<Cluster>("cluster.karmada.io/v1alpha1", "Cluster", undefined, "m1");
    expect(c?.metadata.labels).toEqual({ env: "prod", "flotilla.io/sandbox": "true" });
    expect(c?.spec).toMatchObject({ syncMode: "Push", apiEndpoint: "https://127.0.0.1:7443", region: "eu", zone: "eu-1", provider: "aws", taints: [{ key: "k", effect: "NoSchedule" }] });
    expect(JSON.stringify(created)).not.toContain("secret-token");
    expect(await store.get("m1")).toMatchObject({ kind: "kubeconfig", context: "m" });
    expect([...store.raw.values()].join()).not.toContain("secret-token");
  });

  it("accepts apiEndpoint + token + caData", async () => {
    const { register, store } = setup();
    await register({ name: "m2", apiEndpoint: "10.0.0.5:6443", token: "t", caData: "PEM" });
    expect(await store.get("m2")).toEqual({ kind: "token", apiEndpoint: "10.0.0.5:6443", token: "t", caData: "PEM" });
  });

  it.each([
    [{}, ["name"]],
    [{ name: "Bad_Name", kubeconfig: KUBECONFIG }, ["name"]],
    [{ name: "m1" }, ["apiEndpoint", "token"]],
    [{ name: "m1", kubeconfig: "::: not yaml" }, ["kubeconfig"]],
    [{ name: "m1", kubeconfig: KUBECONFIG, context: "nope" }, ["context"]],
    [{ name: "m1", kubeconfig: KUBECONFIG, syncMode: "Pull" }, ["syncMode"]],
    [{ name: "m1", kubeconfig: KUBECONFIG, apiEndpoint: "https://x", token: "t" }, ["apiEndpoint"]],
    [{ name: 5, labels: [] }, ["name", "labels"]],
  ])("rejects %j with field causes", async (body, fields) => {
    const { register, client } = setup();
    const err = await register(body).catch((e) => e);
    expect(ApiError.is(err, "Invalid")).toBe(true);
    expect(err.code).toBe(422);
    expect(causesOf(err)).toEqual(fields);
    expect(client.writes).toEqual([]);
  });

  it.each([
    ["refused", 422, /the member cluster refused the credentials \(HTTP 401/],
    ["unreachable", 503, /cannot reach the member cluster at https:\/\/127.0.0.1:7443: .*ECONNREFUSED/],
    ["not-kube", 502, /answered HTTP 404/],
  ] as const)("a member that is %s answers %i and leaves nothing behind", async (behaviour, code, message) => {
    const { register, client, store } = setup(behaviour);
    const err = await register({ name: "m1", kubeconfig: KUBECONFIG }).catch((e) => e);
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    expect(client.writes).toEqual([]);
    expect(store.raw.size).toBe(0);
  });

  it("two registrations of one name at once: the second answers 409 Conflict", async () => {
    const { register, store } = setup();
    const [a, b] = await Promise.allSettled([register({ name: "m1", kubeconfig: KUBECONFIG }), register({ name: "m1", kubeconfig: KUBECONFIG })]);
    expect(a.status).toBe("fulfilled");
    expect(b.status === "rejected" && ApiError.is(b.reason, "Conflict")).toBe(true);
    expect(await store.get("m1")).toBeDefined();
  });

  it("a name that is taken answers 409 before contacting the member", async () => {
    const { register, seen } = setup();
    await register({ name: "m1", kubeconfig: KUBECONFIG });
    const err = await register({ name: "m1", kubeconfig: KUBECONFIG }).catch((e) => e);
    expect(ApiError.is(err, "AlreadyExists")).toBe(true);
    expect(seen).toHaveLength(1);
  });

  it("removes the stored credentials when the Cluster cannot be created", async () => {
    const { register, client, store } = setup();
    let creates = 0;
    client.prependReactor((verb, ref) => {
      if (verb === "create" && ref.kind === "Cluster" && ++creates === 2) throw errors.internal("store down");
    });
    await expect(register({ name: "m1", kubeconfig: KUBECONFIG })).rejects.toThrow(/store down/);
    expect(store.raw.size).toBe(0);
  });
});
