import { INNING_HALVES, PITCH_RESULTS, type EnrichedPlay, type QuarantineReason } from "../domain/index";
import { judgedName } from "./judged-play";
import { outcomeOf, type QualityCheck } from "./quality-report";

/** Integer ranges of the numeric fields; null always passes (the text did not give the value). */
const INTEGER_RANGES: [keyof EnrichedPlay, number, number][] = [
  ["inning_number", 1, Infinity],
  ["outs", 0, 2],
  ["score_home", 0, Infinity],
  ["score_away", 0, Infinity],
  ["pre_pitch_balls", 0, 3],
  ["pre_pitch_strikes", 0, 2],
  // After the pitch a fourth ball (walk) reads 4 and a third strike (strikeout) reads 3.
  ["post_pitch_balls", 0, 4],
  ["post_pitch_strikes", 0, 3],
  ["excitement", 1, 10],
];

export const VELOCITY_RANGE_MPH = [40, 110] as const;
const IN_PLAY_RESULTS = new Set<string>(["In play - out", "In play - hit"]);
const RUNNERS = /^(None|1B(,2B)?(,3B)?|2B(,3B)?|3B)$/;

function describeRange(min: number, max: number): string {
  return max === Infinity ? `≥ ${min}` : `${min}–${max}`;
}

/**
 * Each field within its domain: inning ≥ 1, half Top/Bottom, outs 0–2, pre-pitch count 0–3 / 0–2,
 * post-pitch 0–4 / 0–3, velocity 40–110 mph, excitement 1–10, pitch_result in its enum, runners
 * as "1B,2B,3B"-style or "None", and ball_in_play true only for an in-play result. The game-state fields
 * are judged as resolved ("outs (inferred) must be an integer 0–2, got 3"), the pitch's own fields as stated.
 */
export const domainCheck: QualityCheck = {
  name: "domain",
  description: "every field within its allowed values (game-state fields as the game state resolves them)",
  run(play) {
    const reasons: QuarantineReason[] = [];
    const fail = (field: string, message: string) => reasons.push({ check: "domain", field, message });
    for (const [field, min, max] of INTEGER_RANGES) {
      const value = play[field];
      if (value === null || value === undefined) continue;
      if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
        fail(field, `${judgedName(play, field)} must be an integer ${describeRange(min, max)}, got ${JSON.stringify(value)}`);
      }
    }
    if (play.inning_half !== null && !(INNING_HALVES as readonly string[]).includes(play.inning_half)) {
      fail("inning_half", `${judgedName(play, "inning_half")} must be Top or Bottom, got ${JSON.stringify(play.inning_half)}`);
    }
    const mph = play.pitch_velocity_mph;
    const [lo, hi] = VELOCITY_RANGE_MPH;
    if (mph !== null && !(Number.isFinite(mph) && mph >= lo && mph <= hi)) {
      fail("pitch_velocity_mph", `pitch_velocity_mph must be within ${lo}–${hi}, got ${JSON.stringify(mph)}`);
    }
    if (play.pitch_result !== null && !(PITCH_RESULTS as readonly string[]).includes(play.pitch_result)) {
      fail("pitch_result", `pitch_result must be one of ${PITCH_RESULTS.join(", ")}, got ${JSON.stringify(play.pitch_result)}`);
    }
    if (play.runners_on_base !== null && !RUNNERS.test(play.runners_on_base)) {
      fail("runners_on_base", `${judgedName(play, "runners_on_base")} must be "None" or bases like "1B,3B", got ${JSON.stringify(play.runners_on_base)}`);
    }
    if (play.ball_in_play === true && !IN_PLAY_RESULTS.has(play.pitch_result ?? "")) {
      fail("ball_in_play", `ball_in_play is true but pitch_result is ${JSON.stringify(play.pitch_result)}, not an in-play result`);
    }
    return outcomeOf(reasons);
  },
};
