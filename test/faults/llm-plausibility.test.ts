import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FaultRule } from "../../scripts/simulated-model/faults";
import type { SimulatedModel } from "../../scripts/simulated-model/server";
import { statedSpeed } from "../../src/transform/llm/plausibility-check";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../support/databases";
import { extractionOf, loadPlays, startSim, truthByHash } from "../transform/llm/llm-test-kit";
import { accountFor, runOnSim } from "./llm-fault-kit";

// Issue 9 item 7: a schema-valid answer that contradicts its paragraph or the game is re-asked once, then
// quarantined with the reason; only answers that pass enter the cache, and a cached one that fails is evicted.
const ROWS = 40;
const plays = loadPlays().slice(0, ROWS);
const truth = truthByHash();
const target = plays.find((p, i) => i > 8 && statedSpeed(p.playbyplay) !== null && truth.get(p.play_hash)!.pitch_velocity_mph !== null)!;

describe.each(DB_KINDS)("plausibility of LLM answers (%s)", (kind) => {
  let t: TestDatabase;
  let sims: SimulatedModel[] = [];
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await Promise.all(sims.map((s) => s.close()));
    await t?.dispose();
  });
  const sim = async (faults: FaultRule[]) => {
    const s = await startSim({ faults });
    sims.push(s);
    return s;
  };
  const cached = async (where: string) =>
    (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM llm_cache WHERE step = 'extract' AND ${where}`))[0]!.n;

  it("an all-null answer for a paragraph that states a pitch speed is re-asked, then quarantined with the reason; not cached", async () => {
    const s = await sim([{ kind: "all_null", playHash: target.play_hash }]);
    const result = await runOnSim(s, t.db, { rows: ROWS, runId: "null-always" });
    expect(result.quarantine).toHaveLength(1);
    const q = result.quarantine[0]!;
    expect(q.play.play_hash).toBe(target.play_hash);
    expect(JSON.stringify(q.reasons)).toMatch(/implausible answer: the answer has no pitch fields, but the text describes a pitch at \d+ mph/);
    expect(result.plays.length + result.held.length + result.quarantine.length).toBe(ROWS);
    const db = await accountFor(t.db, "null-always");
    expect(db.quarantined).toBe(1);
    expect(db.duplicateKeys).toBe(0);
    // Asked in its batch, re-asked once alone (its neighbours are not asked again), then quarantined.
    expect(s.stats().faults.all_null).toBe(2);
    expect(s.stats().playsRequested).toBe(ROWS + 1);
    // The cache holds one answer per loaded text, none for the quarantined one.
    expect(await cached("true")).toBe(new Set(result.plays.map((p) => p.play_hash)).size);
  });

  it("a lazy answer given once is re-asked and the true answer loads and is cached", async () => {
    await t.db.query("DELETE FROM llm_cache");
    const s = await sim([{ kind: "all_null", playHash: target.play_hash, times: 1 }]);
    const result = await runOnSim(s, t.db, { rows: ROWS, runId: "null-once" });
    expect(result.quarantine).toEqual([]);
    const loaded = result.plays.find((p) => p.play_hash === target.play_hash)!;
    expect(loaded.pitch_velocity_mph).toBe(extractionOf(truth.get(target.play_hash)!).pitch_velocity_mph);
    const [row] = await t.db.query<{ v: number }>("SELECT pitch_velocity_mph AS v FROM plays WHERE play_hash = $1", [target.play_hash]);
    expect(row!.v).toBe(truth.get(target.play_hash)!.pitch_velocity_mph);
  });

  it("score_home 99 on every row of an answer is re-asked; no 99 reaches the plays table or the cache", async () => {
    await t.db.query("DELETE FROM llm_cache");
    const s = await sim([{ kind: "score_99", requests: [1, 2] }]);
    const result = await runOnSim(s, t.db, { rows: ROWS, runId: "score-99" });
    expect(s.stats().faults.score_99).toBe(2);
    expect(result.quarantine).toEqual([]);
    expect(result.plays).toHaveLength(ROWS);
    const [n] = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM plays WHERE score_home > 30");
    expect(n!.n).toBe(0);
    expect(await cached("(response->>'score_home')::int > 30")).toBe(0);
  });

  it("a cached answer that fails the check is evicted and asked again; the rerun loads the truth", async () => {
    // As if these answers had been cached before the check existed.
    await t.db.query(`UPDATE llm_cache SET response = jsonb_set(response, '{score_home}', '99') WHERE step = 'extract' AND response->>'score_home' IS NOT NULL`);
    const poisoned = await cached("(response->>'score_home')::int = 99");
    expect(poisoned).toBeGreaterThan(0);
    const s = sims.at(-1)!; // the same server (host and port) the answers were cached from
    const before = s.stats().playsRequested;
    const result = await runOnSim(s, t.db, { rows: ROWS, runId: "evict" });
    expect(s.stats().playsRequested - before).toBe(poisoned);
    expect(await cached("(response->>'score_home')::int = 99")).toBe(0);
    expect(result.quarantine).toEqual([]);
    for (const p of result.plays) expect(p.score_home, `play ${p.play_id}`).toBe(truth.get(p.play_hash)!.score_home);
  });
});
