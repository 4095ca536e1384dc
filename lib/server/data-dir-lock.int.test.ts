import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lockDataDir } from "./data-dir-lock";

describe("lockDataDir", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "flotilla-lock-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("refuses a directory held by a live process and names it", async () => {
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"], { stdio: "ignore" });
    try {
      await writeFile(path.join(dir, "flotilla.pid"), `${other.pid}\n`);
      await expect(lockDataDir(dir)).rejects.toThrow(`in use by another Flotilla process (pid ${other.pid})`);
      // Nothing was taken over.
      expect((await readFile(path.join(dir, "flotilla.pid"), "utf8")).trim()).toBe(String(other.pid));
    } finally {
      other.kill("SIGKILL");
    }
  });

  it("takes over a lock left by a process that no longer runs, and releases it", async () => {
    const gone = spawn(process.execPath, ["-e", "0"], { stdio: "ignore" });
    await new Promise((r) => gone.once("exit", r));
    await writeFile(path.join(dir, "flotilla.pid"), `${gone.pid}\n`);
    const lock = await lockDataDir(dir);
    expect((await readFile(path.join(dir, "flotilla.pid"), "utf8")).trim()).toBe(String(process.pid));
    await lock.release();
    await expect(readFile(path.join(dir, "flotilla.pid"), "utf8")).rejects.toThrow();
  });
});
