import { describe, expect, it } from "vitest";
import { extractPlay } from "../../src/transform";

// Exclamations and short idioms of a radio call (issue 11, round 2), in new sentences written for these tests.
describe("exclamations and short idioms", () => {
  it("'wears one on the hip' is a hit-by-pitch; 'takes it on the black' is not", () => {
    expect(extractPlay("Cutter in, and Ramos wears one on the elbow!")).toMatchObject({ pitch_result: "Hit by pitch", ball_in_play: false });
    expect(extractPlay("Okafor took a pitch off the shin, and he's limping to first.")).toMatchObject({ pitch_result: "Hit by pitch" });
    expect(extractPlay("A first-pitch sinker, and Pena takes it on the corner. Strike one.")).toMatchObject({ pitch_result: "Strike" });
  });

  it("'K!' and 'goes down on a curveball' are a strikeout", () => {
    expect(extractPlay("K! Vance goes fishing for the slider and that's the inning.")).toMatchObject({ pitch_result: "Swing and miss" });
    expect(extractPlay("One-and-two... and Ruiz goes down on a changeup in the dirt!")).toMatchObject({ pitch_result: "Swing and miss", pre_pitch_balls: 1, pre_pitch_strikes: 2 });
    expect(extractPlay("Pena went down on strikes, looking at a fastball on the black.")).toMatchObject({ pitch_result: "Strike" });
  });

  it("'extra bases' and a ball ripped down the line are a hit", () => {
    expect(extractPlay("The one-oh... smoked down the left-field line, and that's extra bases!")).toMatchObject({ pitch_result: "In play - hit", pre_pitch_balls: 1, pre_pitch_strikes: 0 });
    expect(extractPlay("Okafor rips it down the line in right, fair! He's going for two!")).toMatchObject({ pitch_result: "In play - hit" });
  });

  it("a roller down a line with a plain object, and the tag, are an out", () => {
    expect(extractPlay("Vance pushes a bunt down the third-base line, the catcher pounces and tags him.")).toMatchObject({ pitch_result: "In play - out", ball_in_play: true });
    expect(extractPlay("Ramos taps a slider along the first-base line, and the pitcher tags the runner. Two out.")).toMatchObject({ pitch_result: "In play - out" });
  });

  it("a speed opening the sentence before where it crossed", () => {
    expect(extractPlay("Ninety-two over the heart of the plate, and Pena fouls it straight back.")).toMatchObject({ pitch_velocity_mph: 92, pitch_result: "Foul" });
    expect(extractPlay("Eighty-seven on the inner half, Ruiz takes it. Strike two.")).toMatchObject({ pitch_velocity_mph: 87, pitch_result: "Strike" });
  });
});

describe("how he swung, said beside what happened", () => {
  it("'out in front' or 'chases' with a foul said outright is a foul", () => {
    expect(extractPlay("Splitter, and Vance is out in front, tops it foul down the line.")).toMatchObject({ pitch_result: "Foul", ball_in_play: false });
    expect(extractPlay("Oh-and-one, Ruiz chases the slider and fouls it off the plate. Still oh-and-two? No: oh and two.")).toMatchObject({ pitch_result: "Foul" });
    expect(extractPlay("Changeup, Pena way out in front of it. Strike two.")).toMatchObject({ pitch_result: "Swing and miss" });
  });

  it("a swing, a comma, then the miss", () => {
    expect(extractPlay("Curveball, and Okafor goes after it, misses. Oh and two.")).toMatchObject({ pitch_result: "Swing and miss", post_pitch_strikes: 2 });
    expect(extractPlay("Ramos reaches for a slider away, comes up empty.")).toMatchObject({ pitch_result: "Swing and miss" });
  });

  it("a speed exclaimed on its own opening the call", () => {
    expect(extractPlay("One hundred! Vance can only wave at it.")).toMatchObject({ pitch_velocity_mph: 100, pitch_result: "Swing and miss" });
    expect(extractPlay("Ninety-eight! Fouled straight back.")).toMatchObject({ pitch_velocity_mph: 98, pitch_result: "Foul" });
  });
});
