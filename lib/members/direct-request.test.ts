import { describe, expect, it } from "vitest";
import { KubeConfig } from "@kubernetes/client-node";
import { authenticate, queryString } from "./direct-request";

describe("queryString", () => {
  it.each([
    { query: undefined, want: "" },
    { query: {}, want: "" },
    { query: { limit: undefined }, want: "" },
    { query: { limit: 500, continue: "a b&c" }, want: "?limit=500&continue=a+b%26c" },
    { query: { labelSelector: "app in (a,b)", force: true }, want: "?labelSelector=app+in+%28a%2Cb%29&force=true" },
  ])("$want", ({ query, want }) => {
    expect(queryString(query)).toBe(want);
  });
});

describe("authenticate", () => {
  const kubeconfig = (user: string) => `apiVersion: v1
kind: Config
clusters: [{ name: c, cluster: { server: "https://127.0.0.1:1" } }]
users: [{ name: u, user: ${user} }]
contexts: [{ name: x, context: { cluster: c, user: u } }]
current-context: x
`;
  const counted = (user: string) => {
    const kc = new KubeConfig();
    kc.loadFromString(kubeconfig(user));
    let calls = 0;
    const orig = kc.applySecurityAuthentication.bind(kc);
    kc.applySecurityAuthentication = (ctx) => {
      calls++;
      return orig(ctx);
    };
    return { kc, calls: () => calls };
  };

  it("authenticates an inline-credential kubeconfig once, with fresh headers per request", async () => {
    const { kc, calls } = counted(`{ token: "abc" }`);
    const a = await authenticate(kc, "application/json");
    a.headers["content-type"] = "x";
    const b = await authenticate(kc, "text/plain");
    expect(calls()).toBe(1);
    expect(b.headers).toEqual({ authorization: "Bearer abc", accept: "text/plain" });
  });

  it("authenticates every request when credentials come from files", async () => {
    const { kc, calls } = counted(`{ client-certificate: /nonexistent/cert, client-key: /nonexistent/key }`);
    await authenticate(kc, "a").catch(() => undefined);
    await authenticate(kc, "a").catch(() => undefined);
    expect(calls()).toBe(2);
  });
});
