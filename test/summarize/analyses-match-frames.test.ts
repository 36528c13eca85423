import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EnrichedPlay, ReferenceTables } from "../../src/domain";
import { loadPlays, loadReferenceTables } from "../../src/load";
import {
  batterStats, batterStatsFrame, batterStatsRows, excitementTimeline, excitementTimelineFrame, excitementTimelineRows, frameRows,
  pitcherStats, pitcherStatsFrame, pitcherStatsRows, pitchMix, pitchMixFrame, pitchMixRows,
} from "../../src/summarize";
import { validatePlays } from "../../src/validate";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../support/databases";
import { groundTruthGame, makePlay, REFS, syntheticGame } from "../validate/fixtures";

/** Same rows in the same order; numbers equal within 1e-9, everything else exactly. */
function expectSameRows(actual: Record<string, unknown>[], expected: Record<string, unknown>[]) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => {
    const other = expected[i]!;
    expect(Object.keys(row).sort()).toEqual(Object.keys(other).sort());
    for (const [key, value] of Object.entries(row)) {
      if (typeof value === "number" && typeof other[key] === "number") {
        expect(Math.abs(value - (other[key] as number)), `row ${i} ${key}`).toBeLessThanOrEqual(1e-9);
      } else {
        expect(value, `row ${i} ${key}`).toEqual(other[key]);
      }
    }
  });
}

describe.each(DB_KINDS)("analyses on %s", (kind) => {
  let t: TestDatabase;
  let game: { plays: EnrichedPlay[]; refs: ReferenceTables };
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    game = groundTruthGame() ?? { plays: syntheticGame(400), refs: REFS };
    const { valid, quarantined, report } = validatePlays(game.plays, game.refs);
    game.plays = valid;
    await loadReferenceTables(t.db, game.refs);
    const loaded = await loadPlays(t.db, { runId: "analyses", plays: valid, quarantined, report });
    expect(loaded.inserted + loaded.quarantined).toBe(valid.length + quarantined.length);
  });
  afterAll(() => t?.dispose());

  it("the SQL views and the danfojs DataFrames give the same numbers", async () => {
    const { plays, refs } = game;
    expectSameRows(await excitementTimeline(t.db) as never, await frameRows(await excitementTimelineFrame(plays)));
    expectSameRows(await pitcherStats(t.db) as never, await frameRows(await pitcherStatsFrame(plays, refs)));
    expectSameRows(await batterStats(t.db) as never, await frameRows(await batterStatsFrame(plays, refs)));
    expectSameRows(await pitchMix(t.db) as never, await frameRows(await pitchMixFrame(plays, refs)));
    expect((await pitcherStats(t.db)).length).toBeGreaterThan(0);
  });

  it("the SQL views and the plain rows npm start summarises with give the same numbers", async () => {
    const { plays, refs } = game;
    expectSameRows(await excitementTimeline(t.db) as never, excitementTimelineRows(plays) as never);
    expectSameRows(await pitcherStats(t.db) as never, pitcherStatsRows(plays, refs) as never);
    expectSameRows(await batterStats(t.db) as never, batterStatsRows(plays, refs) as never);
    expectSameRows(await pitchMix(t.db) as never, pitchMixRows(plays, refs) as never);
  });

  it("every play is on the timeline with a 10-play rolling mean", async () => {
    const timeline = await excitementTimeline(t.db);
    expect(timeline).toHaveLength(game.plays.length);
    const first10 = timeline.slice(0, 10).reduce((s, p) => s + p.excitement, 0) / 10;
    expect(timeline[9]!.rolling_avg_excitement).toBeCloseTo(first10, 12);
    expect(timeline[0]!.rolling_avg_excitement).toBe(timeline[0]!.excitement);
  });

  it("carries the last stated inning forward for plays whose text does not restate it", async () => {
    const timeline = await excitementTimeline(t.db);
    let last: number | null = null;
    for (const point of timeline) {
      last = point.inning_number ?? last;
      expect(point.game_inning).toBe(last);
    }
    expect(timeline.at(-1)!.game_inning).toBeGreaterThanOrEqual(9);
  });
});

describe.each(DB_KINDS)("batter and pitcher definitions on %s", (kind) => {
  let t: TestDatabase;
  const at = (play_id: number, o: Partial<EnrichedPlay>) => makePlay({ play_id, playbyplay: `hand-built ${play_id}`, ...o });
  // One at-bat of Ana Cruz against Sam Rivera: ball, foul, swing and miss, grounder for an out.
  const plays = [
    at(1, { pitch_type_code: "SL", pitch_type_name: "Slider", pitch_velocity_mph: 85 }),
    at(2, { pre_pitch_balls: 1, post_pitch_balls: 1, post_pitch_strikes: 1, pitch_result: "Foul", pitch_type_code: "FF", pitch_type_name: "Four-seam FB", pitch_type: "heater", pitch_velocity_mph: 95 }),
    at(3, { pre_pitch_balls: 1, pre_pitch_strikes: 1, post_pitch_balls: 1, post_pitch_strikes: 2, pitch_result: "Swing and miss", pitch_type_code: "FF", pitch_type_name: "Four-seam FB", pitch_type: "heater", pitch_velocity_mph: null }),
    at(4, { pre_pitch_balls: 1, pre_pitch_strikes: 2, post_pitch_balls: 1, post_pitch_strikes: 2, pitch_result: "In play - out", ball_in_play: true, pitch_type_code: "SL", pitch_type_name: "Slider", pitch_velocity_mph: 87 }),
  ];
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await loadReferenceTables(t.db, REFS);
    const { valid, quarantined } = validatePlays(plays, REFS);
    expect(quarantined).toEqual([]);
    await loadPlays(t.db, { runId: "hand", plays: valid });
  });
  afterAll(() => t?.dispose());

  it("counts balls, strikes, balls in play and contact rate = (fouls + in play) / swings", async () => {
    expect(await batterStats(t.db)).toEqual([{
      batter_id: 201, name: "Ana Cruz", pitches_seen: 4, balls: 1, strikes: 2, balls_in_play: 1, swings: 3, contacts: 2, contact_rate: 2 / 3,
    }]);
  });

  it("averages velocity over timed pitches and breaks a most-frequent tie by code", async () => {
    expect(await pitcherStats(t.db)).toEqual([{
      pitcher_id: 101, name: "Sam Rivera", pitch_count: 4, avg_velocity_mph: (85 + 95 + 87) / 3,
      most_frequent_pitch_code: "FF", most_frequent_pitch_name: "Four-seam FB", most_frequent_pitch_count: 2,
    }]);
  });
});
