import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlueGreenRelease, readReleaseLog } from "../../src/release";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../support/databases";

/** `n` publishable plays of a run (the template's NOT NULL columns and a few more). */
function plays(n: number, runId: string): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({
    play_hash: (i + 1).toString(16).padStart(16, "0"),
    play_id: i + 1,
    playbyplay: `Pitch ${i + 1} of ${runId}`,
    line: i + 2,
    pitch_velocity_mph: 90 + (i % 10),
    key_moment: i % 7 === 0,
    excitement: 1 + (i % 10),
    run_id: runId,
  }));
}

const count = async (q: { query: (sql: string) => Promise<{ n: number }[]> }) => (await q.query(`SELECT count(*)::int AS n FROM published_plays`))[0]!.n;

describe.each(DB_KINDS)("blue-green release of the published plays (%s)", (kind) => {
  let t: TestDatabase;
  let release: BlueGreenRelease;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    release = new BlueGreenRelease(t.db, { actor: "ci@test", batchSize: 40 });
  });
  afterAll(() => t?.dispose());

  it("publishes each run into its own table and switches the stable view to it", async () => {
    expect(await release.publish(plays(100, "run-a"), { runId: "run-a" })).toMatchObject({ version: 1, ok: true, rows: 100 });
    expect(await count(t.db as never)).toBe(100);
    expect(await release.publish(plays(150, "run-b"), { runId: "run-b", reason: "nightly" })).toMatchObject({ version: 2, ok: true });
    expect(await count(t.db as never)).toBe(150);
    const runs = await t.db.query<{ run_id: string }>(`SELECT DISTINCT run_id FROM published_plays`);
    expect(runs).toEqual([{ run_id: "run-b" }]);
    expect((await release.versions()).map((v) => [v.table_name, v.rows, v.live])).toEqual([["plays_v2", 150, true], ["plays_v1", 100, false]]);
  });

  it("rolls back to the previous version and logs who did what", async () => {
    expect(await release.rollback("bad excitement scores")).toBe(1);
    expect(await count(t.db as never)).toBe(100);
    const log = await readReleaseLog(t.db, { target: "published_plays" });
    const switches = log.filter((e) => e.action === "switch" || e.action === "rollback").map((e) => [e.action, e.from_version, e.to_version, e.actor, e.reason]);
    expect(switches).toEqual([
      ["rollback", "2", "1", "ci@test", "bad excitement scores"],
      ["switch", "1", "2", "ci@test", "nightly"],
      ["switch", null, "1", "ci@test", null],
    ]);
    expect(log.every((e) => e.at instanceof Date)).toBe(true);
  });

  it("does not publish a version that fails validation", async () => {
    const failing = await release.publish(plays(30, "run-c"), {
      checks: [async (db, table) => {
        const [r] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE pitch_velocity_mph > 95`);
        return r!.n > 0 ? [`${r!.n} pitches faster than 95 mph`] : [];
      }],
    });
    expect(failing).toMatchObject({ version: 3, ok: false, problems: ["12 pitches faster than 95 mph"] });
    expect(await count(t.db as never)).toBe(100);
    expect(await release.live()).toBe(1);
    await expect(release.switchTo(3)).rejects.toThrow(/rejected, not validated/);
    expect((await readReleaseLog(t.db, { limit: 1 }))[0]).toMatchObject({ action: "reject", to_version: "3", reason: "12 pitches faster than 95 mph" });
  });

  it("prunes old versions but never the live one or the rollback target", async () => {
    await release.publish(plays(10, "run-d")); // v4 live, v1 the rollback target
    expect(await release.prune(1)).toEqual([3, 2]);
    const tables = await t.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'plays_v%' ORDER BY table_name`);
    expect(tables.map((r) => r.table_name)).toEqual(["plays_v1", "plays_v4"]);
    expect(await release.rollback()).toBe(1);
    expect(await count(t.db as never)).toBe(100);
    await expect(release.switchTo(2)).rejects.toThrow(/is dropped, not validated/);
    expect((await readReleaseLog(t.db, { target: "published_plays" })).find((e) => e.action === "prune")?.details).toEqual({ dropped: [3, 2] });
  });
});

describe.skipIf(!DB_KINDS.includes("postgres"))("readers during a blue-green switch (postgres)", () => {
  let t: TestDatabase;
  let reader: pg.Client;
  beforeAll(async () => {
    t = await createTestDatabase("postgres");
    reader = new pg.Client({ connectionString: t.url });
    await reader.connect();
  });
  afterAll(async () => {
    await reader?.end();
    await t?.dispose();
  });

  it("only ever see the old full table or the new full table, through load, switch and rollback", async () => {
    const release = new BlueGreenRelease(t.db, { actor: "ci@test", batchSize: 50 });
    await release.publish(plays(1000, "old"));
    const seen: number[] = [];
    const partialInNewTable: number[] = [];
    let stop = false;
    const loop = (async () => {
      while (!stop) seen.push((await reader.query<{ n: number }>(`SELECT count(*)::int AS n FROM published_plays`)).rows[0]!.n);
    })();
    loop.catch(() => (stop = true));
    const midway: number[] = [];
    let readsByMidway = 0;
    await release.publish(plays(2000, "new"), {
      onBatch: async (loaded) => {
        if (loaded !== 1000) return;
        // Half-way: the new table is half full, yet the view still shows the old release.
        midway.push(await count(t.db as never));
        readsByMidway = seen.length;
        partialInNewTable.push((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM plays_v2`))[0]!.n);
      },
    });
    const afterSwitch = seen.length;
    while (!stop && seen.length < afterSwitch + 5) await new Promise((r) => setTimeout(r, 5));
    await release.rollback("reader test");
    const afterRollback = seen.length;
    while (!stop && seen.length < afterRollback + 5) await new Promise((r) => setTimeout(r, 5));
    stop = true;
    await loop;
    expect(midway).toEqual([1000]);
    expect(partialInNewTable).toEqual([1000]);
    expect(readsByMidway).toBeGreaterThan(0); // the reader was reading while the new version loaded
    expect(seen.length).toBeGreaterThan(readsByMidway + 10);
    expect(new Set(seen)).toEqual(new Set([1000, 2000]));
    expect(seen[seen.length - 1]).toBe(1000);
  });
});
