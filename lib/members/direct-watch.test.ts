import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readLines, type WatchLine } from "./direct-watch";

async function lines(chunks: Buffer[]): Promise<WatchLine[]> {
  const out: WatchLine[] = [];
  let data = 0;
  await readLines(Readable.from(chunks), () => data++, (l) => out.push(l));
  expect(data).toBe(chunks.length);
  return out;
}

describe("readLines", () => {
  it("joins lines split across chunks, even inside a multi-byte character", async () => {
    const text = Buffer.from(`${JSON.stringify({ type: "ADDED", object: { v: "é€" } })}\n${JSON.stringify({ type: "MODIFIED", object: { v: 2 } })}\n`);
    const cut = text.indexOf(Buffer.from("€")) + 1;
    const got = await lines([text.subarray(0, 5), text.subarray(5, cut), text.subarray(cut)]);
    expect(got).toEqual([{ type: "ADDED", object: { v: "é€" } }, { type: "MODIFIED", object: { v: 2 } }]);
  });
  it("delivers a last line without newline, skips blank and broken lines", async () => {
    const got = await lines([Buffer.from('\n{"type":"A"\n{"type":"B","object":1}\n\n{"type":"C","object":2}')]);
    expect(got).toEqual([{ type: "B", object: 1 }, { type: "C", object: 2 }]);
  });
});
