import { describe, expect, it } from "vitest";
import { extractPlay } from "../../src/transform";

// A fast radio call's shapes (issue 11, round 2), in new sentences written for these tests (not from any test set):
// the call as the last item of a comma list, where it missed as a clause, and the idioms of a folksy call.
describe("the call as the last clause of a comma list", () => {
  it("', ball.' and ', strike.' after where and how fast the pitch came", () => {
    expect(extractPlay("First pitch to Okafor, cutter, sails up by the chin, ball. Eighty-nine on the board.")).toMatchObject({ pitch_result: "Ball", ball_in_play: false, pre_pitch_balls: 0, pre_pitch_strikes: 0, post_pitch_balls: 1, post_pitch_strikes: 0, pitch_type: "cutter", pitch_velocity_mph: 89 });
    expect(extractPlay("Two-and-one, Vance paints one on the outer edge — strike.")).toMatchObject({ pitch_result: "Strike", pre_pitch_balls: 2, pre_pitch_strikes: 1, post_pitch_strikes: 2 });
    expect(extractPlay("Splitter at the shoe tops, 86 mph, strike. One-and-one.")).toMatchObject({ pitch_result: "Strike", pitch_velocity_mph: 86, pre_pitch_balls: 1, pre_pitch_strikes: 0, post_pitch_balls: 1, post_pitch_strikes: 1 });
    expect(extractPlay("Oh-and-one, Ruiz misses his spot by a foot... ball.")).toMatchObject({ pitch_result: "Ball", pre_pitch_strikes: 1, post_pitch_balls: 1 });
  });

  it("a bare 'called' is a called strike", () => {
    expect(extractPlay("Curveball, called, oh and two.")).toMatchObject({ pitch_result: "Strike", pre_pitch_balls: 0, pre_pitch_strikes: 1, post_pitch_strikes: 2 });
    expect(extractPlay("Two-seamer on the hands... called! One-one.")).toMatchObject({ pitch_result: "Strike", post_pitch_balls: 1, post_pitch_strikes: 1 });
  });

  it("'Ball game!' and a ballpark are no ball", () => {
    expect(extractPlay("Ball game! The Herons win it, four to three, and we'll be right back.").pitch_result).toBeNull();
    expect(extractPlay("Ballpark's full tonight. Ball club's on a roll.").pitch_result).toBeNull();
  });
});

describe("where it missed, said as a clause or of the pitch", () => {
  it("a location opening the call or standing between commas", () => {
    expect(extractPlay("Low, and that makes it two-and-two.")).toMatchObject({ pitch_result: "Ball", post_pitch_balls: 2, post_pitch_strikes: 2 });
    expect(extractPlay("Here comes the pitch, inside, two and oh.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 1, post_pitch_balls: 2 });
    expect(extractPlay("First pitch, outside, one-oh.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 0, pre_pitch_strikes: 0, post_pitch_balls: 1 });
  });

  it("'the pitch is high', 'that one's low', 'way off', 'wastes one'", () => {
    expect(extractPlay("The first pitch is low. One-oh.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 0, post_pitch_balls: 1 });
    expect(extractPlay("The one-one from Pena, and that one's outside, two-one.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 1, post_pitch_balls: 2 });
    expect(extractPlay("Well off the plate. Three and one.")).toMatchObject({ pitch_result: "Ball", post_pitch_balls: 3, pre_pitch_balls: 2 });
    expect(extractPlay("Nowhere near it. Two and two.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 1, pre_pitch_strikes: 2 });
    expect(extractPlay("Oh-and-two, Vance wastes a slider in the other batter's box.")).toMatchObject({ pitch_result: "Ball", post_pitch_balls: 1, post_pitch_strikes: 2 });
  });
});

describe("a folksy call's idioms", () => {
  it("a pitch laid in the zone with no swing is a strike", () => {
    expect(extractPlay("Three-and-oh, Okafor grooves one right down Broadway. Three and one.")).toMatchObject({ pitch_result: "Strike", post_pitch_strikes: 1 });
    expect(extractPlay("Ruiz sneaks a cutter over the inside corner. One-and-one.")).toMatchObject({ pitch_result: "Strike" });
    expect(extractPlay("Pena drops in a curveball for a strike. Oh and one.")).toMatchObject({ pitch_result: "Strike", ball_in_play: false, pre_pitch_strikes: 0 });
  });

  it("a swing named by another verb, then the miss", () => {
    expect(extractPlay("Slider away, Ramos offers and misses. Oh and one.")).toMatchObject({ pitch_result: "Swing and miss", pre_pitch_balls: 0, pre_pitch_strikes: 0, post_pitch_strikes: 1, pitch_type: "slider" });
    expect(extractPlay("Heater up, Vance takes a big cut and misses! Two strikes.")).toMatchObject({ pitch_result: "Swing and miss" });
    expect(extractPlay("Change of pace, Okafor lunges at it and comes up empty.")).toMatchObject({ pitch_result: "Swing and miss" });
  });

  it("a pop-up with its object between, a grounder 'right back to' the pitcher", () => {
    expect(extractPlay("Pena pops it up behind the mound, the catcher waves everyone off, got it.")).toMatchObject({ pitch_result: "In play - out", ball_in_play: true });
    expect(extractPlay("Vance rolls one over to third, a routine play, and that's one away.")).toMatchObject({ pitch_result: "In play - out", ball_in_play: true });
    expect(extractPlay("First pitch, Ramos taps it right back to the box, an easy toss to first.")).toMatchObject({ pitch_result: "In play - out", pre_pitch_balls: 0, pre_pitch_strikes: 0, post_pitch_balls: 0, post_pitch_strikes: 0 });
  });

  it("a hard-hit ball named by its noun, caught by a fielder's verb", () => {
    expect(extractPlay("Vance rips a bullet... right at the shortstop, who spears it.")).toMatchObject({ pitch_result: "In play - out", ball_in_play: true });
    expect(extractPlay("Ruiz smokes a liner to third, and Pena snares the liner at his shoetops.")).toMatchObject({ pitch_result: "In play - out" });
  });

  it("a ball that drops in, said of the ball, is a hit", () => {
    expect(extractPlay("One-and-one... Okafor flares it into right, it drops! The runner scores!")).toMatchObject({ pitch_result: "In play - hit", ball_in_play: true, pre_pitch_balls: 1, pre_pitch_strikes: 1 });
    expect(extractPlay("Changeup, Vance loops one to shallow center and the ball falls safely.")).toMatchObject({ pitch_result: "In play - hit" });
  });
});
