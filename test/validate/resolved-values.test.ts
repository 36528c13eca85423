import { describe, expect, it } from "vitest";
import { EXTRACTION_FIELDS, PITCH_TYPE_CODES, PITCH_TYPE_NAMES, type EnrichedPlay, type Extraction, type ReferenceTables } from "../../src/domain";
import { parsePlays } from "../../src/extract";
import { enrichPlays } from "../../src/pipeline";
import { analyzeStep, enrichStep, joinExtracted } from "../../src/pipeline/steps/analyze-step";
import { extractOffline } from "../../src/pipeline/steps/extract-step";
import { mapOffline } from "../../src/pipeline/steps/map-step";
import { analyzePlays } from "../../src/transform";
import { validatePlays } from "../../src/validate";
import { makePlay, REFS, syntheticGame } from "./fixtures";

// Validation judges each play on the game state's resolved values where it gives one, else on the stated value;
// what loads keeps the stated values. Every game below is our own words, read by the rule extractor, mapped,
// and given its game state by the pipeline's own enrich step (no part replaced).

/** Two sides; the surname Ward is on both (the Herons' catcher, the Coyotes' first baseman). */
const TABLES: ReferenceTables = {
  pitchers: [
    { pitcher_id: 101, name: "Sam Rivera", team: "Harbor Bay Herons", throws: "R" },
    { pitcher_id: 102, name: "Lee Park", team: "Red Mesa Coyotes", throws: "L" },
  ],
  batters: [
    { batter_id: 201, name: "Ana Cruz", team: "Red Mesa Coyotes", position: "SS", bats: "R" },
    { batter_id: 202, name: "Al Ward", team: "Red Mesa Coyotes", position: "1B", bats: "L" },
    { batter_id: 203, name: "Ben Holt", team: "Red Mesa Coyotes", position: "CF", bats: "L" },
    { batter_id: 211, name: "Dee Ward", team: "Harbor Bay Herons", position: "C", bats: "R" },
  ],
  pitchTypes: PITCH_TYPE_CODES.map((code) => ({ code, name: PITCH_TYPE_NAMES[code] })),
};

/**
 * The pipeline's rows for these paragraphs: extracted by the rules (or, for the rows in `answered`, the record
 * a model answered), mapped, analysed, and given the game state's resolved values.
 */
function game(lines: string[], answered: Record<number, Partial<Extraction>> = {}): EnrichedPlay[] {
  const { plays } = parsePlays(["playbyplay", ...lines.map((l) => `"${l.replace(/"/g, '""')}"`)].join("\n") + "\n");
  const records = extractOffline(plays, TABLES);
  for (const p of plays) if (answered[p.play_id]) records.set(p.play_hash, { ...records.get(p.play_hash)!, ...answered[p.play_id] });
  const rows = plays.map((p) => ({ ...p, ...records.get(p.play_hash)! }));
  return enrichPlays(rows, mapOffline(records, TABLES), analyzePlays(rows), TABLES);
}

/** The same plays built without the game state (as by hand): every `_resolved` column null. */
function withoutState(plays: readonly EnrichedPlay[]): EnrichedPlay[] {
  return plays.map((p) => ({
    ...p,
    ...Object.fromEntries(Object.keys(p).filter((k) => k.endsWith("_resolved")).map((k) => [k, null])),
    resolved_provenance: {},
  }));
}

const reasons = (plays: readonly EnrichedPlay[]) =>
  validatePlays(plays, TABLES).quarantined.map((q) => ({ play_id: q.play.play_id, reasons: q.reasons }));

const AT_BAT = [
  "Top of the first, no score. Sam Rivera on the mound for the Herons; Al Ward leads off for the Coyotes.",
  "Rivera deals a fastball at 94, and Ward lines it into left field for a base hit.",
  "Ana Cruz steps in, nobody out, Ward on first.",
  "Rivera to Cruz, a slider at 85, low, ball one.",
];

