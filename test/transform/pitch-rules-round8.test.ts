import { describe, expect, it } from "vitest";
import { extractPlay } from "../../src/transform";

// A streaming booth with a data analyst (round 8), in new sentences written for these tests (not from any test set):
// numbers of other measures beside the speed, misses said by how far, and the calls of a quick play-by-play voice.

describe("a number measured in another unit or stat is never the pitch's speed", () => {
  it("the ball off the bat, with or without a decimal, is the exit velocity", () => {
    expect(extractPlay("Paz slaps the 2-1 cutter through the left side for a single, 98.6 off the bat.")).toMatchObject({ pitch_result: "In play - hit", pitch_velocity_mph: null });
    expect(extractPlay("Line drive, base hit to center. It came off at 103.2 mph off the bat, and the runner holds at second.")).toMatchObject({ pitch_velocity_mph: null });
  });

  it("spin, angles, distances and rates keep their numbers, and the speed said beside them still reads", () => {
    expect(extractPlay("A 94 heater with 2,480 rpm on it, and Lusk swings through it.")).toMatchObject({ pitch_result: "Swing and miss", pitch_velocity_mph: 94 });
    expect(extractPlay("Lusk lifts the slider to left, launch angle 31, and it is caught at the track.")).toMatchObject({ pitch_velocity_mph: null });
    expect(extractPlay("He throws the changeup, a .298 hitter against it, and Lusk bounces it to short.")).toMatchObject({ pitch_result: "In play - out", pitch_velocity_mph: null });
    expect(extractPlay("Sinker, win probability at 64 for the visitors, and Lusk rolls it to second.")).toMatchObject({ pitch_result: "In play - out", pitch_velocity_mph: null });
    expect(extractPlay("A cutter, launch angle at 62, and Lusk pops it up to short.")).toMatchObject({ pitch_result: "In play - out", pitch_velocity_mph: null });
  });

  it("a speed set off after the pitch's name with an article and an adjective is read", () => {
    expect(extractPlay("Here comes the changeup, a soft 81, and Duarte is way out in front.")).toMatchObject({ pitch_velocity_mph: 81 });
    expect(extractPlay("Then the sinker, an easy 90, is grounded to first.")).toMatchObject({ pitch_velocity_mph: 90, pitch_result: "In play - out" });
  });
});

describe("where the pitch missed, said by how far or of the pitch by its name", () => {
  it("a miss measured in inches or a foot is a ball", () => {
    expect(extractPlay("The 0-1 slider, a few inches outside. 1-1.")).toMatchObject({ pitch_result: "Ball", post_pitch_balls: 1, post_pitch_strikes: 1 });
    expect(extractPlay("Fastball, maybe a foot high, and Kerr lets it go by.")).toMatchObject({ pitch_result: "Ball" });
    expect(extractPlay("The sinker runs an inch wide and the umpire says no.")).toMatchObject({ pitch_result: "Ball" });
  });

  it("a pitch off the outer or inner edge is a ball", () => {
    expect(extractPlay("Cutter off the inner edge, and Kerr just watches it.")).toMatchObject({ pitch_result: "Ball" });
  });

  it("'the sinker is low' and 'the fastball, 97, is up' call a ball", () => {
    expect(extractPlay("Nobody on, two out. The curveball is low.")).toMatchObject({ pitch_result: "Ball", pitch_type: "curveball" });
    expect(extractPlay("Up by two, and the fastball, 97, is up.")).toMatchObject({ pitch_result: "Ball", pitch_velocity_mph: 97 });
  });
});

