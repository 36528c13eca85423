import { postPitchCount, type Count, type PitchResult } from "../domain/index";
import { judgedName, saidHere, sourceNote, type JudgedPlay } from "./judged-play";
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
 * Skipped when any of the five is null, and when the counts disagree only because the count before the pitch came
 * from the state (carried or inferred): a contradiction between the paragraph and the state is a `game_state` warning.
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
    // A count the paragraph says after the pitch against a count before it that the state carried or inferred: the
    // text and the state disagree, which the game_state check reports (a warning); the row itself says nothing wrong.
    if ((pb !== want.balls || ps !== want.strikes) && !(saidHere(play, "pre_pitch_balls") && saidHere(play, "pre_pitch_strikes"))) return SKIPPED;
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
