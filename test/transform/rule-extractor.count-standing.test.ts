import { describe, expect, it } from "vitest";
import { extractPlay } from "../../src/transform";

// Counts as broadcasters say them around a pitch (issue 11), in new sentences written for these tests (not from any
// test set): each case names the general pattern it stands for.
describe("counts said around the pitch", () => {
  it("'still 2-2' before the call is the count the pitch is thrown on; after the call, the count it left", () => {
    expect(extractPlay("Still two balls and two strikes. The sinker, and Pena swings through it. Strike three!")).toMatchObject({
      pre_pitch_balls: 2, pre_pitch_strikes: 2, post_pitch_balls: 2, post_pitch_strikes: 3, pitch_result: "Swing and miss",
    });
    expect(extractPlay("Still 0-2. Vance chases a slider in the dirt and misses it.")).toMatchObject({ pre_pitch_balls: 0, pre_pitch_strikes: 2, post_pitch_strikes: 3 });
    expect(extractPlay("Cutter, fouled back into the seats. Still 1-2.")).toMatchObject({ pitch_result: "Foul", post_pitch_balls: 1, post_pitch_strikes: 2, pre_pitch_balls: 1, pre_pitch_strikes: 2 });
  });

  it("'the 3-1 from the pitcher' and 'the pitcher's 3-1, a slider' name the count the pitch is thrown on", () => {
    expect(extractPlay("The 3-1 from Okafor... cutter, and Ramos grounds it to third. One away.")).toMatchObject({ pre_pitch_balls: 3, pre_pitch_strikes: 1, post_pitch_balls: 3, post_pitch_strikes: 1 });
    expect(extractPlay("Okafor's 0-1, a changeup, fouled off his foot.")).toMatchObject({ pre_pitch_balls: 0, pre_pitch_strikes: 1, post_pitch_strikes: 2, pitch_result: "Foul" });
    // "That's 4-2, Herons" is a score, not a pitch thrown on a count.
    expect(extractPlay("Ramos lines it into left, the run scores. That's four-two, Herons.")).toMatchObject({ pre_pitch_balls: null, post_pitch_balls: null });
  });

  it("'on the 2-1' (a runner going, a pitch thrown) is the count the pitch is thrown on", () => {
    expect(extractPlay("And the runner is going on the 2-1! Fastball, swung on and missed, and the throw is late. Now it's 2-2.")).toMatchObject({
      pre_pitch_balls: 2, pre_pitch_strikes: 1, post_pitch_balls: 2, post_pitch_strikes: 2, pitch_result: "Swing and miss",
    });
    expect(extractPlay("Vance swings on the 0-0 and rolls it to second for the out.")).toMatchObject({ pre_pitch_balls: 0, pre_pitch_strikes: 0, pitch_result: "In play - out" });
  });
});

describe("'the count is 3-1'", () => {
  it("said before the call, it is the count the pitch is thrown on; after it, the count it left", () => {
    expect(extractPlay("Count is 3-1. Slider, fouled back, full count.")).toMatchObject({ pre_pitch_balls: 3, pre_pitch_strikes: 1, post_pitch_balls: 3, post_pitch_strikes: 2 });
    expect(extractPlay("The count sits at one and one. Changeup, taken low.")).toMatchObject({ pre_pitch_balls: 1, pre_pitch_strikes: 1, post_pitch_balls: 2 });
    expect(extractPlay("Fastball, swinging strike, and the count is 0-2.")).toMatchObject({ post_pitch_balls: 0, post_pitch_strikes: 2, pre_pitch_strikes: 1 });
  });
});

