import { describe, expect, it } from "vitest";
import { extractPlay } from "../../src/transform";

// Counts and speeds in a fast radio call's shapes (issue 11, round 2), in new sentences written for these tests.
describe("counts a radio call says in new shapes", () => {
  it("'and we go 2-and-1' is the count the pitch left", () => {
    expect(extractPlay("Curveball misses low, and we go three-and-one.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 2, pre_pitch_strikes: 1, post_pitch_balls: 3, post_pitch_strikes: 1 });
    expect(extractPlay("Cutter fouled back into the screen, so we go one-and-two.")).toMatchObject({ pitch_result: "Foul", post_pitch_balls: 1, post_pitch_strikes: 2 });
  });

  it("'the oh-oh' is the first pitch's count", () => {
    expect(extractPlay("Here's the oh-oh to Pena... low, ball.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 0, pre_pitch_strikes: 0, post_pitch_balls: 1 });
    expect(extractPlay("An oh-oh slider, and Ruiz swings through it.")).toMatchObject({ pitch_result: "Swing and miss", pre_pitch_balls: 0, pre_pitch_strikes: 0, post_pitch_strikes: 1 });
    expect(extractPlay("Uh-oh, Vance is limping after that swing and miss.").pre_pitch_balls).toBeNull();
  });

  it("a count opening the sentence, then 'and' and the batter's play, is the count it was thrown on", () => {
    expect(extractPlay("One-and-two and Okafor lines one into left field for a base hit!")).toMatchObject({ pitch_result: "In play - hit", pre_pitch_balls: 1, pre_pitch_strikes: 2, post_pitch_balls: 1, post_pitch_strikes: 2 });
    expect(extractPlay("Three-and-one and Ramos grounds it to short, an easy out.")).toMatchObject({ pitch_result: "In play - out", pre_pitch_balls: 3, pre_pitch_strikes: 1 });
  });

  it("a paragraph that is only a count with no strike in it follows a ball", () => {
    expect(extractPlay("Three and oh.")).toMatchObject({ pitch_result: "Ball", ball_in_play: false, pre_pitch_balls: 2, pre_pitch_strikes: 0, post_pitch_balls: 3, post_pitch_strikes: 0 });
    expect(extractPlay("One-oh!")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 0, post_pitch_balls: 1 });
    // With a strike in it, the call cannot be told (called, swinging or fouled): only the count after it is said.
    expect(extractPlay("Two and two.")).toMatchObject({ pitch_result: null, pre_pitch_balls: null, post_pitch_balls: 2, post_pitch_strikes: 2 });
  });

  it("a pair and then a team's name closing the sentence is the score, not a count", () => {
    const e = extractPlay("Ruiz lifts one deep to center, the runner tags and scores. Sacrifice fly. Three-one, Herons.");
    expect(e).toMatchObject({ pre_pitch_balls: null, post_pitch_balls: null, pitch_result: "In play - out" });
    expect(extractPlay("Slider in the dirt, ball. Two-one, folks.")).toMatchObject({ post_pitch_balls: 2, post_pitch_strikes: 1 });
  });

  it("'opens with' is his outing's first pitch, not a stated count", () => {
    expect(extractPlay("The new man opens with a sinker, ninety-one, inside, ball one.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: null, post_pitch_balls: null, pitch_velocity_mph: 91 });
    expect(extractPlay("He opens the at-bat with a cutter for a called strike.")).toMatchObject({ pre_pitch_balls: 0, pre_pitch_strikes: 0, post_pitch_strikes: 1 });
  });
});

describe("speeds a radio call says in new shapes", () => {
  it("a speed opening the call before where it went, and 'on that one'", () => {
    expect(extractPlay("Ninety-six, inside. One-and-one.")).toMatchObject({ pitch_velocity_mph: 96, pitch_result: "Ball" });
    expect(extractPlay("Eighty-one, in the dirt, and the catcher smothers it.")).toMatchObject({ pitch_velocity_mph: 81 });
    expect(extractPlay("Slider, and Pena waves right through it. Eighty-eight on that one.")).toMatchObject({ pitch_velocity_mph: 88, pitch_result: "Swing and miss" });
    expect(extractPlay("A changeup gets him out in front. Seventy-nine on that pitch.")).toMatchObject({ pitch_velocity_mph: 79 });
  });

  it("his pitch count and the ball's speed off the bat are no pitch speed", () => {
    expect(extractPlay("Sinker low, ball two. His pitch count is getting up there, he's at seventy-four.").pitch_velocity_mph).toBeNull();
    expect(extractPlay("Okafor rips a single to right. Exit velocity 103 on that one.").pitch_velocity_mph).toBeNull();
    expect(extractPlay("A double off the wall, and it came off the bat at 99.").pitch_velocity_mph).toBeNull();
  });
});

describe("counts said in words or as where he stands", () => {
  it("a count said in words ('three balls and a strike') is no call", () => {
    expect(extractPlay("Splitter, misses down, three balls and a strike.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 2, pre_pitch_strikes: 1, post_pitch_balls: 3, post_pitch_strikes: 1 });
    expect(extractPlay("Curve in the dirt, that's two balls, one strike.")).toMatchObject({ pitch_result: "Ball", post_pitch_balls: 2, post_pitch_strikes: 1 });
  });

  it("'he's behind, 1-0' after the call is the count it left", () => {
    expect(extractPlay("Ball one, and Okafor is behind, one-oh.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 0, post_pitch_balls: 1 });
    expect(extractPlay("Vance is ahead, oh-and-one. Here's the pitch... fouled back.")).toMatchObject({ pitch_result: "Foul", pre_pitch_balls: 0, pre_pitch_strikes: 1, post_pitch_strikes: 2 });
  });

  it("the call with its subject left out: 'Misses again.'", () => {
    expect(extractPlay("Misses again. Three and one.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 2, post_pitch_balls: 3 });
    expect(extractPlay("Just missed, two and two.")).toMatchObject({ pitch_result: "Ball", post_pitch_balls: 2 });
  });
});
