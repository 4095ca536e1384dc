import { describe, expect, it } from "vitest";
import { cloneJson } from "./json-clone";

describe("cloneJson", () => {
  const cases: { name: string; value: unknown }[] = [
    { name: "scalars", value: [1, "a", true, false, null, 0, -2.5] },
    { name: "nested object", value: { metadata: { name: "a", labels: { x: "1" } }, spec: { list: [{ a: 1 }, [2, [3]]] } } },
    { name: "empty containers", value: { a: {}, b: [], c: [[]] } },
    { name: "null prototype object", value: Object.assign(Object.create(null) as object, { k: { v: 1 } }) },
  ];
  it.each(cases)("equals the JSON round trip: $name", ({ value }) => {
    expect(cloneJson(value)).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it("shares no container with its source", () => {
    const src = { metadata: { labels: { a: "1" } }, items: [{ x: 1 }] };
    const copy = cloneJson(src);
    copy.metadata.labels.a = "2";
    copy.items[0].x = 2;
    copy.items.push({ x: 3 });
    expect(src).toEqual({ metadata: { labels: { a: "1" } }, items: [{ x: 1 }] });
  });

  it("drops undefined members and turns undefined array slots into null, as JSON does", () => {
    const copy = cloneJson({ a: undefined, b: [undefined, 1] });
    expect(Object.keys(copy)).toEqual(["b"]);
    expect(copy.b).toEqual([null, 1]);
  });

  it("keeps a __proto__ key as an own property instead of changing the prototype", () => {
    const src = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const copy = cloneJson(src);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.keys(copy)).toEqual(["__proto__", "a"]);
  });

  it("copies non-plain values with structuredClone semantics", () => {
    const d = new Date(0);
    const copy = cloneJson({ d });
    expect(copy.d).toBeInstanceOf(Date);
    expect(copy.d).not.toBe(d);
    expect(copy.d.getTime()).toBe(0);
  });

  it("passes scalars and undefined through", () => {
    expect(cloneJson(undefined)).toBeUndefined();
    expect(cloneJson("s")).toBe("s");
  });
});
