import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cloneJson, internedCopy } from "./json-clone";
import { intern, internValues, pooledCount } from "./string-pool";

const DEPLOYMENT = '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"labels":{"app":"web"},"annotations":{"propagationpolicy.karmada.io/name":"nginx-propagation"}},"spec":{"replicas":3,"paused":false,"strategy":{"type":"RollingUpdate"},"template":{"spec":{"schedulerName":"default-scheduler","containers":[{"name":"app","image":"nginx:1.27","args":["--a","--b"]}]}}},"status":null}';

/**
 * String identity cannot be seen from JS (=== compares contents), so the sharing is checked
 * where it matters: the heap that 20,000 parsed objects keep, with and without interning.
 */
function heapKeptMB(interned: boolean): number {
  const script = `
    import { internValues } from ${JSON.stringify(path.resolve(__dirname, "string-pool.ts"))};
    const text = ${JSON.stringify(DEPLOYMENT)};
    // Distinct heap strings per object, as objects read from the store or the network have.
    // Kept reachable from a global: a module-level array no later code reads may be collected.
    const kept = (globalThis.kept = []);
    globalThis.gc(); const before = process.memoryUsage().heapUsed;
    const a = ["nginx", "propagation", "policy", "default", "namespace"];
    for (let i = 0; i < 20000; i++) { const o = JSON.parse(text); o.metadata.annotations["propagationpolicy.karmada.io/name"] = a.join("-"); o.spec.strategy.type = a.slice(1).join("/"); o.spec.template.spec.containers[0].image = a.slice(2).join(":"); ${interned ? "internValues(o);" : ""} kept.push(o); }
    globalThis.gc(); console.log((process.memoryUsage().heapUsed - before) / 1e6);`;
  const out = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
  return Number(out.trim());
}

describe("string pool", () => {
  it("returns the value it was given, short or long", () => {
    expect(intern("apps/v1")).toBe("apps/v1");
    const long = "x".repeat(300);
    expect(intern(long)).toBe(long);
  });

  it("interns the string values of an object in place, arrays and nested objects included, and changes no value", () => {
    const one = JSON.parse(DEPLOYMENT);
    internValues(one);
    expect(one).toEqual(JSON.parse(DEPLOYMENT));
  });

  it("lets objects share their repeated strings: 20,000 objects keep less heap", () => {
    const plain = heapKeptMB(false);
    const shared = heapKeptMB(true);
    // Each object got three strings of its own (about 40 bytes of text each): pooled, they are one copy.
    expect(plain - shared).toBeGreaterThan(2);
  }, 30_000);

  it("copies as cloneJson does: a new object graph, undefined members dropped, undefined array slots null, a __proto__ key kept as data", () => {
    const src = JSON.parse('{"a":{"b":["x",1,null,{"c":true}]},"__proto__":{"polluted":"yes"}}') as Record<string, unknown>;
    (src.a as Record<string, unknown>).gone = undefined;
    ((src.a as { b: unknown[] }).b as unknown[]).push(undefined);
    const copy = internedCopy(src);
    expect(copy).toEqual(cloneJson(src));
    expect(copy).not.toBe(src);
    expect(copy.a).not.toBe(src.a);
    expect("gone" in (copy.a as object)).toBe(false);
    expect((copy.a as { b: unknown[] }).b[4]).toBeNull();
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toContain("__proto__");
  });

  it("stays bounded: it starts over once full", () => {
    for (let i = 0; i < 70_000; i++) intern(`unique-${i}`);
    expect(pooledCount()).toBeLessThanOrEqual(65_536);
    expect(pooledCount()).toBeGreaterThan(0);
  });
});
