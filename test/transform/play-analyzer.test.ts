import { describe, expect, it } from "vitest";
import { emptyExtraction, type Extraction, type RawPlay } from "../../src/domain";
import { analyzePlays } from "../../src/transform";

const row = (id: number, text: string, e: Partial<Extraction>): RawPlay & Extraction => ({
  play_id: id, play_hash: `h${id}`, playbyplay: text, line: id + 1, ...emptyExtraction(), ...e,
});
const pitch = { pre_pitch_balls: 0, pre_pitch_strikes: 0, post_pitch_balls: 1, post_pitch_strikes: 0, pitch_result: "Ball" as const, ball_in_play: false };

describe("play analyzer", () => {
  it("marks a go-ahead home run late as a key moment and scores it above a first-inning ball", () => {
    const rows = [
      row(1, "First inning, ball one.", { ...pitch, inning_number: 1, score_home: 0, score_away: 0 }),
      row(2, "Bottom of the ninth, tied 2-2... he homers to left!", {
        inning_number: 9, inning_half: "Bottom", score_home: 2, score_away: 2, pre_pitch_balls: 1, pre_pitch_strikes: 1,
        post_pitch_balls: 1, post_pitch_strikes: 1, pitch_result: "In play - hit", ball_in_play: true,
      }),
      row(3, "The Herons lead 3-2.", { score_home: 3, score_away: 2 }),
    ];
    const [first, homer, after] = analyzePlays(rows);
    expect(homer!.key_moment).toBe(true);
    expect(homer!.excitement).toBeGreaterThanOrEqual(9);
    expect(first!.key_moment).toBe(false);
    expect(first!.excitement).toBeLessThan(homer!.excitement);
    expect(after!.excitement).toBeGreaterThanOrEqual(1);
  });

  it("treats a strikeout with a runner in scoring position as key, using runners stated on an earlier row", () => {
    const rows = [
      row(1, "A man on second, one out.", { runners_on_base: "2B", outs: 1 }),
      row(2, "Swings through it, strike three.", { pre_pitch_balls: 1, pre_pitch_strikes: 2, post_pitch_balls: 1, post_pitch_strikes: 3, pitch_result: "Swing and miss", ball_in_play: false }),
    ];
    expect(analyzePlays(rows)[1]!.key_moment).toBe(true);
  });

  it("returns one analysis per row, same order, within 1–10", () => {
    const rows = Array.from({ length: 5 }, (_, i) => row(i + 1, "Ball.", pitch));
    const out = analyzePlays(rows);
    expect(out).toHaveLength(5);
    for (const a of out) expect(a.excitement).toBeGreaterThanOrEqual(1);
  });
});
