import { describe, expect, it } from "vitest";
import { extractPlay } from "../../src/transform";

// Swings that could not stop, pitches only looked at, speeds said as a clause (issue 11, round 2): new sentences.
describe("a swing the hitter could not stop or could not time", () => {
  it("'can't catch up to it', 'blows it by him', 'nothing but air' are a swing and miss", () => {
    expect(extractPlay("Four-seamer up, ninety-nine, and Okafor can't catch up to it.")).toMatchObject({ pitch_result: "Swing and miss", pitch_velocity_mph: 99 });
    expect(extractPlay("Oh-and-one, Ruiz blows a heater right by Pena. Oh and two.")).toMatchObject({ pitch_result: "Swing and miss", post_pitch_strikes: 2 });
    expect(extractPlay("Slider, and Vance gets nothing but air!")).toMatchObject({ pitch_result: "Swing and miss" });
  });

  it("a check swing he could not hold is a swing, one he held is a ball", () => {
    expect(extractPlay("One-and-one, Ramos tries to check his swing, couldn't hold up. One-and-two.")).toMatchObject({ pitch_result: "Swing and miss", post_pitch_strikes: 2 });
    expect(extractPlay("Splitter low, Pena holds up in time. Two-and-one.")).toMatchObject({ pitch_result: "Ball", post_pitch_balls: 2 });
  });
});

describe("a pitch only looked at", () => {
  it("'just stares at it', 'looks at that one' with nothing else said is a called strike", () => {
    expect(extractPlay("Sinker on the inner third, and Vance just stares at it. One and one.")).toMatchObject({ pitch_result: "Strike", post_pitch_strikes: 1 });
    expect(extractPlay("Okafor looks at that one go by for strike two.")).toMatchObject({ pitch_result: "Strike" });
  });

  it("looked at, but where it missed said, is a ball", () => {
    expect(extractPlay("Ruiz watches it go by, low. Ball one.")).toMatchObject({ pitch_result: "Ball" });
    expect(extractPlay("Wide again. Three and oh.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 2, post_pitch_balls: 3 });
  });
});

describe("a speed said as a clause of its own", () => {
  it("a number between commas in the call is the speed", () => {
    expect(extractPlay("He kicks and fires, ninety-seven, right on the hands, ball.")).toMatchObject({ pitch_velocity_mph: 97, pitch_result: "Ball" });
    expect(extractPlay("Here it comes, 84, and Pena swings through it.")).toMatchObject({ pitch_velocity_mph: 84, pitch_result: "Swing and miss" });
  });

  it("a batting average, an attendance or a small number is no speed", () => {
    expect(extractPlay("Pena, hitting .291, steps in. A crowd of 27,114 tonight.").pitch_velocity_mph).toBeNull();
    expect(extractPlay("Ball, low, 3-1, and the runner stays put.").pitch_velocity_mph).toBeNull();
    expect(extractPlay("Sinker low, ball. They announce a crowd of 41,095, the biggest of the year.").pitch_velocity_mph).toBeNull();
  });
});

describe("the pitch as the subject of the call", () => {
  it("'the slider misses' is a ball; 'the curve drops in' for a strike is no hit", () => {
    expect(extractPlay("Two-and-two. The slider misses. Full count.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 2, post_pitch_balls: 3 });
    expect(extractPlay("Cutter just misses, two-and-oh.")).toMatchObject({ pitch_result: "Ball", post_pitch_balls: 2 });
    expect(extractPlay("The hook drops in, called strike two!")).toMatchObject({ pitch_result: "Strike", ball_in_play: false });
    expect(extractPlay("Changeup, and Pena loops one that drops in front of the center fielder! Base hit.")).toMatchObject({ pitch_result: "In play - hit" });
  });

  it("a hitter 'way early' on an off-speed pitch swung and missed", () => {
    expect(extractPlay("Circle change, and Ramos is way early. Oh and two.")).toMatchObject({ pitch_result: "Swing and miss", post_pitch_strikes: 2 });
    expect(extractPlay("Early in the count, Ruiz takes a fastball low. Ball one.")).toMatchObject({ pitch_result: "Ball" });
  });
});
