import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { threadExecArgv } from "./pglite-thread";

describe("threadExecArgv", () => {
  it("drops module loaders and flags a Worker refuses, keeps the rest", () => {
    const argv = ["--import", "tsx", "--require=x", "-r", "y", "--expose-gc", "--cpu-prof", "--cpu-prof-dir=/tmp/p", "--max-old-space-size=512"];
    expect(threadExecArgv(argv)).toEqual(["--cpu-prof", "--cpu-prof-dir=/tmp/p", "--max-old-space-size=512"]);
  });

  it("what it keeps from a --expose-gc process starts a Worker", async () => {
    expect(() => new Worker("", { eval: true, execArgv: ["--expose-gc"] })).toThrow(/execArgv/);
    const w = new Worker("", { eval: true, execArgv: threadExecArgv(["--expose-gc"]) });
    await new Promise((r) => w.once("exit", r));
  });
});