describe("validation judges the resolved values; what loads keeps the stated ones", () => {
  it("a pitch that names only the runner (a surname two players share) loads: the batter at the plate is the one checked", () => {
    const plays = game([
      ...AT_BAT,
      "Ward takes off for second as the curve at 78 bounces in the dirt, ball two, and Ward slides in safely.",
      "Low again, ball three.",
    ], { 5: { batter_name: "Ward" } });
    // As stated (here as a model answered it: the rules read the runner as a runner), row 5's batter is the
    // runner, whom no ID fits: quarantined, as it was before the game state.
    expect(reasons(withoutState(plays))).toEqual([
      { play_id: 5, reasons: [{ check: "referential", field: "batter_id", message: 'batter "Ward" was not mapped to a batter_id' }] },
    ]);
    // Judged as the game state reads it, Cruz is at the plate: the row loads, its stated values untouched.
    const { valid, quarantined, report } = validatePlays(plays, TABLES);
    expect(quarantined).toEqual([]);
    const row5 = valid.find((p) => p.play_id === 5)!;
    expect([row5.batter_name, row5.batter_id, row5.batter_name_resolved, row5.batter_id_resolved]).toEqual(["Ward", null, "Cruz", 201]);
    expect(row5.resolved_provenance?.batter_id).toBe("carried");
    // Row 6 names nobody: the batter and pitcher the state knows are checked (passed), where the stated row was skipped.
    const referential = (r: typeof report) => r.checks.find((c) => c.check === "referential")!;
    expect(referential(report)).toMatchObject({ passed: 6, failed: 0, skipped: 0 });
    expect(referential(validatePlays(withoutState(plays), TABLES).report)).toMatchObject({ passed: 4, failed: 1, skipped: 1 });
    // The game-state check still reports the contradiction between the text and the state, as a warning.
    expect(report.warnings).toContainEqual({ check: "game_state", play_id: 5, field: "batter_name", message: "the text names Ward, but Cruz is at the plate (mid plate appearance)" });
  });

  it("a count said after the pitch, read by a model as the count before and after it, loads on the resolved count", () => {
    const said = "Rivera comes back with the slider at 86 on the corner, called strike. That makes it 2-1.";
    const plays = game([...AT_BAT, "Rivera misses with a fastball at 95, ball two.", said], {
      // A model's record of the last row: the count said after the pitch taken for both counts.
      6: { pre_pitch_balls: 2, pre_pitch_strikes: 1, post_pitch_balls: 2, post_pitch_strikes: 1, pitch_result: "Strike" },
    });
    expect(reasons(withoutState(plays))).toEqual([
      { play_id: 6, reasons: [{ check: "consistency", field: "post_pitch_strikes", message: 'a "Strike" on 2-1 gives 2-2, but post_pitch_strikes is 1' }] },
    ]);
    const { valid, quarantined } = validatePlays(plays, TABLES);
    expect(quarantined).toEqual([]);
    const row6 = valid.find((p) => p.play_id === 6)!;
    expect([row6.pre_pitch_balls, row6.pre_pitch_strikes, row6.post_pitch_balls, row6.post_pitch_strikes]).toEqual([2, 1, 2, 1]);
    expect([row6.pre_pitch_balls_resolved, row6.pre_pitch_strikes_resolved, row6.post_pitch_balls_resolved, row6.post_pitch_strikes_resolved]).toEqual([2, 0, 2, 1]);
  });

  it("a post-pitch count that does not follow from the carried count loads with a game_state warning: the paragraph and the state disagree", () => {
    const plays = game([...AT_BAT, "Cruz swings through a curve at 77."], {
      // A model's record: only a count after the pitch, and not the one a swing and miss on 1-0 gives.
      5: { pre_pitch_balls: null, pre_pitch_strikes: null, post_pitch_balls: 3, post_pitch_strikes: 1 },
    });
    // As stated there is no count before the pitch to check it against: skipped.
    expect(reasons(withoutState(plays))).toEqual([]);
    // On the carried count the row and the state disagree; which one is wrong the row alone cannot say: a warning.
    const { quarantined, report } = validatePlays(plays, TABLES);
    expect(quarantined).toEqual([]);
    expect(report.warnings).toContainEqual({
      check: "game_state", play_id: 5, field: "post_pitch_balls",
      message: 'the text says 3-1 after the pitch; a "Swing and miss" on the running count 1-0 gives 1-1',
    });
  });

  it("a count before and after the pitch that the paragraph itself says and that do not agree is quarantined", () => {
    const plays = game([...AT_BAT, "Cruz swings through a curve at 77."], {
      // A model's record whose own two counts cannot both be right.
      5: { pre_pitch_balls: 1, pre_pitch_strikes: 0, post_pitch_balls: 3, post_pitch_strikes: 1 },
    });
    expect(reasons(plays)).toEqual([
      { play_id: 5, reasons: [{ check: "consistency", field: "post_pitch_balls", message: 'a "Swing and miss" on 1-0 gives 1-1, but post_pitch_balls is 3' }] },
    ]);
  });

  it("a resolved value out of range is quarantined, the reason naming the field and its provenance", () => {
    // A model answers the first row with an inning that cannot be (0); the state carries it to the rows after.
    const plays = game([
      "We are under way at Tidewater Park. Sam Rivera is on the mound for the Herons, and Al Ward steps in for the Coyotes.",
      "Rivera deals a changeup at 89 miles per hour, low, ball one.",
    ], { 1: { inning_number: 0, inning_half: "Top" } });
    expect(plays[1]!.inning_number).toBeNull();
    expect(reasons(withoutState(plays))).toEqual([
      { play_id: 1, reasons: [{ check: "domain", field: "inning_number", message: "inning_number must be an integer ≥ 1, got 0" }] },
    ]);
    expect(reasons(plays)).toEqual([
      { play_id: 1, reasons: [{ check: "domain", field: "inning_number", message: "inning_number must be an integer ≥ 1, got 0" }] },
      { play_id: 2, reasons: [{ check: "domain", field: "inning_number", message: "inning_number (carried) must be an integer ≥ 1, got 0" }] },
    ]);
  });

  it("a name no table has fails on the row that says it, not on every row it is carried to", () => {
    const plays = game([...AT_BAT.slice(0, 2), "Zed Quill steps in for the Coyotes, nobody out, Ward on first.", "Rivera deals a slider at 85, low, ball one.", "Low again, ball two."]);
    expect(plays[3]!.batter_name_resolved).toBe("Zed Quill");
    expect(reasons(plays)).toEqual([
      { play_id: 3, reasons: [{ check: "referential", field: "batter_id", message: 'batter "Zed Quill" was not mapped to a batter_id' }] },
    ]);
  });
});

