import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RESOLVED_FIELDS, resolvedColumns, type EnrichedPlay, type ResolvedState } from "../../src/domain";
import type { Database } from "../../src/db/database";
import { parsePlays, playHash } from "../../src/extract";
import { PipelineEvents } from "../../src/events";
import { LoadBatchError, PLAY_COLUMNS, loadPlays, loadReferenceTables, quarantineMalformed, readQualityResults, snapshotPlays } from "../../src/load";
import { validatePlays } from "../../src/validate";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../support/databases";
import { makePlay, REFS, syntheticGame } from "../validate/fixtures";

const count = async (t: TestDatabase, table: string) =>
  (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

describe.each(DB_KINDS)("loadPlays on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.dispose());
  beforeEach(async () => {
    await t.db.exec("TRUNCATE plays, raw_plays, quarantine, quality_results, pitchers, batters, pitch_types CASCADE");
    await loadReferenceTables(t.db, REFS);
  });

  /** A 60-row game with two broken rows: outs = 3 and a repeated commentary. */
  function gameWithFaults() {
    const plays = syntheticGame(60);
    plays[10] = { ...plays[10]!, outs: 3 };
    plays.push({ ...plays[5]!, play_id: 61, line: 62 });
    return plays;
  }

  it("loads valid rows, quarantines the rest with named reasons: rows in = loaded + quarantined", async () => {
    const plays = gameWithFaults();
    const { valid, quarantined, report } = validatePlays(plays, REFS);
    const result = await loadPlays(t.db, { runId: "run-1", plays: valid, quarantined, report }, { batchSize: 16 });
    expect(result).toEqual({ inserted: 59, updated: 0, unchanged: 0, quarantined: 2 });
    expect((await count(t, "plays")) + (await count(t, "quarantine"))).toBe(plays.length);
    const stored = await t.db.query<{ play_id: number; reasons: { check: string; field: string }[] }>(
      "SELECT play_id, reasons FROM quarantine ORDER BY play_id",
    );
    expect(stored.map((q) => [q.play_id, q.reasons[0]!.check, q.reasons[0]!.field])).toEqual([
      [11, "domain", "outs"],
      [61, "uniqueness", "play_hash"],
    ]);
    const quality = await readQualityResults(t.db, "run-1");
    expect(quality.find((q) => q.check_name === "domain")).toMatchObject({ passed: 60, failed: 1 });
  });

  it("stores every field of an enriched play in a typed column and reports the load as events", async () => {
    const play = makePlay({
      play_id: 7, pitch_velocity_mph: 97.3, runners_on_base: "1B,3B",
      // The game state's values beside the stated ones: here the paragraph named no batter and no count.
      ...resolvedColumns({
        ...(Object.fromEntries(RESOLVED_FIELDS.map((f) => [f, { value: null, source: null }])) as unknown as ResolvedState),
        inning_number: { value: 1, source: "carried" }, inning_half: { value: "Top", source: "carried" },
        batter_name: { value: "Ana Cruz", source: "carried" }, pre_pitch_balls: { value: 0, source: "inferred" },
        pitcher_id: null, batter_id: 201,
      }),
    });
    const events = new PipelineEvents();
    const seen: string[] = [];
    events.onAny((name) => seen.push(name));
    await loadPlays(t.db, { runId: "typed", plays: [play] }, { events });
    const [row] = await t.db.query(`SELECT ${PLAY_COLUMNS.join(", ")} FROM plays`);
    expect(row).toEqual(play);
    expect(row).toMatchObject({ batter_id_resolved: 201, pitcher_id_resolved: null, resolved_provenance: { batter_id: "carried", pre_pitch_balls: "inferred" } });
    expect(seen).toEqual(["step:start", "rows:progress", "step:success"]);
  });

  it("re-loading the same input leaves the same rows and checksum", async () => {
    const { valid, quarantined, report } = validatePlays(gameWithFaults(), REFS);
    await loadPlays(t.db, { runId: "run-1", plays: valid, quarantined, report });
    const before = await snapshotPlays(t.db);
    const again = await loadPlays(t.db, { runId: "run-2", plays: valid, quarantined, report });
    expect(again).toEqual({ inserted: 0, updated: 0, unchanged: 59, quarantined: 2 });
    expect(await snapshotPlays(t.db)).toEqual(before);
    expect(await count(t, "quarantine")).toBe(2);
    expect(await count(t, "raw_plays")).toBe(60); // the repeat shares its hash with the row it repeats
  });

  it("updates only the rows whose data changed, and clears a fixed row from quarantine", async () => {
    const plays = gameWithFaults();
    const first = validatePlays(plays, REFS);
    await loadPlays(t.db, { runId: "run-1", plays: first.valid, quarantined: first.quarantined });
    plays[10] = { ...plays[10]!, outs: 1 };
    plays[20] = { ...plays[20]!, excitement: plays[20]!.excitement === 10 ? 9 : 10 };
    const second = validatePlays(plays, REFS);
    const result = await loadPlays(t.db, { runId: "run-2", plays: second.valid, quarantined: second.quarantined });
    expect(result).toEqual({ inserted: 1, updated: 1, unchanged: 58, quarantined: 1 });
    expect(await t.db.query("SELECT play_id FROM quarantine")).toEqual([{ play_id: 61 }]);
    expect(await t.db.query("SELECT run_id FROM plays WHERE play_id = 21")).toEqual([{ run_id: "run-2" }]);
  });

  it("commits a large load in growing batches: 200 rows first, then twice as many each time", async () => {
    const plays = syntheticGame(1000);
    const events = new PipelineEvents();
    const done: number[] = [];
    events.on("rows:progress", (e) => done.push(e.done));
    const result = await loadPlays(t.db, { runId: "big", plays }, { events });
    expect(result).toEqual({ inserted: 1000, updated: 0, unchanged: 0, quarantined: 0 });
    expect(done).toEqual([200, 600, 1000]);
    expect(await count(t, "plays")).toBe(1000);
    expect(await count(t, "raw_plays")).toBe(1000);
  });

  it("a failing batch leaves nothing behind while earlier batches stay", async () => {
    const plays = syntheticGame(35);
    plays[24] = makePlay({ ...plays[24]!, pitcher_id: 999 }); // breaks the foreign key, bypassing validation
    const events = new PipelineEvents();
    const seen: string[] = [];
    events.onAny((name) => seen.push(name));
    const error = await loadPlays(t.db, { runId: "run-x", plays }, { batchSize: 10, events }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoadBatchError);
    expect(error).toMatchObject({ table: "plays", batchIndex: 2, committedRows: 20 });
    expect(await t.db.query("SELECT min(play_id)::int AS lo, max(play_id)::int AS hi, count(*)::int AS n FROM plays"))
      .toEqual([{ lo: 1, hi: 20, n: 20 }]);
    expect(await count(t, "raw_plays")).toBe(20);
    expect(seen).toEqual(["step:start", "rows:progress", "rows:progress", "step:error"]);
  });

  it("quarantines malformed CSV rows with their line and reason", async () => {
    const csv = 'playbyplay,extra\n"A good row",x\nan unquoted, comma, row\n"",y\n';
    const { plays, malformed } = parsePlays(csv);
    expect(plays).toHaveLength(1);
    const entries = quarantineMalformed(malformed);
    const result = await loadPlays(t.db, { runId: "run-m", plays: [], quarantined: entries });
    expect(result.quarantined).toBe(2);
    const stored = await t.db.query<{ step: string; reasons: { check: string; message: string }[] }>(
      "SELECT step, reasons FROM quarantine ORDER BY play_id",
    );
    expect(stored.map((s) => [s.step, s.reasons[0]!.check])).toEqual([["extract", "parse"], ["extract", "parse"]]);
    expect(stored[0]!.reasons[0]!.message).toMatch(/^line 3: expected 2 field/);
  });
});

