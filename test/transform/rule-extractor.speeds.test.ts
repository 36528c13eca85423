import { describe, expect, it } from "vitest";
import { extractPlay } from "../../src/transform";

// Speeds as broadcasters say them, and numbers that are not speeds (issue 11). New sentences written for these tests
// (not from any test set): each case names the general pattern it stands for.
describe("pitch speeds", () => {
  it("a pitch count ('he's at 88 pitches') is no speed", () => {
    expect(extractPlay("Okafor is at 88 pitches. Slider, fouled back.")).toMatchObject({ pitch_result: "Foul", pitch_velocity_mph: null });
    expect(extractPlay("Top of the 6th, and Vance is back out at 97 pitches. Pena leads off.")).toMatchObject({ pitch_velocity_mph: null, pitch_result: null });
  });

  it("a speed the narrator corrects gives way to the one said next", () => {
    expect(extractPlay("Fastball, 96, no, the board has it at 97, taken for a strike.")).toMatchObject({ pitch_velocity_mph: 97, pitch_result: "Strike" });
    expect(extractPlay("Okafor fires a sinker at 93 mph — sorry, 92 — and Ramos fouls it off.")).toMatchObject({ pitch_velocity_mph: 92 });
    // No correction: the speed stands.
    expect(extractPlay("Cutter at 90, and no chance for Pena: he swings through it.")).toMatchObject({ pitch_velocity_mph: 90 });
  });

  it("speeds of other times (warm-ups, last week) are not this pitch's", () => {
    expect(extractPlay("Changeup, low. 1-0. He was up to 95 in his warm-up tosses.")).toMatchObject({ pitch_result: "Ball", pitch_velocity_mph: null });
    expect(extractPlay("The new man is Ruiz. He hit 100 on the gun last week in Denver.")).toMatchObject({ pitch_velocity_mph: null, pitch_result: null });
  });
});

describe("speeds of last month", () => {
  it("'hit 102 in Denver last month' is not this pitch's speed", () => {
    expect(extractPlay("Fastball, fouled away. He hit 102 in Denver last month.")).toMatchObject({ pitch_result: "Foul", pitch_velocity_mph: null });
  });
});

describe("a speed opening a terse call", () => {
  it("'96 at the letters', '91, on the black' give the speed", () => {
    expect(extractPlay("96 at the letters, he chases. Strike three.")).toMatchObject({ pitch_velocity_mph: 96, pitch_result: "Swing and miss" });
    expect(extractPlay("Two-one. 91, on the black, called strike.")).toMatchObject({ pitch_velocity_mph: 91, pitch_result: "Strike" });
    // A number opening a sentence that is not a pitch's is no speed.
    expect(extractPlay("Slider, fouled back. 41 years since they last won here.")).toMatchObject({ pitch_velocity_mph: null });
  });
});
