import { describe, expect, it } from "vitest";
import { extractPlay } from "../../src/transform";

// Counts and speeds as broadcasters say them, in new sentences written for these tests (not from any test set):
// each case names the general pattern it stands for.
describe("counts as they are said", () => {
  it("a foul that leaves two strikes, with only the count after it: the count before is not said, balls included", () => {
    expect(extractPlay("Sinker, fouled straight back. Two and two.")).toMatchObject({
      pitch_result: "Foul", post_pitch_balls: 2, post_pitch_strikes: 2, pre_pitch_balls: null, pre_pitch_strikes: null,
    });
  });

  it("a count said in the paragraph shows a pitch, so a bare call counts", () => {
    expect(extractPlay("Two-two... a roller to second, and that's three away.")).toMatchObject({
      pitch_result: "In play - out", pre_pitch_balls: 2, pre_pitch_strikes: 2,
    });
    expect(extractPlay("Okonkwo misses, way outside. That's three and one.")).toMatchObject({
      pitch_result: "Ball", pre_pitch_balls: 2, pre_pitch_strikes: 1, post_pitch_balls: 3, post_pitch_strikes: 1,
    });
  });

  it("a count the narrator takes back gives way to the corrected one", () => {
    expect(extractPlay("Called strike on the corner. That's 2-2 — sorry, 1-2.")).toMatchObject({ post_pitch_balls: 1, post_pitch_strikes: 2, pre_pitch_balls: 1, pre_pitch_strikes: 1 });
    expect(extractPlay("Changeup, low, ball. Three and one... excuse me, two and one.")).toMatchObject({ post_pitch_balls: 2, post_pitch_strikes: 1 });
    // The corrected count stands where the first did: said after the pitch, even before the call.
    expect(extractPlay("That's 2-2 — no, 2-1, that one missed outside for a ball.")).toMatchObject({
      pitch_result: "Ball", post_pitch_balls: 2, post_pitch_strikes: 1, pre_pitch_balls: 1, pre_pitch_strikes: 1,
    });
  });

  it("'here's the 2-2' and 'his 3-1 is a sinker' give the count the pitch is thrown on", () => {
    expect(extractPlay("Here's the two-two. Slider, and he swings right through it.")).toMatchObject({ pre_pitch_balls: 2, pre_pitch_strikes: 2, post_pitch_strikes: 3 });
    expect(extractPlay("Okonkwo's three-one is a sinker, fouled away.")).toMatchObject({ pre_pitch_balls: 3, pre_pitch_strikes: 1, pitch_result: "Foul" });
  });

  it("a count 'on' a batter after the call is the count after the pitch", () => {
    expect(extractPlay("Curveball for a called strike. One-and-one on Marsh.")).toMatchObject({ post_pitch_balls: 1, post_pitch_strikes: 1, pre_pitch_balls: 1, pre_pitch_strikes: 0 });
  });
});

describe("speeds as they are said", () => {
  it("a speed said as a clause of its own after where the pitch went", () => {
    expect(extractPlay("Okonkwo with a sinker at the knees, ninety-four, taken for a strike.").pitch_velocity_mph).toBe(94);
    expect(extractPlay("A cutter from Lindgren, 91.3, and Quist rolls it foul.").pitch_velocity_mph).toBe(91.3);
    // A number of something else is no speed.
    expect(extractPlay("A changeup in the dirt, 35 pitches into his night, ball one.").pitch_velocity_mph).toBeNull();
  });
});

describe("runners as they are placed", () => {
  it("a runner placed by his lead or by his way back to the bag was there when the pitch was thrown", () => {
    expect(extractPlay("Slider away, and Bellamy takes a big lead off second. Two and one.").runners_on_base).toBe("2B");
    expect(extractPlay("Fouled back, and Marsh jogs back to first with Quist dancing off third.").runners_on_base).toBe("1B,3B");
    expect(extractPlay("Curve in the dirt, ball two, and Bellamy has to retreat to second.").runners_on_base).toBe("2B");
  });

  it("even said after the call, and by the jump he got", () => {
    expect(extractPlay("Fastball, called strike three, and Quist, who broke early, has to retreat to first.").runners_on_base).toBe("1B");
    expect(extractPlay("Sinker fouled away; Marsh got a great jump from second on that one.").runners_on_base).toBe("2B");
  });

  it("a runner named by what he means to the score", () => {
    expect(extractPlay("The potential tying run at third, two down, and here's the pitch: ball.").runners_on_base).toBe("3B");
  });

  it("a runner left stranded is where the half ended, not a runner at a pitch", () => {
    expect(extractPlay("Bellamy left stranded at second, and that's the end of the inning.").runners_on_base).toBeNull();
  });
});

describe("'one' as a pronoun is not an out count", () => {
  it("'sit this one out', 'knock that one down' say nothing of outs; 'one out' still does", () => {
    expect(extractPlay("The wind has chosen to sit this one out tonight as we start the sixth.")).toMatchObject({ outs: null });
    expect(extractPlay("Hard grounder, and he knocks that one down with the glove, no play.")).toMatchObject({ outs: null });
    expect(extractPlay("One out in the seventh, and here's the pitch: fastball, ball one.")).toMatchObject({ outs: 1 });
  });
});
