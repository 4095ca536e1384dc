import { describe, expect, it } from "vitest";
import { goYamlMarshal, resolvesToNonString } from "./go-yaml";
import { applyOverriders } from "./apply-overriders";

// Expected texts follow go.yaml.in/yaml/v2's encoder and emitter (encode.go stringv/floatv,
// emitterc.go analyze_scalar, select_scalar_style, write_*_scalar), which sigs.k8s.io/yaml's
// JSONToYAML uses for a fieldOverrider's YAML in Karmada.
describe("goYamlMarshal", () => {
  it.each<[string, unknown, string]>([
    ["strings that would read as something else are double-quoted", { a: "true", b: "123", h: "yes", y: "n", r: "~", s: "null", t: "1e3", u: "0x1F", rr: "0777", ll: "2001-12-14", kk: "1:2", e: "" },
      'a: "true"\nb: "123"\ne: ""\nh: "yes"\nkk: "1:2"\nll: "2001-12-14"\nr: "~"\nrr: "0777"\ns: "null"\nt: "1e3"\nu: "0x1F"\n"y": "n"\n'],
    ["strings plain YAML cannot hold are single-quoted", { c: "a: b", d: "#x", g: "  lead", v: "trailing ", q: "-", z: "@at", aa: "[x]", cc: "*star", "k: ey": 1 },
      "aa: '[x]'\nc: 'a: b'\ncc: '*star'\nd: '#x'\ng: '  lead'\n'k: ey': 1\nq: '-'\nv: 'trailing '\nz: '@at'\n"],
    ["plain where possible", { j: "it's", k: 'say "hi"', bb: "ok, fine", x: "é", url: "http://a/b?c=d#e" }, "bb: ok, fine\nj: it's\nk: say \"hi\"\nurl: http://a/b?c=d#e\nx: é\n"],
    ["escapes what is not printable, and everything beyond the BMP", { w: "tab\there", y: "a\u0001b", emoji: "😀" }, 'emoji: "\\U0001F600"\nw: "tab\\there"\n"y": "a\\x01b"\n'],
    ["literal blocks with chomping and indentation indicators", { f: "multi\nline", p: "multi\nline\n", lit: "\n lead\n\n" }, "f: |-\n  multi\n  line\nlit: |2+\n\n   lead\n\np: |\n  multi\n  line\n"],
    ["numbers, booleans, null, empty collections", { i: 3, m: 1.5, big: 1234567.5, small: 0.00001, t: true, l: null, n: [], o: {} }, 'big: 1.2345675e+06\ni: 3\nl: null\nm: 1.5\n"n": []\no: {}\nsmall: 1e-05\nt: true\n'],
    ["sequences in mappings are not indented; nested sequences are", { seq: [[1, 2], { a: 1, b: [] }, "x"], nested: { m: { k: "v" }, l: ["a", "b"] } },
      "nested:\n  l:\n  - a\n  - b\n  m:\n    k: v\nseq:\n- - 1\n  - 2\n- a: 1\n  b: []\n- x\n"],
    ["a top-level sequence, empty mapping and scalar", [1, "a"], "- 1\n- a\n"],
    ["an empty mapping", {}, "{}\n"],
  ])("%s", (_n, value, want) => {
    expect(goYamlMarshal(value)).toBe(want);
  });

  it("folds plain and quoted scalars at the first space past column 80", () => {
    const x = "x".repeat(30);
    expect(goYamlMarshal({ i: `${x} ${x} ${x} w` })).toBe(`i: ${x} ${x} ${x}\n  w\n`);
    expect(goYamlMarshal({ d: `a\tb ${"c".repeat(90)} d` })).toBe(`d: "a\\tb ${"c".repeat(90)}\n  d"\n`);
    expect(goYamlMarshal({ s: "#" + "x ".repeat(50) })).toBe(`s: '#${"x ".repeat(38)}x\n  ${"x ".repeat(11)}'\n`);
    // keys are never folded
    expect(goYamlMarshal({ [`${x} ${x} ${x} k`]: 1 })).toBe(`${x} ${x} ${x} k: 1\n`);
  });

  it("writes keys longer than 128 bytes or multi-line as complex keys", () => {
    const k = "k".repeat(129);
    expect(goYamlMarshal({ m: { [k]: 1 } })).toBe(`m:\n  ? ${k}\n  : 1\n`);
    expect(goYamlMarshal({ "a\nb": 1 })).toBe('? |-\n  a\n  b\n: 1\n');
  });

  it.each([
    ["true", true], ["Off", true], ["y", true], ["", true], ["<<", false], [".5", true], ["-1_000", true], ["0b101", true], ["+.inf", true], ["1e3", true],
    ["2001-12-14t21:59:43.10-05:00", true], ["2001-12-14 21:59:43.10", true], ["2001-13-14", false], ["2001-12-14T21:59:43", false],
    ["yes please", false], ["-", false], ["1.2.3", false], ["0x", false], ["hello", false], ["0xFFFFFFFFFFFFFFFFFF", false], ["0o17", true], ["18446744073709551615", true], ["-9223372036854775809", true],
  ])("resolve(%j) is not a string: %s", (s, want) => {
    expect(resolvesToNonString(s)).toBe(want);
  });
});