describe("the calls of a quick play-by-play voice", () => {
  it("a pitch that goes under or past the bat is a swing and a miss", () => {
    expect(extractPlay("A splitter at 86 tumbles beneath the bat. Strike two.")).toMatchObject({ pitch_result: "Swing and miss" });
    expect(extractPlay("The heater explodes past his bat, and that's strike three!")).toMatchObject({ pitch_result: "Swing and miss" });
  });

  it("'takes all the way' is a pitch not swung at", () => {
    expect(extractPlay("Two and oh, a sinker on the inner half, and Vela takes all the way.")).toMatchObject({ pitch_result: "Strike", pre_pitch_balls: 2, post_pitch_strikes: 1 });
  });

  it("'stays alive' and a pitch ticked back are fouls", () => {
    expect(extractPlay("Oh and two, and Vela stays alive on a slider down and away.")).toMatchObject({ pitch_result: "Foul", post_pitch_strikes: 2 });
    expect(extractPlay("Full count. Vela ticks the cutter back into the netting.")).toMatchObject({ pitch_result: "Foul" });
  });

  it("a bunt put down and a ball topped are put in play", () => {
    expect(extractPlay("Oh and one, and Marsh lays the bunt down toward third; they take the sure out at first.")).toMatchObject({ pitch_result: "In play - out", ball_in_play: true });
    expect(extractPlay("Marsh tops a sinker toward the mound and is retired easily.")).toMatchObject({ ball_in_play: true });
  });

  it("a throw across after a grounder is an out", () => {
    expect(extractPlay("Two and one, off the end of the bat, and the shortstop backhands it and fires across in time.")).toMatchObject({ pitch_result: "In play - out", ball_in_play: true });
  });

  it("the leadoff pitch is thrown on 0-0", () => {
    expect(extractPlay("The leadoff pitch of the inning is a slider for a called strike.")).toMatchObject({ pre_pitch_balls: 0, pre_pitch_strikes: 0, post_pitch_strikes: 1 });
  });
});

describe("words that look like a call but are not this pitch's", () => {
  it("'a single pitch' is no single", () => {
    expect(extractPlay("Oh-and-two, and the changeup gets him swinging. The whole threat is gone in a single pitch.")).toMatchObject({ pitch_result: "Swing and miss" });
  });

  it("a runner thrown out beside a strikeout is the runner's out, not the batter's", () => {
    expect(extractPlay("Three and two, the runner goes, Ruiz swings through a slider for strike three, and the catcher throws him out at second!")).toMatchObject({ pitch_result: "Swing and miss", post_pitch_strikes: 3, ball_in_play: false });
    expect(extractPlay("On 1-2 Ruiz waves at the curve. Struck him out, and Diaz is thrown out trying to take third!")).toMatchObject({ pitch_result: "Swing and miss", post_pitch_strikes: 3, ball_in_play: false });
  });

  it("a catch in the seats after a foul is a fan's", () => {
    expect(extractPlay("Ruiz fouls the sinker into the stands down the line, and a fan in a red cap makes the catch.")).toMatchObject({ pitch_result: "Foul", ball_in_play: false });
  });

  it("a pair that no at-bat reaches (4-3) is no count", () => {
    expect(extractPlay("Still 4-3 here. Curveball, strike one.")).toMatchObject({ pre_pitch_balls: null, post_pitch_balls: null });
  });

  it("a replay told again ('the replay says', 'one more look') throws no pitch", () => {
    expect(extractPlay("One more look at that one: a 2-2 cutter, 91, on the hands. Now Vela steps in.")).toMatchObject({ pitch_type: null, pitch_velocity_mph: null, pre_pitch_balls: null });
    expect(extractPlay("The replay says it was a 0-1 sinker at 94 that he hit out. Vela is up next.")).toMatchObject({ pitch_type: null, pitch_result: null });
  });

  it("a question asked states nothing, unless the booth answers it yes", () => {
    expect(extractPlay("Vela steps in. From the chat: has he ever homered off a lefty? Not yet this season.")).toMatchObject({ pitch_result: null });
    expect(extractPlay("Deep to right... is that ball gone? It is! A two-run shot.")).toMatchObject({ pitch_result: "In play - hit" });
  });
});
