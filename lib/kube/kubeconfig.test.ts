import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { KubeconfigError, buildKubeconfig, listKubeconfigContexts, parseKubeconfig, toBase64 } from "./kubeconfig";

const CA = "-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n";
const b64 = (s: string) => Buffer.from(s).toString("base64");

const MULTI = `
apiVersion: v1
kind: Config
current-context: prod
clusters:
- name: prod-cluster
  cluster:
    server: https://10.0.0.1:6443
    certificate-authority-data: ${b64(CA)}
- name: dev-cluster
  cluster:
    server: https://dev.example:443
    insecure-skip-tls-verify: true
users:
- name: admin
  user:
    client-certificate-data: ${b64("CERT-PEM")}
    client-key-data: ${b64("KEY-PEM")}
- name: dev
  user:
    token: dev-token
contexts:
- name: prod
  context: {cluster: prod-cluster, user: admin}
- name: dev
  context: {cluster: dev-cluster, user: dev, namespace: team-a}
`;

describe("buildKubeconfig", () => {
  it("produces the kubectl layout with the CA base64-embedded", () => {
    const text = buildKubeconfig({ name: "flotilla", server: "https://127.0.0.1:6443", caData: CA, token: "t0k", namespace: "ns1" });
    const doc = parse(text);
    expect(doc).toMatchObject({
      apiVersion: "v1",
      kind: "Config",
      "current-context": "flotilla",
      clusters: [{ name: "flotilla", cluster: { server: "https://127.0.0.1:6443", "certificate-authority-data": b64(CA) } }],
      users: [{ name: "flotilla", user: { token: "t0k" } }],
      contexts: [{ name: "flotilla", context: { cluster: "flotilla", user: "flotilla", namespace: "ns1" } }],
    });
  });

  it("omits the namespace when not given", () => {
    const doc = parse(buildKubeconfig({ name: "a", server: "https://x", caData: CA, token: "t" }));
    expect(doc.contexts[0].context).toEqual({ cluster: "a", user: "a" });
  });

  it("round-trips through parseKubeconfig", () => {
    const text = buildKubeconfig({ name: "sandbox-1", server: "https://127.0.0.1:40001", caData: CA, token: "abc", namespace: "default" });
    expect(parseKubeconfig(text)).toEqual({
      server: "https://127.0.0.1:40001",
      caData: CA,
      token: "abc",
      namespace: "default",
      contextName: "sandbox-1",
      contexts: ["sandbox-1"],
    });
  });
});

describe("toBase64", () => {
  it.each(["", "abc", "héllo ☃", CA])("matches Buffer for %j", (s) => {
    expect(toBase64(s)).toBe(Buffer.from(s, "utf8").toString("base64"));
  });
});

describe("parseKubeconfig", () => {
  it("resolves current-context and decodes client certificates", () => {
    expect(parseKubeconfig(MULTI)).toEqual({
      server: "https://10.0.0.1:6443",
      caData: CA,
      clientCert: "CERT-PEM",
      clientKey: "KEY-PEM",
      contextName: "prod",
      contexts: ["prod", "dev"],
    });
  });

  it("resolves a named context with token, namespace and insecure-skip-tls-verify", () => {
    expect(parseKubeconfig(MULTI, "dev")).toEqual({
      server: "https://dev.example:443",
      token: "dev-token",
      insecureSkipTLSVerify: true,
      namespace: "team-a",
      contextName: "dev",
      contexts: ["prod", "dev"],
    });
  });

  it("uses the only context when current-context is absent", () => {
    const text = MULTI.replace("current-context: prod\n", "").replace(/- name: dev\n {2}context:.*\n/, "");
    expect(parseKubeconfig(text).contextName).toBe("prod");
  });

  it("lists contexts", () => {
    expect(listKubeconfigContexts(MULTI)).toEqual(["prod", "dev"]);
  });

  it.each<[string, string, string | undefined, RegExp]>([
    ["missing context", MULTI, "staging", /context "staging" not found in kubeconfig; available contexts: prod, dev/],
    ["invalid YAML", "clusters: [\n  - {", undefined, /not valid YAML/],
    ["not a mapping", "- a\n- b\n", undefined, /must be a YAML mapping/],
    ["no contexts", "apiVersion: v1\nkind: Config\n", undefined, /defines no contexts/],
    ["ambiguous", MULTI.replace("current-context: prod\n", ""), undefined, /no current-context; choose one of: prod, dev/],
    ["contexts not a list", "contexts: {a: b}\n", "a", /"contexts" must be a list/],
    ["unnamed entry", "contexts:\n- context: {cluster: c}\n", "a", /contexts\[0\] must have a name/],
    ["missing cluster", MULTI.replace("cluster: prod-cluster,", "cluster: gone,"), undefined, /cluster "gone" of context "prod" not found/],
    ["missing user", MULTI.replace("user: admin}", "user: ghost}"), undefined, /user "ghost" of context "prod" not found/],
    ["no server", MULTI.replace("server: https://10.0.0.1:6443\n", ""), undefined, /cluster "prod-cluster" has no server URL/],
    ["bad base64", MULTI.replace(b64(CA), "not*base64"), undefined, /certificate-authority-data is not valid base64/],
    ["CA file", MULTI.replace(`certificate-authority-data: ${b64(CA)}`, "certificate-authority: /etc/ca.crt"), undefined, /refers to a file \(certificate-authority\)/],
    ["exec plugin", MULTI.replace(/client-certificate-data: .*\n {4}client-key-data: .*\n/, "exec: {command: aws}\n"), undefined, /exec plugin/],
  ])("rejects %s", (_name, text, context, message) => {
    expect(() => parseKubeconfig(text, context)).toThrow(KubeconfigError);
    expect(() => parseKubeconfig(text, context)).toThrow(message);
  });
});
