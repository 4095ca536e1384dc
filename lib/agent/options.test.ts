import { describe, expect, it } from "vitest";
import { controlPlaneUrls, parseAgentOptions } from "./options";

describe("controlPlaneUrls", () => {
  it.each([
    ["http://127.0.0.1:3000", undefined, "http://127.0.0.1:3000", "http://127.0.0.1:3000/k8s"],
    ["http://127.0.0.1:3000/", undefined, "http://127.0.0.1:3000", "http://127.0.0.1:3000/k8s"],
    ["https://cp.example/k8s", undefined, "https://cp.example", "https://cp.example/k8s"],
    ["http://127.0.0.1:3000", "https://127.0.0.1:6443", "http://127.0.0.1:3000", "https://127.0.0.1:6443"],
    ["http://127.0.0.1:3000/k8s", "https://127.0.0.1:6443/", "http://127.0.0.1:3000", "https://127.0.0.1:6443"],
  ])("%s with kube API %s", (cp, kubeApi, consoleBase, kube) => {
    expect(controlPlaneUrls(cp, kubeApi)).toEqual({ console: consoleBase, kube });
  });
});

describe("parseAgentOptions", () => {
  const base = ["--control-plane", "http://h:3000/", "--cluster-name", "m1", "--kubeconfig", "/tmp/m1/kc"];

  it("reads flags, with defaults derived from the lease duration and the kubeconfig", () => {
    const o = parseAgentOptions([...base, "--kube-api=https://127.0.0.1:6443/", "--ca-file", "/d/tls/ca.crt"], {});
    expect(o).toMatchObject({ controlPlane: "http://h:3000", kubeApi: "https://127.0.0.1:6443", caFile: "/d/tls/ca.crt", clusterName: "m1", stateDir: "/tmp/m1", leaseDurationSeconds: 40, leaseRenewMs: 10_000, insecureSkipTLSVerify: false });
  });

  it("takes environment variables, and a flag beats its variable", () => {
    const env = { FLOTILLA_CONTROL_PLANE: "http://env:1", FLOTILLA_CLUSTER_NAME: "e", FLOTILLA_KUBECONFIG: "/k", FLOTILLA_KUBE_API: "https://env:6443", FLOTILLA_TOKEN: "t" };
    expect(parseAgentOptions([], env)).toMatchObject({ controlPlane: "http://env:1", kubeApi: "https://env:6443", token: "t", clusterName: "e" });
    expect(parseAgentOptions(["--cluster-name", "flag"], env).clusterName).toBe("flag");
  });

  it.each([
    [["--control-plane", "x"], /missing --cluster-name, --kubeconfig/],
    [[...base, "--bogus"], /unknown argument "--bogus"/],
    [[...base, "--resync-ms", "0"], /--resync-ms must be a positive integer/],
    [[...base, "--token"], /--token needs a value/],
  ])("refuses %j", (argv, message) => {
    expect(() => parseAgentOptions(argv, {})).toThrow(message);
  });

  it("treats a bare boolean flag as true", () => {
    expect(parseAgentOptions([...base, "--insecure-skip-tls-verify"], {}).insecureSkipTLSVerify).toBe(true);
  });
});
