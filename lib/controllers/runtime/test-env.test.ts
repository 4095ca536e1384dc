import { afterEach, describe, expect, it } from "vitest";
import type { KubeObject } from "../../kube/types";
import { setCondition } from "./conditions";
import { addFinalizer } from "./finalizers";
import type { Request } from "./keys";
import type { ReconcileContext, Result } from "./result";
import { createTestEnv, type TestEnv } from "./test-env";

// A tiny reconciler written the way style.md asks, to prove the bench supports such tests.
async function reconcile(env: TestEnv, req: Request, ctx: ReconcileContext): Promise<Result> {
  const cached = ctx.informers.informerFor({ apiVersion: "v1", kind: "ConfigMap" }).get(req.namespace, req.name);
  if (!cached) return {};
  const obj = structuredClone(cached) as KubeObject & { status?: { conditions?: never[] } };
  if (addFinalizer(obj, "example.io/cleanup")) {
    await env.client.update(obj);
    return {};
  }
  const next = setCondition(obj.status?.conditions, { type: "Ready", status: "True", reason: "Reconciled", message: "all good" }, new Date(env.clock.now()));
  if (!next.changed) return {};
  await env.client.updateStatus({ ...obj, status: { conditions: next.conditions } });
  env.events.event(obj, "Normal", "Reconciled", "all good");
  return {};
}

let env: TestEnv;
afterEach(async () => env?.stop());

describe("createTestEnv", () => {
  it("supports outline-style reconciler tests, including the idempotency check", async () => {
    env = await createTestEnv({ objects: [{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "a", namespace: "ns" } }], watches: [{ apiVersion: "v1", kind: "ConfigMap" }] });
    const req = { namespace: "ns", name: "a" };
    await reconcile(env, req, env.ctx());
    await env.settle();
    await reconcile(env, req, env.ctx());
    await env.settle();
    expect(env.client.writes.map((w) => w.verb)).toEqual(["update", "updateStatus"]);
    expect(env.events.events).toEqual([{ kind: "ConfigMap", namespace: "ns", name: "a", type: "Normal", reason: "Reconciled", message: "all good" }]);
    env.client.resetWrites();
    await reconcile(env, req, env.ctx());
    expect(env.client.writes).toEqual([]);
  });
});
