import { describe, expect, it } from "vitest";
import { extractPlay } from "../../src/transform";

// A chatty radio veteran and his colour man (round 7), in new sentences written for these tests (not from any test
// set): counts said as where the at-bat stands, misses said of the pitcher, past and imagined plays around the call.

describe("a count said as where the at-bat stands: 'we're one and one', 'it's two and oh'", () => {
  it("'and we're N and M' after the call is the count the pitch left", () => {
    expect(extractPlay("Slider in the dirt, he holds, and we're two and one.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 1, pre_pitch_strikes: 1, post_pitch_balls: 2, post_pitch_strikes: 1 });
    expect(extractPlay("Here's the pitch... Ortega fouls it off his foot, and we're oh-and-two.")).toMatchObject({ pitch_result: "Foul", post_pitch_balls: 0, post_pitch_strikes: 2 });
    expect(extractPlay("A called strike on the hook, and we are one and one.")).toMatchObject({ pitch_result: "Strike", pre_pitch_balls: 1, pre_pitch_strikes: 0, post_pitch_strikes: 1 });
  });

  it("'we're N and M' before the pitch is told is the count it is thrown on", () => {
    expect(extractPlay("So we're two and two. Here's the pitch, fouled away.")).toMatchObject({ pitch_result: "Foul", pre_pitch_balls: 2, pre_pitch_strikes: 2, post_pitch_strikes: 2 });
  });

  it("'So it's one and one.' opening the paragraph, the pitch told after it, is the count it is thrown on", () => {
    expect(extractPlay("So it's one and two. Reyes comes set, and deals, a sinker that runs in on him. Ball two.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 1, pre_pitch_strikes: 2, post_pitch_balls: 2, post_pitch_strikes: 2 });
    expect(extractPlay("That makes it two and oh. Now the cutter, and Mills waves through it.")).toMatchObject({ pitch_result: "Swing and miss", pre_pitch_balls: 2, pre_pitch_strikes: 0, post_pitch_strikes: 1 });
  });

  it("a pitch on the 'outside edge' is no team's edge: the count after it still reads", () => {
    expect(extractPlay("Called strike, a heater on the outside edge, and it's oh-and-two on Ruiz.")).toMatchObject({ pitch_result: "Strike", pre_pitch_balls: 0, pre_pitch_strikes: 1, post_pitch_strikes: 2 });
    expect(extractPlay("Changeup catches the inner edge for strike two, that's one and two.")).toMatchObject({ pre_pitch_balls: 1, pre_pitch_strikes: 1, post_pitch_strikes: 2 });
  });

  it("'One and one the count...' and 'Two and one is the count' name the count the pitch is thrown on", () => {
    expect(extractPlay("Two and one the count... Pena rips one into left for a base hit!")).toMatchObject({ pitch_result: "In play - hit", pre_pitch_balls: 2, pre_pitch_strikes: 1, post_pitch_balls: 2, post_pitch_strikes: 1 });
    expect(extractPlay("Oh and one is the count, and the sinker is grounded to short.")).toMatchObject({ pitch_result: "In play - out", pre_pitch_balls: 0, pre_pitch_strikes: 1 });
  });
});
