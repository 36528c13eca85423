import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/database";
import { snapshotPlays, type PlaysSnapshot } from "../../src/load/plays-snapshot";
import { until } from "../support/until";
import { spawnCli } from "./db-spawn-cli";

// Issue 9.1: two processes on one PGlite folder corrupted it (a primary key holding duplicates).
// Real processes, the real CLI, a real folder on disk.
const ROWS = 60;
const made: string[] = [];
const tmp = () => {
  const parent = mkdtempSync(path.join(os.tmpdir(), "wb-lock-"));
  made.push(parent);
  return path.join(parent, "pglite");
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Counts extends PlaysSnapshot {
  distinct: number;
  /** Rows the primary-key index finds: a corrupted index disagrees with the heap. */
  viaIndex: number;
}

async function counts(dir: string): Promise<Counts> {
  const db = await openDatabase({ kind: "pglite", pgliteDir: dir, lockWaitMs: 0 });
  try {
    const [c] = await db.query<{ distinct: number }>("SELECT count(DISTINCT play_hash)::int AS distinct FROM plays");
    await db.exec("SET enable_seqscan = off");
    const [i] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM plays WHERE play_hash > ''");
    return { ...(await snapshotPlays(db)), distinct: c!.distinct, viaIndex: i!.n };
  } finally {
    await db.close();
  }
}

const holderOf = (dir: string) => JSON.parse(readFileSync(`${dir}.lock`, "utf8")) as { pid: number; command: string };

describe("one writer per PGlite folder", () => {
  let clean: Counts;
  beforeAll(async () => {
    const dir = tmp();
    const r = await spawnCli(["--rows", String(ROWS)], { PGLITE_DIR: dir }).exited;
    expect(r.code, r.out).toBe(0);
    clean = await counts(dir);
    expect(clean.rows).toBe(ROWS);
  }, 120_000);

  it("two concurrent runs on one folder: the second waits for the first, both finish, nothing corrupted", async () => {
    const dir = tmp();
    const env = { PGLITE_DIR: dir, PGLITE_LOCK_WAIT_MS: "120000" };
    // Both at once, as two terminals would: whichever opens first holds the folder, the other waits.
    const [ra, rb] = await Promise.all([spawnCli(["--rows", String(ROWS)], env).exited, spawnCli(["--rows", "25"], env).exited]);
    expect(ra.code, ra.out).toBe(0);
    expect(rb.code, rb.out).toBe(0);
    const waited = [ra.out, rb.out].filter((o) => /Waiting up to 120 s: the database in .*pglite is in use by process \d+ \(npm start -- --rows (60|25), since \d\d:\d\d:\d\d UTC\)/.test(o));
    expect(waited).toHaveLength(1);
    expect(existsSync(`${dir}.lock`)).toBe(false); // released on exit
    const after = await counts(dir);
    expect(after).toEqual(clean); // 60 rows, 60 distinct keys, the index agrees, same checksum as one clean run
  }, 240_000);

  it("with PGLITE_LOCK_WAIT_MS=0 the second run stops at once, naming the holder, and the holder's run is unharmed", async () => {
    const dir = tmp();
    const a = spawnCli(["--rows", String(ROWS)], { PGLITE_DIR: dir });
    await until(async () => (existsSync(`${dir}.lock`) ? true : undefined), 60_000, 20);
    const holder = holderOf(dir);
    // Hold the holder where it is (alive, lock held) so the second run cannot simply start after it ends.
    process.kill(holder.pid, "SIGSTOP");
    let b: Awaited<ReturnType<typeof spawnCli>["exited"]>;
    try {
      b = await spawnCli(["--rows", "10"], { PGLITE_DIR: dir, PGLITE_LOCK_WAIT_MS: "0" }).exited;
    } finally {
      process.kill(holder.pid, "SIGCONT");
    }
    expect(b.code, b.out).toBe(1);
    // The folder is outside the project, so it is named in full.
    expect(b.out).toContain(`Error: The database in ${dir} is in use by process ${holder.pid} (npm start -- --rows 60, since `);
    expect(b.out).toMatch(/Wait for it to finish, or set DATABASE_URL for concurrent runs\n?$/);
    expect(b.out).not.toMatch(/\n\s+at /); // one line, no stack
    const ra = await a.exited;
    expect(ra.code, ra.out).toBe(0);
    expect(await counts(dir)).toEqual(clean);
  }, 240_000);

  it("a holder killed with SIGKILL mid-run leaves a stale lock that the next run detects and takes over", async () => {
    const dir = tmp();
    const a = spawnCli(["--rows", String(ROWS)], { PGLITE_DIR: dir });
    await a.waitFor(/✓ validate/, 90_000); // the load is next: kill it while it writes
    const holder = holderOf(dir);
    process.kill(holder.pid, "SIGKILL");
    await a.exited;
    expect(existsSync(`${dir}.lock`)).toBe(true); // nothing could clean up after a SIGKILL
    const b = await spawnCli(["--rows", String(ROWS)], { PGLITE_DIR: dir, PGLITE_LOCK_WAIT_MS: "0" }).exited;
    expect(b.code, b.out).toBe(0);
    expect(b.out).not.toContain("in use by process");
    expect(await counts(dir)).toEqual(clean);
  }, 240_000);

  it("a second open in the same process waits for the first to close (no second PGlite on one folder)", async () => {
    const dir = tmp();
    const first = await openDatabase({ kind: "pglite", pgliteDir: dir });
    await expect(openDatabase({ kind: "pglite", pgliteDir: dir, lockWaitMs: 0 })).rejects.toThrow(
      new RegExp(`in use by process ${process.pid} `),
    );
    const waiting = openDatabase({ kind: "pglite", pgliteDir: dir, lockWaitMs: 20_000 });
    await new Promise((r) => setTimeout(r, 300));
    await first.close();
    const second = await waiting;
    expect(await second.query<{ one: number }>("SELECT 1 AS one")).toEqual([{ one: 1 }]);
    await second.close();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  }, 60_000);

  it("the orchestrator's in-process path (trigger) takes the same lock", async () => {
    const dir = tmp();
    const holder = await openDatabase({ kind: "pglite", pgliteDir: dir });
    try {
      const r = await spawnCli(["trigger", "--rows", "5"], { PGLITE_DIR: dir, PGLITE_LOCK_WAIT_MS: "0" }).exited;
      expect(r.code).toBe(1);
      expect(r.out).toContain(`Error: The database in ${dir} is in use by process ${process.pid} (`);
      expect(r.out).not.toMatch(/\n\s+at /);
    } finally {
      await holder.close();
    }
  }, 60_000);
});
