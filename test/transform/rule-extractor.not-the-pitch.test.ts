import { describe, expect, it } from "vitest";
import { extractPlay } from "../../src/transform";

// Words that look like a call but are not this pitch's (issue 11, round 2), in new sentences written for these tests.
describe("what happens before the pitch is announced", () => {
  it("a pickoff throw before 'now the pitch' is not the pitch's result", () => {
    expect(extractPlay("Quick throw over to first, Pena dives back. Now the pitch... low. Ball.")).toMatchObject({ pitch_result: "Ball", ball_in_play: false });
    expect(extractPlay("He throws over to first twice, then the 1-1... swung on and missed.")).toMatchObject({ pitch_result: "Swing and miss", pre_pitch_balls: 1, pre_pitch_strikes: 1 });
  });
});

describe("words about other things than the call", () => {
  it("a terse call opening a sentence about the night stays the call", () => {
    expect(extractPlay("Ball three, and Vance hasn't gotten the low strike all night tonight.")).toMatchObject({ pitch_result: "Ball", ball_in_play: false });
    expect(extractPlay("Strike two, and Ramos has been fooled by that pitch all evening, he's oh-for-two today.")).toMatchObject({ pitch_result: "Strike" });
  });

  it("what a hitter likes ('he likes the ball down') is no call", () => {
    expect(extractPlay("Here's Okafor, a .280 hitter. The skipper says he likes the ball low and away.").pitch_result).toBeNull();
    expect(extractPlay("Pena sees the ball up well, they say.").pitch_result).toBeNull();
  });

  it("a hitter's taste ('who loves the heater up', 'struggles with the curve') is no pitch", () => {
    expect(extractPlay("Ramos pinch-hits, a right-handed bat who loves the heater up.")).toMatchObject({ pitch_result: null, pitch_type: null });
    expect(extractPlay("Okafor leads off. He struggles with the curveball in the dirt, the book says.")).toMatchObject({ pitch_result: null });
    // A guess made at the plate is part of the call: "sits on the changeup and lines it into center".
    expect(extractPlay("Pena sits on the changeup and lines it into center for a base hit.")).toMatchObject({ pitch_result: "In play - hit", pitch_type: "changeup" });
  });

  it("'a ball game', 'what a ball club' are no ball", () => {
    expect(extractPlay("Final, Herons six, Millers two. That's a ball game, everybody.").pitch_result).toBeNull();
    expect(extractPlay("What a ball club they have put together this year.").pitch_result).toBeNull();
  });

  it("a manager's long walk, a pitch count and a pitching change are no pitch", () => {
    const e = extractPlay("And there's a change for the Herons. The skipper takes the long walk, and Ruiz is done, ninety-two pitches, two runs.");
    expect(e).toMatchObject({ pitch_result: null, ball_in_play: null, pitch_type: null });
    expect(extractPlay("Time for a change: the manager makes the slow walk out to the hill.")).toMatchObject({ pitch_result: null, pitch_type: null });
  });

  it("a pitcher's line and his tallies are no pitch", () => {
    expect(extractPlay("Bottom of the sixth. Vance's line: two innings, a walk, no hits, one hit batsman.").pitch_result).toBeNull();
    expect(extractPlay("Pena's final line: six innings, two runs, a home run allowed.").pitch_result).toBeNull();
  });

  it("a who-clause of past plays goes on through the list", () => {
    expect(extractPlay("One out, Ruiz at second, and up comes Okafor, who doubled, struck out looking and flied out.").pitch_result).toBeNull();
    expect(extractPlay("Pena, who walked, went first to third and scored, is back up.").pitch_result).toBeNull();
    // The present-tense call after the clause stays.
    expect(extractPlay("Vance, who singled, lines one into left field for a base hit!")).toMatchObject({ pitch_result: "In play - hit" });
  });

  it("a half-inning's heading ('The Herons' eighth:') opens a recap", () => {
    expect(extractPlay("The Herons' eighth: a walk and a double, one run. Tied at three.").pitch_result).toBeNull();
    expect(extractPlay("Millbrook's ninth inning: a single and nothing more.").pitch_result).toBeNull();
  });

  it("a batter named by a play of another inning, and a walk-off, are no pitch", () => {
    expect(extractPlay("Ramos, the home run hitter from the sixth, leads off. Nobody on.").pitch_result).toBeNull();
    expect(extractPlay("Ruiz, with that double from the fifth, digs in against the lefty. Bases empty.").pitch_result).toBeNull();
    expect(extractPlay("That's it! Pena walks it off with a base hit, and the Herons win four to three!").pitch_result).not.toBe("Ball");
  });
});

describe("the fastball's folksy names with their adjective", () => {
  it("'hard cheese', 'high cheddar', 'the hard stuff' are read whole", () => {
    expect(extractPlay("One-and-one, hard cheese at the letters, and Pena swings through it.")).toMatchObject({ pitch_type: "hard cheese", pitch_result: "Swing and miss" });
    expect(extractPlay("Ruiz climbs the ladder with some high cheddar, and Vance chases. Strike three!")).toMatchObject({ pitch_type: "high cheddar" });
    expect(extractPlay("Okafor comes with the hard stuff, ninety-eight, fouled back.")).toMatchObject({ pitch_type: "the hard stuff", pitch_velocity_mph: 98, pitch_result: "Foul" });
  });
});
