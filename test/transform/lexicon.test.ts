import { describe, expect, it } from "vitest";
import { extractPlay, lookupPitchTerm } from "../../src/transform";
import { PITCH_TERMS, SCORER_CODES } from "../../src/transform/offline/lexicon";

// The lexicon is the one place the extractor's vocabulary lives: every example of every pitch term must be read
// by every parser that needs pitch words (the type, the speed beside it, the count before it, the pitcher's
// grammar), so adding a nickname to `lexicon.ts` is all it takes.
describe("the lexicon's pitch names, read by every parser", () => {
  const examples = PITCH_TERMS.flatMap((t) => t.examples.map((word) => ({ word, code: t.code })));

  it.each(examples)("reads $word as a pitch of type $code wherever it stands", ({ word, code }) => {
    const thrown = extractPlay(`Okonkwo comes with a 2-1 ${word} at 91 mph, and Vasquez takes it low for a ball.`);
    expect(thrown).toMatchObject({
      pitch_type: word, pitch_velocity_mph: 91, pitch_result: "Ball", pre_pitch_balls: 2, pre_pitch_strikes: 1,
      post_pitch_balls: 3, post_pitch_strikes: 1, pitcher_name: "Okonkwo", batter_name: "Vasquez",
    });
    // The speed said right after the name, and the pitcher's possessive before it.
    const terse = extractPlay(`Okonkwo's ${word}, 88, and Vasquez swings right through it.`);
    expect(terse).toMatchObject({ pitch_type: word, pitch_velocity_mph: 88, pitch_result: "Swing and miss", pitcher_name: "Okonkwo" });
    expect(lookupPitchTerm(word)?.code).toBe(code);
  });

  it("reads a scorer's capital code as the pitch type and maps it", () => {
    const row = extractPlay("B7 | 1-1 | SL 84 | F");
    expect(row).toMatchObject({ pitch_type: "SL", pitch_velocity_mph: 84, pitch_result: "Foul", pre_pitch_balls: 1, pre_pitch_strikes: 1 });
    for (const [code, canonical] of Object.entries(SCORER_CODES)) expect(lookupPitchTerm(code.toUpperCase())?.code, code).toBe(canonical);
  });
});