describe("loadPlays options", () => {
  it("rejects a batch size that would break PostgreSQL's 65,535-parameter cap, naming the field", async () => {
    const db = {} as never;
    await expect(loadPlays(db, { runId: "r", plays: [] }, { batchSize: 20_000 })).rejects.toThrow(/`batchSize` to be an integer from 1 to 13107/);
    await expect(loadPlays(db, { runId: "r", plays: [] }, { batchSize: 0 })).rejects.toThrow(/got 0/);
  });
});

describe("loadPlays' bulk path on PGlite (COPY from a CSV blob)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("pglite");
  });
  afterAll(() => t?.dispose());

  /** The same database without the bulk path: its transactions offer only queries (the JSON rows). */
  const jsonOnly = (db: Database): Database => ({ ...db, transaction: (fn) => db.transaction((tx) => fn({ query: tx.query, exec: tx.exec })) });

  /** A game whose text has what CSV must quote: quotes, commas, line breaks, non-Latin letters; an empty string beside nulls. */
  function awkwardGame(): EnrichedPlay[] {
    const plays = syntheticGame(450);
    plays[3] = makePlay({ ...plays[3]!, playbyplay: 'He said "no way", then, well —\nthe crowd: ¡olé! 😀 "quoted"', runners_on_base: "", pitch_type: null });
    plays[3] = { ...plays[3], play_hash: playHash(plays[3].playbyplay) };
    plays[7] = { ...plays[7]!, ...resolvedColumns({
      ...(Object.fromEntries(RESOLVED_FIELDS.map((f) => [f, { value: null, source: null }])) as unknown as ResolvedState),
      batter_name: { value: "Ana \"The Arm\" Cruz, Jr.", source: "carried" }, pitcher_id: null, batter_id: 201,
    }) };
    return plays;
  }

  it("loads the same rows (checksum, raw_plays, counts) as the JSON path, and re-loads nothing", async () => {
    expect(t.db.copyFrom).toBeTypeOf("function");
    const plays = awkwardGame();
    const snapshot = async (db: Database, runId: string) => {
      await db.exec("TRUNCATE plays, raw_plays, quarantine, quality_results, pitchers, batters, pitch_types CASCADE");
      await loadReferenceTables(db, REFS);
      const result = await loadPlays(db, { runId, plays });
      const raw = await db.query(`SELECT md5(string_agg(play_hash || play_id || playbyplay || line, ',' ORDER BY play_hash COLLATE "C")) AS m FROM raw_plays`);
      return { result, plays: await snapshotPlays(db), raw };
    };
    const bulk = await snapshot(t.db, "bulk");
    const json = await snapshot(jsonOnly(t.db), "json");
    expect(bulk.result).toEqual({ inserted: 450, updated: 0, unchanged: 0, quarantined: 0 });
    expect(bulk).toEqual({ ...json, result: bulk.result });
    expect(json.result).toEqual(bulk.result);
    const [row] = await t.db.query<{ playbyplay: string; runners_on_base: string | null; pitch_type: string | null }>(
      "SELECT playbyplay, runners_on_base, pitch_type FROM plays WHERE play_id = 4",
    );
    expect(row).toEqual({ playbyplay: plays[3]!.playbyplay, runners_on_base: "", pitch_type: null });
    // Idempotent on the bulk path too: a second load of the same rows changes nothing.
    expect(await loadPlays(t.db, { runId: "again", plays })).toEqual({ inserted: 0, updated: 0, unchanged: 450, quarantined: 0 });
    expect(await snapshotPlays(t.db)).toEqual(json.plays);
  });
});
