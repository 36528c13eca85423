import { describe, expect, it } from "vitest";
import { EXTRACTION_FIELDS, type Extraction } from "../../src/domain";
import { checkPlausibility, numbersIn, runningScore, statedSpeed } from "../../src/transform/llm/plausibility-check";
import { extractionOf, loadPlays, truthByHash } from "../transform/llm/llm-test-kit";

const plays = loadPlays();
const truth = truthByHash();
const answers = plays.map((p) => extractionOf(truth.get(p.play_hash)!));
const allNull = Object.fromEntries(EXTRACTION_FIELDS.map((f) => [f, null])) as Extraction;
const gameAround = (i: number) => runningScore(answers.slice(Math.floor(i / 8) * 8, Math.floor(i / 8) * 8 + 8).filter((_, j) => Math.floor(i / 8) * 8 + j !== i));

describe("the plausibility check", () => {
  it("raises no false alarm on any of the 729 true answers", () => {
    const alarms = plays.map((p, i) => checkPlausibility(p.playbyplay, answers[i]!, gameAround(i))).filter((r) => r !== null);
    expect(alarms).toEqual([]);
  });

  it("catches an all-null answer for every paragraph that states a pitch speed", () => {
    const withSpeed = plays.filter((p) => statedSpeed(p.playbyplay) !== null);
    expect(withSpeed.length).toBeGreaterThan(250);
    for (const p of withSpeed) expect(checkPlausibility(p.playbyplay, allNull), p.playbyplay).toMatch(/no pitch fields, but the text describes a pitch at [\d.]+ mph/);
  });

  it("catches a velocity the text does not state, and a score no game has or far from the running score", () => {
    const i = plays.findIndex((p, k) => answers[k]!.pitch_velocity_mph !== null && answers[k]!.score_home !== null);
    const text = plays[i]!.playbyplay;
    expect(checkPlausibility(text, { ...answers[i]!, pitch_velocity_mph: 999 })).toBe("pitch_velocity_mph 999 is not in the text");
    expect(checkPlausibility(text, { ...answers[i]!, score_home: 99 })).toMatch(/score_home 99 is more runs than a game has/);
    expect(checkPlausibility(text, { ...answers[i]!, score_home: 17 }, { home: 2, away: 1 })).toMatch(/score_home 17 is far from the game's running score \(2\)/);
  });

  it("reads numbers in words the way commentators say them", () => {
    expect(numbersIn("a ninety-eight-mph heater")).toContain(98);
    expect(numbersIn("a hundred and one on the gun")).toContain(101);
    expect(numbersIn("one-oh-two")).toContain(102);
    expect(statedSpeed("a seventy-nine-mile-an-hour hook")).toBe(79);
    expect(statedSpeed("a two-seamer at ninety-four... and the hitter")).toBeNull();
  });
});
