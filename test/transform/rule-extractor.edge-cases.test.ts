import { describe, expect, it } from "vitest";
import { PITCH_FIELDS } from "../../src/domain";
import { extractPlay, normalizeNumbers } from "../../src/transform";

describe("numbers in words", () => {
  it.each([
    ["ninety-five miles per hour", "95 miles per hour"],
    ["a hundred and one", "101"],
    ["one-oh-two on the gun", "102 on the gun"],
    ["bottom of the seventh", "bottom of the 7th"],
    ["oh-and-two", "0-and-2"],
    ["two and oh", "2 and 0"],
    ["oh and oh", "0 and 0"],
  ])("%s → %s", (words, digits) => expect(normalizeNumbers(words)).toBe(digits));
});

describe("counts before and after the pitch", () => {
  it("reads 'on a 2-1 pitch' as the count before and 'the count is now 3-1' as the count after", () => {
    const e = extractPlay("On a 2-1 pitch, a slider misses low. The count is now 3-1.");
    expect([e.pre_pitch_balls, e.pre_pitch_strikes, e.post_pitch_balls, e.post_pitch_strikes]).toEqual([2, 1, 3, 1]);
    expect(e.pitch_result).toBe("Ball");
  });

  it("computes the count after from the count before and the result when the text does not say it", () => {
    const e = extractPlay("Two balls and a strike. He swings and misses at a cutter.");
    expect([e.pre_pitch_balls, e.pre_pitch_strikes, e.post_pitch_balls, e.post_pitch_strikes]).toEqual([2, 1, 2, 2]);
  });

  it("keeps two strikes on a two-strike foul and counts a fourth ball and a third strike", () => {
    expect(extractPlay("Full count, he fouls it off.")).toMatchObject({ post_pitch_balls: 3, post_pitch_strikes: 2, pitch_result: "Foul" });
    expect(extractPlay("The payoff pitch: ball four, and he walks.")).toMatchObject({ post_pitch_balls: 4, pitch_result: "Ball" });
    expect(extractPlay("Oh-and-two, caught looking at strike three.")).toMatchObject({ pre_pitch_strikes: 2, post_pitch_strikes: 3, pitch_result: "Strike" });
  });

  it("does not read a score as a count", () => {
    const e = extractPlay("The Herons lead 2-1 in the sixth. A fastball, fouled back.");
    expect(e.pre_pitch_balls).toBeNull();
    expect(e.pitch_result).toBe("Foul");
  });
});

describe("velocity", () => {
  it("reads mph in digits and in words, 'at 88', and leaves it null when not given", () => {
    expect(extractPlay("A 97 mph four-seamer, taken for a strike.").pitch_velocity_mph).toBe(97);
    expect(extractPlay("A ninety-five-mile-an-hour heater, fouled off.").pitch_velocity_mph).toBe(95);
    expect(extractPlay("Slider at 88, swung on and missed.").pitch_velocity_mph).toBe(88);
    expect(extractPlay("A changeup, and he grounds out to short.").pitch_velocity_mph).toBeNull();
  });
});

describe("results", () => {
  it.each([
    ["He takes it low for ball two.", "Ball", false],
    ["Called strike on the inside corner.", "Strike", false],
    ["Swing and a miss!", "Swing and miss", false],
    ["Fouled back into the screen.", "Foul", false],
    ["Grounded out to short.", "In play - out", true],
    ["Lifts a fly ball, caught in right.", "In play - out", true],
    ["Lines a single to center.", "In play - hit", true],
    ["He homers to left!", "In play - hit", true],
    ["Plunked on the elbow, hit by pitch.", "Hit by pitch", false],
  ])("%s → %s", (text, result, inPlay) => {
    const e = extractPlay(text);
    expect(e.pitch_result).toBe(result);
    expect(e.ball_in_play).toBe(inPlay);
  });
});

describe("rows that are not a pitch", () => {
  it.each([
    "Pitching change: Moreno comes in from the bullpen.",
    "Mound visit. The pitching coach jogs out to settle him down.",
    "Here comes the bottom of the fourth.",
    "That will end the sixth: no runs, one hit, one left on base.",
    "A foul ball earlier tonight landed in a popcorn bucket behind the dugout.",
  ])("%s → every pitch field null", (text) => {
    const e = extractPlay(text);
    for (const f of PITCH_FIELDS) expect(e[f], f).toBeNull();
  });
});

describe("game state", () => {
  it("reads inning, half, outs, runners and a tied score in words", () => {
    expect(extractPlay("Bottom of the ninth, two down, runners at first and third, tied 3-3. Ball one.")).toMatchObject({
      inning_number: 9, inning_half: "Bottom", outs: 2, runners_on_base: "1B,3B", score_home: 3, score_away: 3,
    });
    expect(extractPlay("Top 4, nobody out, bases loaded. Strike one.")).toMatchObject({ inning_number: 4, inning_half: "Top", outs: 0, runners_on_base: "1B,2B,3B" });
    expect(extractPlay("The bases empty, one away in the 10th.")).toMatchObject({ inning_number: 10, outs: 1, runners_on_base: "None" });
  });
});
