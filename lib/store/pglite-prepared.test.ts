import { describe, expect, it } from "vitest";
import { PglitePrepared, sqlLiteral } from "./pglite-prepared";

describe("PglitePrepared", () => {
  it("prepares a name once, after its PREPARE is confirmed", () => {
    const p = new PglitePrepared();
    expect(p.prepareFor("s1", "SELECT $1::int")).toBe("PREPARE s1 AS SELECT $1::int");
    // Not confirmed yet (the PREPARE may have failed): still to prepare.
    expect(p.prepareFor("s1", "SELECT $1::int")).toBe("PREPARE s1 AS SELECT $1::int");
    p.prepared("s1");
    expect(p.prepareFor("s1", "SELECT $1::int")).toBeUndefined();
    expect(p.execute("s1", [7])).toBe("EXECUTE s1(7)");
    expect(p.execute("s1")).toBe("EXECUTE s1");
  });

  it("refuses names that are not plain identifiers", () => {
    expect(() => new PglitePrepared().prepareFor("a; DROP TABLE x", "SELECT 1")).toThrow(/invalid/);
  });

  it("inlines parameters as literals", () => {
    expect(sqlLiteral(null)).toBe("NULL");
    expect(sqlLiteral(undefined)).toBe("NULL");
    expect(sqlLiteral(-3)).toBe("-3");
    expect(sqlLiteral(12n)).toBe("12");
    expect(sqlLiteral(true)).toBe("true");
    expect(sqlLiteral(`{"a":"it's \\"q\\" \\\\"}`)).toBe(`'{"a":"it''s \\"q\\" \\\\"}'`);
    expect(() => sqlLiteral(NaN)).toThrow();
    expect(() => sqlLiteral({})).toThrow();
  });
});
