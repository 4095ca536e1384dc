import { describe, expect, it } from "vitest";
import { decodeObject, decodeText, readBody } from "./request-body";

const enc = (s: string) => new TextEncoder().encode(s);

describe("request bodies", () => {
  it("decodes JSON and YAML", () => {
    expect(decodeObject("application/json", enc('{"kind":"ConfigMap"}'))).toEqual({ kind: "ConfigMap" });
    expect(decodeObject("application/yaml", enc("kind: ConfigMap\nmetadata:\n  name: a\n"))).toEqual({ kind: "ConfigMap", metadata: { name: "a" } });
  });

  it.each([
    ["application/json", "{not json"],
    ["application/yaml", "a: [1, 2\n"],
    ["application/json", "[1,2]"],
    ["application/json", ""],
  ])("answers 400 for malformed %s body %j", (ct, body) => {
    expect(() => decodeObject(ct, enc(body))).toThrowError(expect.objectContaining({ status: expect.objectContaining({ code: 400 }) }));
  });

  it("decodes a JSON object sent as YAML like the YAML parser would (apply patches)", () => {
    const body = ' {"apiVersion":"v1","kind":"ConfigMap","data":{"a":"1.0","b":"\\u00e9"},"n":1.5,"x":null}\n';
    expect(decodeText(enc(body), true)).toEqual({ apiVersion: "v1", kind: "ConfigMap", data: { a: "1.0", b: "é" }, n: 1.5, x: null });
    // Repeated keys still reach the YAML parser, which refuses them.
    expect(() => decodeText(enc('{"a":1,"a":2}'), true)).toThrowError(expect.objectContaining({ status: expect.objectContaining({ code: 400 }) }));
    // Flow-style YAML that is not JSON still parses as YAML.
    expect(decodeText(enc("{a: 1, b: [x]}"), true)).toEqual({ a: 1, b: ["x"] });
  });

  it("answers 415 for unknown content types", () => {
    expect(() => decodeObject("text/plain", enc("x"))).toThrowError(expect.objectContaining({ status: expect.objectContaining({ code: 415 }) }));
  });

  it("refuses bodies over the limit with 413", async () => {
    const req = new Request("http://x/", { method: "POST", body: "x".repeat(100) });
    await expect(readBody(req, 10)).rejects.toMatchObject({ status: { code: 413 } });
    const ok = new Request("http://x/", { method: "POST", body: "abc" });
    expect(new TextDecoder().decode(await readBody(ok, 10))).toBe("abc");
  });
});

describe("malformed JSON messages", () => {
  const message = (body: string) => {
    try {
      decodeObject("application/json", enc(body));
    } catch (e) {
      return (e as { status: { message: string } }).status.message;
    }
    return "";
  };
  it("says a cut-off body ended early, in Go's words", () => {
    expect(message('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"')).toBe("couldn't get version/kind; json parse error: unexpected end of JSON input");
    expect(message('{"a":')).toBe("couldn't get version/kind; json parse error: unexpected end of JSON input");
  });
  it("names the position of other syntax errors", () => {
    expect(message('{"a":1,,}')).toMatch(/^couldn't get version\/kind; json parse error: .*position 7/);
  });
});