describe("fieldOverrider YAML through sigs.k8s.io/yaml", () => {
  const cm = (text: string) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { "c.yaml": text } });
  const yaml = (text: string, subPath: string, operator: "add" | "replace" | "remove", value?: unknown) =>
    (applyOverriders(cm(text), { fieldOverrider: [{ fieldPath: "/data/c.yaml", yaml: [{ subPath, operator, value }] }] }).manifest.data as Record<string, string>)["c.yaml"];

  it("reads YAML as go-yaml v2: timestamps and sexagesimals stay strings, 1.1 booleans and octals convert", () => {
    expect(yaml("d: 2001-12-14\ns: 1:20\nb: on\no: 0777\nf: 1.0\n", "/x", "add", 1)).toBe('b: true\nd: "2001-12-14"\nf: 1\no: 511\ns: "1:20"\nx: 1\n');
  });

  it("resolves plain scalars with go-yaml v2's rules, quoted ones stay strings", () => {
    const text = "a: 0o17\nb: -0x1F\nc: 0xFFFFFFFFFFFFFFFFFF\nd:\ne: 'on'\nf: 1_000\ng: .5\nh: 08\ni: +12\nj: Yes\n";
    expect(yaml(text, "/x", "add", 1)).toBe('a: 15\nb: -31\nc: 0xFFFFFFFFFFFFFFFFFF\nd: null\ne: "on"\nf: 1000\ng: 0.5\nh: 8\ni: 12\nj: true\nx: 1\n');
  });

  it("merges << keys", () => {
    expect(yaml("base: &b {a: 1, b: 2}\nm:\n  <<: *b\n  b: 3\n", "/x", "add", 1)).toBe("base:\n  a: 1\n  b: 2\nm:\n  a: 1\n  b: 3\nx: 1\n");
  });

  it("keeps the last of duplicate keys and reads only the first document", () => {
    expect(yaml("a: 1\na: 2\n---\nb: 3\n", "/c", "add", 3)).toBe("a: 2\nc: 3\n");
  });

  it("keeps integers exact as go-yaml's int64/uint64 do", () => {
    expect(yaml("id: 123456789012345678\nu: 18446744073709551615\nf: 18446744073709551616\n", "/x", "add", 1)).toBe(
      "f: 1.8446744073709552e+19\nid: 123456789012345678\nu: 18446744073709551615\nx: 1\n",
    );
  });

  it("turns map keys into strings as sigs.k8s.io/yaml does, and fails on a null key", () => {
    expect(yaml("1: a\n1.5: b\ntrue: c\n1e6: d\n0.1: e\n", "/x", "add", 1)).toBe('"0.1": e\n"1": a\n"1.5": b\n"1e+06": d\n"true": c\nx: 1\n');
    expect(() => yaml("~: a\n", "/x", "add", 1)).toThrow("unsupported map key of type: <nil>");
  });

  it("fails on .inf, which JSON cannot hold", () => {
    expect(() => yaml("a: .inf\n", "/c", "add", 3)).toThrow("json: unsupported value: +Inf");
  });

  it("rewrites a realistic config in Go's style", () => {
    const text = "server:\n  port: 8080\n  hosts: [a.example, b.example]\n  banner: \"Welcome: friend\"\nlogging:\n  level: info\n";
    expect(yaml(text, "/logging/level", "replace", "debug")).toBe(
      "logging:\n  level: debug\nserver:\n  banner: 'Welcome: friend'\n  hosts:\n  - a.example\n  - b.example\n  port: 8080\n",
    );
  });
});
