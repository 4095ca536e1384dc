import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Reads a JSON snapshot; undefined when the file does not exist yet (first start).
 * A corrupt file is an error: silently starting empty would lose a sandbox's state.
 */
export async function readSnapshot<T>(file: string): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  return JSON.parse(text) as T;
}

/**
 * Writes the snapshot atomically: a temp file in the same directory renamed over the target,
 * so a crash mid-write leaves the previous snapshot intact.
 */
export async function writeSnapshot(file: string, data: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, JSON.stringify(data), "utf8");
  await rename(tmp, file);
}
