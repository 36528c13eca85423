import { postPitchCount, type Count, type PitchResult } from "../domain/index";
import { outcomeOf, SKIPPED, type QualityCheck } from "./quality-report";

/** The count after a pitch (the shared rule in `src/domain/count-rules.ts`), as the validator calls it. */
export function expectedPostCount(balls: number, strikes: number, result: PitchResult): Count {
  return postPitchCount({ balls, strikes }, result);
}

/** Cross-field consistency: the post-pitch count follows from the pre-pitch count and the result. Skipped when any of the five is null. */
export const consistencyCheck: QualityCheck = {
  name: "consistency",
  description: "post-pitch count follows from the pre-pitch count and the pitch result",
  run(play) {
    const { pre_pitch_balls: b, pre_pitch_strikes: s, post_pitch_balls: pb, post_pitch_strikes: ps, pitch_result: r } = play;
    if (b === null || s === null || pb === null || ps === null || r === null) return SKIPPED;
    const want = expectedPostCount(b, s, r);
    const count = (balls: number, strikes: number) => `${balls}-${strikes}`;
    const reasons = [];
    if (pb !== want.balls) {
      reasons.push({
        check: "consistency",
        field: "post_pitch_balls",
        message: `a ${JSON.stringify(r)} on ${count(b, s)} gives ${count(want.balls, want.strikes)}, but post_pitch_balls is ${pb}`,
      });
    }
    if (ps !== want.strikes) {
      reasons.push({
        check: "consistency",
        field: "post_pitch_strikes",
        message: `a ${JSON.stringify(r)} on ${count(b, s)} gives ${count(want.balls, want.strikes)}, but post_pitch_strikes is ${ps}`,
      });
    }
    return outcomeOf(reasons);
  },
};
