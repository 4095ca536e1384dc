import { describe, expect, it } from "vitest";
import { duplicateJsonKeys } from "./duplicate-keys";

describe("duplicateJsonKeys", () => {
  it.each([
    ['{"a":1,"b":2}', []],
    ['{"a":1,"a":2}', ["a"]],
    ['{"spec":{"paused":true,"paused":false,"x":{"paused":1}}}', ["paused"]],
    ['{"a":[{"k":1,"k":2},{"k":3}],"b":"a","a":0}', ["k", "a"]],
    ['{"s":"\\"a\\":1,","s2":"{\\"x\\":1}"}', []],
    ['{"a\\"b":1,"a\\"b":2}', ['a"b']],
    ['[{"x":1},{"x":2}]', []],
    ['{"a":{},"b":{},"a":[]}', ["a"]],
  ])("%s -> %j", (text, want) => {
    expect(duplicateJsonKeys(text)).toEqual(want);
  });
});
