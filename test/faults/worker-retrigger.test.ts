import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/database";
import { snapshotPlays, type PlaysSnapshot } from "../../src/load/plays-snapshot";
import { spawnCli } from "./db-spawn-cli";

// Issue 9.9: re-triggering a run whose `trigger` process was killed (tasks left `running`) hung
// until pg-boss's expiry. Real processes on one PGlite folder, default settings except the recovery
// bound: 15 s (WORKER_RECOVERY_SECONDS, the least allowed) instead of the default 30 s, which only
// waits longer on the same path (worker-killed.test.ts checks the default split).
const ROWS = "120";
const RECOVERY = { WORKER_RECOVERY_SECONDS: "15" };
const made: string[] = [];
const tmp = () => {
  const parent = mkdtempSync(path.join(os.tmpdir(), "wb-retrigger-"));
  made.push(parent);
  return path.join(parent, "pglite");
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function ledger(dir: string): Promise<PlaysSnapshot & { distinct: number; runs: { run_id: string; state: string }[] }> {
  const db = await openDatabase({ kind: "pglite", pgliteDir: dir, lockWaitMs: 0 });
  try {
    const [c] = await db.query<{ distinct: number }>("SELECT count(DISTINCT play_hash)::int AS distinct FROM plays");
    const runs = await db.query<{ run_id: string; state: string }>("SELECT run_id, state FROM pipeline_runs WHERE dag = 'ingest' ORDER BY created_at");
    return { ...(await snapshotPlays(db)), distinct: c!.distinct, runs };
  } finally {
    await db.close();
  }
}

describe("re-triggering a run whose trigger process was killed mid-task", () => {
  it("picks the run up again and finishes it within the recovery bound, with a clean run's rows and checksum", async () => {
    // The clean run of the same input, in a folder of its own, runs while the other is killed and re-triggered.
    const cleanRun = (async (): Promise<PlaysSnapshot> => {
      const dir = tmp();
      const r = await spawnCli(["trigger", "--rows", ROWS], { PGLITE_DIR: dir, ...RECOVERY }).exited;
      expect(r.code, r.out).toBe(0);
      const db = await openDatabase({ kind: "pglite", pgliteDir: dir });
      try {
        return await snapshotPlays(db);
      } finally {
        await db.close();
      }
    })();
    cleanRun.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    const dir = tmp();
    const first = spawnCli(["trigger", "--rows", ROWS], { PGLITE_DIR: dir, ...RECOVERY });
    const runId = (await first.waitFor(/Started run (\S+)/, 90_000))[1]!;
    await first.waitFor(/▸ extract\[0\]/, 90_000);
    const holder = JSON.parse(readFileSync(`${dir}.lock`, "utf8")) as { pid: number };
    process.kill(holder.pid, "SIGKILL");
    await first.exited;
    expect((await ledger(dir)).runs).toEqual([{ run_id: runId, state: "running" }]);

    const again = await spawnCli(["trigger", "--rows", ROWS], { PGLITE_DIR: dir, PGLITE_LOCK_WAIT_MS: "0", ...RECOVERY }).exited;
    expect(again.code, again.out).toBe(0);
    expect(again.out).toContain(`Found existing run ${runId}`);
    expect(again.out).toMatch(new RegExp(`run ${runId} .* SUCCESS`));
    expect(again.ms).toBeLessThan(90_000); // 15 s to notice the dead worker's tasks, then the run itself
    console.info(`re-trigger finished the run in ${(again.ms / 1000).toFixed(1)} s`);

    const clean = await cleanRun;
    expect(clean.rows).toBe(120);
    const after = await ledger(dir);
    expect(after.runs).toEqual([{ run_id: runId, state: "success" }]);
    expect(after.distinct).toBe(120);
    expect({ rows: after.rows, checksum: after.checksum }).toEqual(clean);
  }, 240_000);
});
