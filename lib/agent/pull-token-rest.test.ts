import { describe, expect, it } from "vitest";
import { agentCommand, kubeApiTargetOf, pullTokenRest } from "./pull-token-rest";
import { createPullTokenService, memoryPullTokenStore } from "../clusters/pull-tokens";
import type { FlotillaConfig } from "../server/config";
import { parseAgentOptions } from "./options";

const admin = { username: "admin", kind: "user" as const };

describe("agentCommand", () => {
  it("keeps the console's /k8s mount when no kube API is given", () => {
    expect(agentCommand({ controlPlane: "http://127.0.0.1:3000", token: "fbt_x", clusterName: "m1", kubeconfig: "/k" })).toBe("npx flotilla agent --control-plane http://127.0.0.1:3000 --token fbt_x --cluster-name m1 --kubeconfig /k");
  });

  it("names the HTTPS kube port and the CA that signs it, and parses back to the same options", () => {
    const cmd = agentCommand({ controlPlane: "http://127.0.0.1:3000", token: "fbt_x", clusterName: "m1", kubeconfig: "/k", kube: { kubeApi: "https://127.0.0.1:6443", caFile: "/data/tls/ca.crt" } });
    expect(cmd).toBe("npx flotilla agent --control-plane http://127.0.0.1:3000 --kube-api https://127.0.0.1:6443 --ca-file /data/tls/ca.crt --token fbt_x --cluster-name m1 --kubeconfig /k");
    const o = parseAgentOptions(cmd.split(" ").slice(3), {});
    expect(o).toMatchObject({ controlPlane: "http://127.0.0.1:3000", kubeApi: "https://127.0.0.1:6443", caFile: "/data/tls/ca.crt", token: "fbt_x", clusterName: "m1", kubeconfig: "/k" });
  });
});

describe("kubeApiTargetOf", () => {
  const config = (o: Partial<FlotillaConfig>) => ({ dataDir: "/data", ...o }) as FlotillaConfig;
  it.each([
    [{ kubeUrl: "https://127.0.0.1:6443" }, {}, { kubeApi: "https://127.0.0.1:6443", caFile: "/data/tls/ca.crt" }],
    [{ kubeUrl: "https://127.0.0.1:6443" }, { tlsCertFile: "/etc/tls/chain.pem" }, { kubeApi: "https://127.0.0.1:6443", caFile: "/etc/tls/chain.pem" }],
    [{ kubeUrl: "http://127.0.0.1:8080" }, {}, { kubeApi: "http://127.0.0.1:8080" }],
    [{}, {}, undefined],
  ])("services %j, config %j", (services, cfg, want) => {
    expect(kubeApiTargetOf({ services, config: config(cfg) })).toEqual(want);
  });
});

describe("pullTokenRest.issue", () => {
  const svc = createPullTokenService(memoryPullTokenStore());
  const req = new Request("http://console.local:3000/api/v1/clusters/pull-tokens", { method: "POST" });
  const kube = { kubeApi: "https://127.0.0.1:6443", caFile: "/data/tls/ca.crt" };

  it("prints the HTTPS kube API with --ca-file by default, the console path on request", async () => {
    const a = await (await pullTokenRest.issue(svc, admin, req, { clusterName: "m1" }, kube)).json();
    expect(a.command).toBe(`npx flotilla agent --control-plane http://console.local:3000 --kube-api https://127.0.0.1:6443 --ca-file /data/tls/ca.crt --token ${a.token} --cluster-name m1 --kubeconfig ~/.kube/config`);
    const b = await (await pullTokenRest.issue(svc, admin, req, { clusterName: "m1", kubeApi: "console", kubeconfigPath: "/m/kc" }, kube)).json();
    expect(b.command).toBe(`npx flotilla agent --control-plane http://console.local:3000 --token ${b.token} --cluster-name m1 --kubeconfig /m/kc`);
  });

  it("refuses agents and anonymous callers", async () => {
    await expect(pullTokenRest.issue(svc, { username: "system:agent:m1", kind: "agent", cluster: "m1" }, req, { clusterName: "m2" })).rejects.toMatchObject({ status: { code: 403 } });
    await expect(pullTokenRest.issue(svc, null, req, { clusterName: "m2" })).rejects.toMatchObject({ status: { code: 401 } });
  });
});
