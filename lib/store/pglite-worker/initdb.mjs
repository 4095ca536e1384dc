// Creates an empty PGlite data dir (initdb) and exits: `node initdb.mjs <dataDir>`.
// Run as a child process so that initdb's memory peak (~700 MB resident, most of it never given
// back while the process lives) is not the server's. Plain JavaScript, like worker.mjs.
import { PGlite } from "@electric-sql/pglite";

const dir = process.argv[2];
if (!dir) {
  process.stderr.write("usage: initdb.mjs <dataDir>\n");
  process.exit(2);
}
const db = await PGlite.create(dir);
await db.query("SELECT 1");
await db.close();
process.exit(0);
