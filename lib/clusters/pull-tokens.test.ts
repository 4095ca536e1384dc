import { describe, expect, it } from "vitest";
import { ApiError } from "../kube/errors";
import { createAuthService } from "../auth/auth-service";
import { tokenHash } from "../auth/password";
import { createPullTokenService, memoryPullTokenStore, parseIssueInput } from "./pull-tokens";

function setup() {
  let t = Date.parse("2025-01-01T00:00:00Z");
  const now = () => new Date(t);
  const store = memoryPullTokenStore(now);
  const svc = createPullTokenService(store, now);
  const auth = createAuthService({
    adminToken: "admin-token",
    now,
    store: {
      findApiToken: (h) => store.findApiToken(h),
      findUser: async () => null,
      upsertUser: async () => {},
      createSession: async () => {},
      findSession: async () => null,
      deleteSession: async () => {},
    },
  });
  const bearer = (token: string) => new Request("http://x/", { headers: { authorization: `Bearer ${token}` } });
  return { svc, store, auth, bearer, advance: (ms: number) => (t += ms) };
}

async function failure(p: Promise<unknown>): Promise<{ code: number; reason: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (ApiError.is(e)) return { code: e.status.code, reason: e.status.reason ?? "", message: e.status.message ?? "" };
    throw e;
  }
  throw new Error("expected a failure");
}

describe("parseIssueInput", () => {
  it.each([
    [{ clusterName: "m1" }, undefined],
    [{ clusterName: "m1", ttlSeconds: 60 }, undefined],
    [{}, "clusterName: Required value"],
    [{ clusterName: "Bad_Name" }, "clusterName: Invalid value"],
    [{ clusterName: "m1", ttlSeconds: 0 }, "ttlSeconds: Invalid value"],
    [{ clusterName: "m1", ttlSeconds: 1.5 }, "ttlSeconds: Invalid value"],
  ])("%j", (input, error) => {
    if (!error) return expect(parseIssueInput(input).clusterName).toBe("m1");
    expect(() => parseIssueInput(input)).toThrow(error);
  });
});

describe("pull token service", () => {
  it("issues a bootstrap token that is no API credential, and exchanges it once for an agent credential", async () => {
    const { svc, auth, bearer } = setup();
    const issued = await svc.issue({ clusterName: "m1", ttlSeconds: 600 });
    expect(issued.expiresAt).toBe("2025-01-01T00:10:00.000Z");
    expect(await auth.authenticate(bearer(issued.token))).toBeNull();
    const cred = await svc.exchange(issued.token, "m1");
    expect(await auth.authenticate(bearer(cred.token))).toEqual({ username: "system:agent:m1", kind: "agent", cluster: "m1" });
    expect(await failure(svc.exchange(issued.token, "m1"))).toMatchObject({ code: 401, message: 'the bootstrap token for cluster "m1" has already been used' });
    const list = await svc.list();
    expect(list.map((r) => [r.kind, r.clusterName, r.state]).sort()).toEqual([["agent", "m1", "Active"], ["bootstrap", "m1", "Used"]]);
    expect(JSON.stringify(list)).not.toContain(issued.token);
    expect(JSON.stringify(list)).not.toContain(tokenHash(issued.token));
  });

  it("refuses expired, revoked, unknown and wrong-cluster bootstrap tokens with clear messages", async () => {
    const { svc, advance } = setup();
    const a = await svc.issue({ clusterName: "m1", ttlSeconds: 60 });
    const b = await svc.issue({ clusterName: "m1" });
    const c = await svc.issue({ clusterName: "m2" });
    expect(await failure(svc.exchange(c.token, "m1"))).toMatchObject({ code: 403, reason: "Forbidden", message: 'the bootstrap token registers cluster "m2", not "m1"' });
    await svc.revoke(b.id);
    expect(await failure(svc.exchange(b.token, "m1"))).toMatchObject({ code: 401, message: 'the bootstrap token for cluster "m1" has been revoked' });
    advance(61_000);
    expect(await failure(svc.exchange(a.token, "m1"))).toMatchObject({ code: 401, message: 'the bootstrap token for cluster "m1" expired at 2025-01-01T00:01:00.000Z' });
    expect(await failure(svc.exchange("nope", "m1"))).toMatchObject({ code: 401, message: "the bootstrap token is not valid" });
    expect((await svc.list()).find((r) => r.id === a.id)?.state).toBe("Expired");
    // The wrong-cluster attempt did not burn c.
    expect((await svc.exchange(c.token, "m2")).clusterName).toBe("m2");
  });

  it("revokes agent credentials, and a re-registration retires the previous one", async () => {
    const { svc, auth, bearer } = setup();
    const first = await svc.exchange((await svc.issue({ clusterName: "m1" })).token, "m1");
    const second = await svc.exchange((await svc.issue({ clusterName: "m1" })).token, "m1");
    expect(await auth.authenticate(bearer(first.token))).toBeNull();
    expect(await auth.authenticate(bearer(second.token))).not.toBeNull();
    expect((await svc.revoke(second.id)).state).toBe("Revoked");
    expect(await auth.authenticate(bearer(second.token))).toBeNull();
    expect(await failure(svc.revoke("missing"))).toMatchObject({ code: 404 });
  });
});
