import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshotPlays, type PlaysSnapshot } from "../../src/load/plays-snapshot";
import { createTestDatabase, DB_KINDS, SERVER_URL, type TestDatabase } from "../support/databases";
import { spawnCli } from "./db-spawn-cli";

// Issue 9.5: a dropped server connection during the load crashed `npm start` with
// "Unhandled 'error' event … ECONNRESET" and a stack, and left the run `running` in the ledger.
const ROWS = "729";

async function counts(t: TestDatabase): Promise<PlaysSnapshot & { distinct: number }> {
  const [c] = await t.db.query<{ distinct: number }>("SELECT count(DISTINCT play_hash)::int AS distinct FROM plays");
  return { ...(await snapshotPlays(t.db)), distinct: c!.distinct };
}

describe.skipIf(!DB_KINDS.includes("postgres"))("a server connection dropped during the load (pg_terminate_backend)", () => {
  let clean: PlaysSnapshot;
  let faulted: TestDatabase;
  let admin: pg.Client;
  beforeAll(async () => {
    const ref = await createTestDatabase("postgres");
    try {
      const r = await spawnCli(["--rows", ROWS], { DATABASE_URL: ref.url! }).exited;
      expect(r.code, r.out).toBe(0);
      clean = await snapshotPlays(ref.db);
      expect(clean.rows).toBe(729);
    } finally {
      await ref.dispose();
    }
    faulted = await createTestDatabase("postgres");
    admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
  }, 180_000);
  afterAll(async () => {
    await admin?.end();
    await faulted?.dispose();
  });

  it("ends within seconds with one clear Error line, the open batch rolled back, the run `failed`; a re-run reaches the clean checksum", async () => {
    const dbName = new URL(faulted.url!).pathname.slice(1);
    const cli = spawnCli(["--rows", ROWS], { DATABASE_URL: faulted.url! });
    // Wait for the load's INSERT to be on the server, then cut every connection of the run.
    let terminatedAt = 0;
    while (!terminatedAt && cli.child.exitCode === null) {
      const r = await admin.query(
        `SELECT pg_terminate_backend(pid) AS t FROM pg_stat_activity
         WHERE datname = $1 AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE 'INSERT INTO plays%'`,
        [dbName],
      );
      if (r.rows.length > 0) {
        terminatedAt = Date.now();
        await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [dbName]);
      }
    }
    const run = await cli.exited;
    expect(terminatedAt, `the load ended before the fault could be injected:\n${run.out}`).toBeGreaterThan(0);
    expect(run.code).toBe(1);
    expect(Date.now() - terminatedAt).toBeLessThan(10_000);
    expect(run.out).not.toContain("Unhandled");
    expect(run.out).not.toMatch(/\n\s+at /); // no stack trace
    const errors = run.out.split("\n").filter((l) => l.startsWith("Error: "));
    expect(errors).toHaveLength(1);
    // The cut lands in a batch of the load (the usual case: it names the batch and what stays committed), or, when
    // that INSERT had just finished, in the next statement of the run: the same plain cause either way.
    expect(errors[0]).toMatch(/^Error: (Loading plays failed in batch \d+ \(rolled back; \d+ row\(s\) of earlier batches stay committed\): )?Lost the connection to the PostgreSQL server \(.+\)\. Check the server, then re-run/);
    const inBatch = /; (\d+) row\(s\) of earlier batches stay committed/.exec(errors[0]!);

    // The failing batch left nothing behind; the earlier ones are whole; the ledger says failed.
    const after = await counts(faulted);
    if (inBatch) expect(after.rows).toBe(Number(inBatch[1]));
    expect(after.distinct).toBe(after.rows);
    const runs = await faulted.db.query<{ state: string; error: string }>("SELECT state, error FROM pipeline_runs");
    expect(runs).toHaveLength(1);
    expect(runs[0]!.state).toBe("failed");
    expect(runs[0]!.error).toMatch(/Lost the connection to the PostgreSQL server/);

    const again = await spawnCli(["--rows", ROWS], { DATABASE_URL: faulted.url! }).exited;
    expect(again.code, again.out).toBe(0);
    const healed = await counts(faulted);
    expect(healed.distinct).toBe(729);
    expect({ rows: healed.rows, checksum: healed.checksum }).toEqual(clean);
    const states = await faulted.db.query<{ state: string }>("SELECT state FROM pipeline_runs ORDER BY started_at");
    expect(states.map((s) => s.state)).toEqual(["failed", "success"]);
  }, 180_000);
});
