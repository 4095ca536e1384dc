import { describe, expect, it } from "vitest";
import { hostedClusterObject, hostedSandboxObjects, hostedSecretObject } from "./member-objects";
import { isHostRequest, isHostResponse, type HostedSandbox } from "./protocol";

const sandbox: HostedSandbox = {
  name: "m7",
  server: "https://127.0.0.1:40123",
  token: "tok-123",
  caCert: "-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----\n",
  kubeconfigPath: "/tmp/x/kubeconfig",
  mode: "Push",
  region: "eu-west-1",
  zone: "eu-west-1b",
  provider: "gcp",
  labels: { tier: "gold" },
};

describe("hosted sandbox registration objects", () => {
  it("creates the namespace first, then the Secret, then the Cluster", () => {
    expect(hostedSandboxObjects(sandbox).map((o) => `${o.kind}/${o.metadata?.name}`)).toEqual(["Namespace/karmada-cluster", "Secret/m7", "Cluster/m7"]);
  });

  it("describes the member as Karmada's Cluster with the sandbox label and the secret reference", () => {
    const c = hostedClusterObject(sandbox);
    expect(c.metadata?.labels).toEqual({ tier: "gold", "flotilla.io/sandbox": "true" });
    expect(c.spec).toMatchObject({ syncMode: "Push", apiEndpoint: sandbox.server, secretRef: { namespace: "karmada-cluster", name: "m7" }, region: "eu-west-1", zones: ["eu-west-1b"], provider: "gcp" });
  });

  it("stores token and CA base64-encoded, as karmadactl join does", () => {
    const s = hostedSecretObject(sandbox) as unknown as { data: Record<string, string>; metadata: { namespace: string } };
    expect(s.metadata.namespace).toBe("karmada-cluster");
    expect(Buffer.from(s.data.token, "base64").toString()).toBe("tok-123");
    expect(Buffer.from(s.data.caBundle, "base64").toString()).toBe(sandbox.caCert);
  });
});

describe("host protocol guards", () => {
  it.each([
    [{ id: 1, op: "create", specs: [] }, true],
    [{ id: 1, op: "create" }, false],
    [{ id: 2, op: "delete", names: ["a"] }, true],
    [{ id: 3, op: "list" }, true],
    [{ id: 4, op: "stop" }, true],
    [{ op: "stop" }, false],
    [{ id: 5, op: "explode" }, false],
    [null, false],
  ])("isHostRequest(%j) = %s", (msg, want) => expect(isHostRequest(msg)).toBe(want));

  it.each([
    [{ id: 1, ok: true, sandboxes: [] }, true],
    [{ id: 1, ok: false, error: "x" }, true],
    [{ op: "ready", pid: 3 }, false],
    ["hello", false],
  ])("isHostResponse(%j) = %s", (msg, want) => expect(isHostResponse(msg)).toBe(want));
});