describe("more ways to say a count", () => {
  it("'the count's full', 'we're full', 'here's the payoff' are 3-2", () => {
    expect(extractPlay("The count's full. Slider, swinging strike three.")).toMatchObject({ pre_pitch_balls: 3, pre_pitch_strikes: 2, post_pitch_strikes: 3 });
    expect(extractPlay("And we're full. Here's the payoff... fouled off.")).toMatchObject({ pre_pitch_balls: 3, pre_pitch_strikes: 2, pitch_result: "Foul" });
    expect(extractPlay("Cutter, fouled back, and it's full.")).toMatchObject({ post_pitch_balls: 3, post_pitch_strikes: 2 });
  });

  it("'puts him in an 0-2 hole' and 'up 2-0 in the count' are counts after the pitch", () => {
    expect(extractPlay("Slider, swinging strike. That puts him in an 0-2 hole.")).toMatchObject({ post_pitch_balls: 0, post_pitch_strikes: 2, pre_pitch_strikes: 1 });
    expect(extractPlay("Ball, high. Ramos is up 2-0 in the count.")).toMatchObject({ post_pitch_balls: 2, post_pitch_strikes: 0, pre_pitch_balls: 1 });
  });

  it("'evening the count at one' is 1-1 after the pitch", () => {
    expect(extractPlay("Fastball, called strike, evening the count at one.")).toMatchObject({ post_pitch_balls: 1, post_pitch_strikes: 1, pre_pitch_balls: 1, pre_pitch_strikes: 0 });
  });
});

describe("counts after the call, said every which way", () => {
  it("'that'll make it 2-2', '0-2 now', 'for a 1-2 count' are the count the pitch left", () => {
    expect(extractPlay("Slider, swinging strike, and that'll make it 2-2.")).toMatchObject({ post_pitch_balls: 2, post_pitch_strikes: 2, pre_pitch_balls: 2, pre_pitch_strikes: 1 });
    expect(extractPlay("Fastball, fouled back, 0-2 now.")).toMatchObject({ post_pitch_balls: 0, post_pitch_strikes: 2 });
    expect(extractPlay("Cutter, called strike, for a 1-2 count.")).toMatchObject({ post_pitch_balls: 1, post_pitch_strikes: 2, pre_pitch_strikes: 1 });
  });

  it("'down 0-2' and 'behind 1-2' (the smaller number first) are counts, not scores", () => {
    expect(extractPlay("Sinker, called strike. Ramos is now down 0-2.")).toMatchObject({ post_pitch_balls: 0, post_pitch_strikes: 2, score_home: null });
    expect(extractPlay("Pena down oh-and-two. Fastball, and he tips it. Still oh-and-two.")).toMatchObject({ pre_pitch_balls: 0, pre_pitch_strikes: 2, pitch_result: "Foul" });
    // A score said after "down" puts the larger number first.
    expect(extractPlay("The Herons are down 3-1 in the 7th. Slider, ball one.")).toMatchObject({ pre_pitch_balls: null, post_pitch_balls: null });
  });

  it("a count after 'fouled' or 'called' is no score ('led' is not the end of 'fouled')", () => {
    expect(extractPlay("Curveball, fouled, 1-2.")).toMatchObject({ pitch_result: "Foul", post_pitch_balls: 1, post_pitch_strikes: 2 });
  });
});

describe("a pitcher's season line", () => {
  it("'a 2.45 ERA and 40 strikeouts' is no call", () => {
    expect(extractPlay("Ruiz comes on to pitch. He has a 2.45 ERA and 40 strikeouts.")).toMatchObject({ pitch_result: null, pre_pitch_balls: null });
  });
});

describe("a team's record is no count", () => {
  it("'the Herons are 4-2 on this road trip' names no count; 'oh-and-two on Pena' does", () => {
    expect(extractPlay("The Herons are 4-2 on this road trip. Slider, called strike.")).toMatchObject({ pitch_result: "Strike", pre_pitch_balls: null, post_pitch_balls: null });
    expect(extractPlay("Oh-and-two on Pena. Slider, fouled back.")).toMatchObject({ pre_pitch_balls: 0, pre_pitch_strikes: 2 });
  });
});
