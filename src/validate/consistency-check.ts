import { postPitchCount, type Count, type PitchResult } from "../domain/index";
import { judgedName, sourceNote, type JudgedPlay } from "./judged-play";
import { outcomeOf, SKIPPED, type QualityCheck } from "./quality-report";

/** The count after a pitch (the shared rule in `src/domain/count-rules.ts`), as the validator calls it. */
export function expectedPostCount(balls: number, strikes: number, result: PitchResult): Count {
  return postPitchCount({ balls, strikes }, result);
}

/** " (carried)" after a pre-pitch count judged at resolved values; "(stated/carried)" when its two sides differ. */
function preCountNote(play: JudgedPlay): string {
  const [balls, strikes] = [sourceNote(play, "pre_pitch_balls"), sourceNote(play, "pre_pitch_strikes")];
  if (balls === strikes) return balls;
  const side = (note: string) => (note === "" ? "stated" : note.slice(2, -1));
  return ` (${side(balls)}/${side(strikes)})`;
}

/**
 * Cross-field consistency: the post-pitch count follows from the pre-pitch count and the result, on the counts as
 * judged (the game state's where it gives them: a count carried from the pitch before, one said after the pitch).
 * Skipped when any of the five is null.
 */
export const consistencyCheck: QualityCheck = {
  name: "consistency",
  description: "post-pitch count follows from the pre-pitch count and the pitch result (counts as the game state resolves them)",
  run(play) {
    const { pre_pitch_balls: b, pre_pitch_strikes: s, post_pitch_balls: pb, post_pitch_strikes: ps, pitch_result: r } = play;
    if (b === null || s === null || pb === null || ps === null || r === null) return SKIPPED;
    const want = expectedPostCount(b, s, r);
    const count = (balls: number, strikes: number) => `${balls}-${strikes}`;
    const gives = `a ${JSON.stringify(r)} on ${count(b, s)}${preCountNote(play)} gives ${count(want.balls, want.strikes)}`;
    const reasons = [];
    if (pb !== want.balls) {
      reasons.push({ check: "consistency", field: "post_pitch_balls", message: `${gives}, but ${judgedName(play, "post_pitch_balls")} is ${pb}` });
    }
    if (ps !== want.strikes) {
      reasons.push({ check: "consistency", field: "post_pitch_strikes", message: `${gives}, but ${judgedName(play, "post_pitch_strikes")} is ${ps}` });
    }
    return outcomeOf(reasons);
  },
};