describe("a play without resolved values validates exactly as before", () => {
  it("null `_resolved` columns change no outcome, no reason and no count of the report", () => {
    const bad: Partial<EnrichedPlay>[] = [{ outs: 3 }, { post_pitch_balls: 0 }, { pitcher_id: 999 }, { batter_id: null }, { runners_on_base: "first" }];
    const plays = [...syntheticGame(80), ...bad.map((o, i) => makePlay({ play_id: 100 + i, playbyplay: `Bad row ${i}: Rivera to Cruz, ball.`, ...o }))];
    const nulls = withoutState(plays.map((p) => ({ ...p, outs_resolved: 1, batter_id_resolved: 201 })));
    const outcome = (r: ReturnType<typeof validatePlays>) => ({
      report: r.report,
      valid: r.valid.map((p) => p.play_id),
      quarantined: r.quarantined.map((q) => ({ play_id: q.play.play_id, step: q.step, reasons: q.reasons })),
    });
    expect(outcome(validatePlays(nulls, REFS))).toEqual(outcome(validatePlays(plays, REFS)));
    expect(outcome(validatePlays(plays, REFS)).quarantined.map((q) => q.play_id)).toEqual([100, 101, 102, 103, 104]);
  });

  it("a resolved column of the wrong type fails the schema, by its name", () => {
    const { quarantined } = validatePlays([makePlay({ outs_resolved: "two" as never })], REFS);
    expect(quarantined[0]?.reasons).toEqual([expect.objectContaining({ check: "schema", field: "outs_resolved" })]);
  });
});

