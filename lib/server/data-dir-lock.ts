import { open, readFile, rm } from "node:fs/promises";
import path from "node:path";

/**
 * The embedded store's data directory belongs to one process at a time: PGlite has no lock of
 * its own, and two processes writing one database directory corrupt it. The lock is a pid file,
 * taken exclusively; a file left by a process that no longer runs (SIGKILL, crash) is taken
 * over, which is what lets a restarted plane also free its dead predecessor's lease at once.
 */
export async function lockDataDir(dataDir: string): Promise<{ release: () => Promise<void> }> {
  const file = path.join(dataDir, "flotilla.pid");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, "wx", 0o600);
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return { release: () => releaseIfOurs(file) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const holder = Number((await readFile(file, "utf8").catch(() => "")).trim());
    if (holder && holder !== process.pid && isRunning(holder)) {
      throw new Error(`the data directory ${dataDir} is in use by another Flotilla process (pid ${holder}); stop it first, or set FLOTILLA_DATA_DIR to another directory`);
    }
    // The holder is gone (or it is us, from an earlier start in this process): take the lock over.
    await rm(file, { force: true });
  }
  throw new Error(`could not lock the data directory ${dataDir}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, under another user.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function releaseIfOurs(file: string): Promise<void> {
  const holder = Number((await readFile(file, "utf8").catch(() => "")).trim());
  if (holder === process.pid) await rm(file, { force: true });
}
