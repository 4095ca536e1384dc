import { describe, expect, it } from "vitest";
import { isDNS1123Label, isLabelKey, isLabelValue } from "./content";

// Messages of k8s.io/apimachinery v0.36 pkg/api/validate/content, which Karmada vendors.
const NAME_RE = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe("content.IsLabelKey", () => {
  it.each<[string, string[]]>([
    ["app.kubernetes.io/name", []],
    ["a".repeat(64), ["name part must be no more than 63 bytes"]],
    ["", ["name part must be non-empty", `name part ${NAME_RE}`]],
    ["/x", ["prefix part must be non-empty"]],
    ["a/b/c", [`a valid label key ${NAME_RE} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`]],
  ])("%j", (key, want) => {
    expect(isLabelKey(key)).toEqual(want);
  });
});

describe("content.IsLabelValue and IsDNS1123Label", () => {
  it("counts bytes and reports dots in a label", () => {
    expect(isLabelValue("a".repeat(64))).toEqual(["must be no more than 63 bytes"]);
    expect(isDNS1123Label("a.b")).toEqual(["must not contain dots"]);
    expect(isDNS1123Label("ok-name")).toEqual([]);
  });
});