describe("what each check reads of a play's resolved values", () => {
  it("an ID carried from the rows before must exist too, and the reason says it was carried", () => {
    const play = makePlay({
      pitcher_name: null, pitcher_id: null, pitcher_confidence: null,
      pitcher_name_resolved: "Sam Rivera", pitcher_id_resolved: 999, resolved_provenance: { pitcher_name: "carried", pitcher_id: "carried" },
    });
    expect(validatePlays([play], REFS).quarantined[0]?.reasons).toEqual([
      { check: "referential", field: "pitcher_id", message: "pitcher_id (carried) 999 is not in the pitchers table" },
    ]);
  });

  it("the content check reads what the paragraph states: an inning carried to a row of crowd colour does not make it a play", () => {
    const nothing = Object.fromEntries(EXTRACTION_FIELDS.map((f) => [f, null]));
    const play = makePlay({
      playbyplay: "The wave goes round the stands for the third time tonight.", ...nothing,
      pitcher_id: null, pitcher_confidence: null, batter_id: null, batter_confidence: null,
      pitch_type_code: null, pitch_type_name: null, pitch_type_confidence: null,
      inning_number_resolved: 7, inning_half_resolved: "Top", resolved_provenance: { inning_number: "carried", inning_half: "carried" },
    });
    expect(validatePlays([play], REFS).quarantined[0]?.reasons).toEqual([expect.objectContaining({ check: "content", field: "playbyplay" })]);
  });
});

describe("an ID the game state withholds", () => {
  it("a known player the state puts in no role on this row loads with a game_state warning, not quarantined as unmapped", () => {
    // A model's record names the Herons' catcher as the batter in the top of the first, when the Coyotes bat; the
    // state has no one else at the plate (the row is the first pitch after the last batter's single). The steps as the
    // pipeline runs them: one reading of the game (analyze), handed to enrichment and to the game-state check.
    const lines = [...AT_BAT.slice(0, 2), "Rivera deals a slider at 85 to Cruz, and Dee Ward blocks it in the dirt, ball one."];
    const { plays: raw } = parsePlays(["playbyplay", ...lines.map((l) => `"${l}"`)].join("\n") + "\n");
    const records = extractOffline(raw, TABLES);
    records.set(raw[2]!.play_hash, { ...records.get(raw[2]!.play_hash)!, batter_name: "Dee Ward" });
    const mappings = mapOffline(records, TABLES);
    const { extracted } = joinExtracted(raw, records, mappings);
    const analyzed = analyzeStep(extracted, mappings, TABLES);
    const plays = enrichStep(extracted, analyzed, TABLES);
    const row = plays[2]!;
    expect([row.batter_name, row.batter_id, row.batter_id_resolved]).toEqual(["Dee Ward", null, null]);
    const { quarantined, report } = validatePlays(plays, TABLES, { stateFindings: analyzed.state!.findings });
    expect(quarantined).toEqual([]);
    expect(report.warnings).toContainEqual({ check: "game_state", play_id: 3, field: "batter_name", message: "Dee Ward plays for the side in the field" });
    // Built by hand (no game state read), the same row is still a name with no ID: quarantined.
    expect(reasons(withoutState(plays))).toEqual([
      { play_id: 3, reasons: [{ check: "referential", field: "batter_id", message: 'batter "Dee Ward" was not mapped to a batter_id' }] },
    ]);
  });
});
