/**
 * The write-ahead log of a PGlite database fills the disk (run by db-disk-full.test.ts in a child
 * process, so a hang is a timeout there, not a frozen test runner):
 *   db-wal-full-main.ts <folder on a small disk> [bytes to leave free, default 21 MB]
 * Prints one JSON line: the error of the write that met the full disk, how a read after it ended, and how long it took.
 */
import { rmSync, statfsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "../../src/db/database";
import { toError } from "../../src/errors";

const dir = process.argv[2]!;
const db = await openDatabase({ kind: "pglite", pgliteDir: dir, lockWaitMs: 0 });
await db.exec("CREATE TABLE junk (id int PRIMARY KEY, n int NOT NULL, t text) WITH (fillfactor = 30)");
await db.exec("INSERT INTO junk SELECT g, 0, md5(g::text) FROM generate_series(1, 3000) g");
await db.exec("CHECKPOINT");
// Fill the disk: updates fit in the pages' free space (no new table pages), so only the log needs more room.
const s = statfsSync(path.dirname(dir));
const leave = Number(process.argv[3] ?? 21 * 1024 * 1024);
const filler = path.join(path.dirname(dir), "filler-wal");
writeFileSync(filler, Buffer.alloc(Math.max(0, s.bavail * s.bsize - leave)));
const seen: { first?: Error } = {};
for (let i = 0; i < 10_000 && !seen.first; i++) {
  await db.transaction((tx) => tx.query("UPDATE junk SET n = n + 1")).catch((e: unknown) => (seen.first = toError(e)));
}
const first = seen.first;
const t0 = Date.now();
const next = await db.query("SELECT count(*)::int AS n FROM junk").then((r) => `ok ${JSON.stringify(r)}`, (e: unknown) => `${toError(e).name}: ${toError(e).message}`);
const nextMs = Date.now() - t0;
await db.close();
rmSync(filler);
console.log(JSON.stringify({ first: first && `${first.name}: ${first.message}`, next, nextMs }));
process.exit(0);
