import { describe, expect, it } from "vitest";
import { extractPlay } from "../../src/transform";

// A terse TV call and its analyst (round 6), in new sentences written for these tests (not from any test set): the
// pitch named, then what it did in a word or two; the colour man's quotes after the call; counts said with "again".

describe("the colour man's words in quotes, with no speaker named, are no call", () => {
  it("a quote opening a sentence after the call says nothing of this pitch", () => {
    expect(extractPlay('Slider, low. "He\'ll swing at that next time, you watch, he always chases it."')).toMatchObject({ pitch_result: "Ball", ball_in_play: false });
    expect(extractPlay('Time is called on the field. "Nobody wants a walk here. You let him swing the bat."').pitch_result).toBeNull();
  });

  it("a pitch count ('at 97 pitches') shows no pitch thrown", () => {
    expect(extractPlay("Manager Pike makes the walk himself. Vance is at 97 pitches and stays in.").pitch_result).toBeNull();
  });
});

describe("a ball hit into a gap or a corner named by its field", () => {
  it("'the right-center gap', 'the left-field corner' are base hits", () => {
    expect(extractPlay("Pena's liner splits the defense and rolls into the left-field corner!")).toMatchObject({ pitch_result: "In play - hit", ball_in_play: true });
    expect(extractPlay("Oh-and-one curve, and Ruiz drives it into the right-center gap, he'll coast into second.")).toMatchObject({ pitch_result: "In play - hit", pre_pitch_balls: 0, pre_pitch_strikes: 1, post_pitch_strikes: 1 });
  });

  it("a hitting verb, a suspense ellipsis, then where it went", () => {
    expect(extractPlay("Okafor lifts it... to shallow left, and Diaz comes in to take it. Two down.")).toMatchObject({ pitch_result: "In play - out", ball_in_play: true });
  });
});

describe("the pitch named, then what it did in a word or two", () => {
  it("a breaking ball that drops in, after its speed, is a called strike", () => {
    expect(extractPlay("Hook, 77, drops in. Oh and one.")).toMatchObject({ pitch_result: "Strike", pre_pitch_balls: 0, pre_pitch_strikes: 0, post_pitch_strikes: 1, pitch_type: "hook", pitch_velocity_mph: 77 });
  });

  it("'taken', in the passive, is a pitch not swung at: a called strike unless said to miss", () => {
    expect(extractPlay("Two-seamer at the knees, taken. One-and-two.")).toMatchObject({ pitch_result: "Strike", pre_pitch_balls: 1, pre_pitch_strikes: 1, post_pitch_balls: 1, post_pitch_strikes: 2 });
    expect(extractPlay("1-1 heater, 96, taken on the outside corner.")).toMatchObject({ pitch_result: "Strike", pre_pitch_balls: 1, pre_pitch_strikes: 1, post_pitch_strikes: 2, pitch_velocity_mph: 96 });
    expect(extractPlay("Changeup, taken low. Two and one.")).toMatchObject({ pitch_result: "Ball", post_pitch_balls: 2, pre_pitch_balls: 1 });
  });

  it("'on the black', 'down the middle' after the pitch's name and speed, with no swing said", () => {
    expect(extractPlay("Slider, 84, on the outside corner. Oh and two.")).toMatchObject({ pitch_result: "Strike", pre_pitch_balls: 0, pre_pitch_strikes: 1, pitch_velocity_mph: 84 });
    expect(extractPlay("Sinker, 93, down the middle. One-one.")).toMatchObject({ pitch_result: "Strike", pre_pitch_balls: 1, pre_pitch_strikes: 0 });
    expect(extractPlay("Cutter on the black, and Pena swings right through it. Oh and two.")).toMatchObject({ pitch_result: "Swing and miss" });
  });

  it("a hitter late on the pitch swung through it, unless he fouled it", () => {
    expect(extractPlay("Heater at 98, and Diaz is late. Oh and two.")).toMatchObject({ pitch_result: "Swing and miss", pre_pitch_strikes: 1, post_pitch_strikes: 2, pitch_velocity_mph: 98 });
    expect(extractPlay("Sinker on the hands, he's a tick late on it and fouls it back.")).toMatchObject({ pitch_result: "Foul" });
  });

  it("where it missed: another one outside, below the knees, short of the plate", () => {
    expect(extractPlay("Another one outside, two and oh.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 1, post_pitch_balls: 2 });
    expect(extractPlay("Another lob, way outside.")).toMatchObject({ pitch_result: "Ball" });
    expect(extractPlay("The 0-1 splitter, just below the knees.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 0, pre_pitch_strikes: 1, post_pitch_balls: 1 });
    expect(extractPlay("Curveball bounces short of the plate, one and oh.")).toMatchObject({ pitch_result: "Ball", post_pitch_balls: 1 });
  });

  it("a walk given on purpose is ball four", () => {
    expect(extractPlay("Three and oh, and the catcher stands up again. Intentional walk to Pena.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 3, post_pitch_balls: 4 });
  });

  it("the hitter holds, said without 'up': a ball", () => {
    expect(extractPlay("Slider off the edge, he holds. Two and two.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 1, pre_pitch_strikes: 2 });
  });

  it("'the chase' is what the pitcher wants, not a swing", () => {
    expect(extractPlay("One-and-two, heater at the letters, looking for the chase. Ball two.")).toMatchObject({ pitch_result: "Ball", post_pitch_balls: 2, post_pitch_strikes: 2 });
  });
});

describe("plays told in a word after the pitch", () => {
  it("a pitch clipping or grazing the batter on a body part; 'he's hit'", () => {
    expect(extractPlay("The 2-1 sinker runs in and clips Ruiz on the forearm.")).toMatchObject({ pitch_result: "Hit by pitch", pre_pitch_balls: 2, post_pitch_balls: 2, post_pitch_strikes: 1 });
    expect(extractPlay("Heater up and in... and he's hit! Pena takes his base.")).toMatchObject({ pitch_result: "Hit by pitch" });
  });

  it("the fielder taking it to the bag himself; a sacrifice said as the ruling alone", () => {
    expect(extractPlay("Oh and one. He squares, pushes it toward first, and Pike takes it himself.")).toMatchObject({ pitch_result: "In play - out", ball_in_play: true, post_pitch_strikes: 1 });
    expect(extractPlay("Oh-and-one, Ruiz squares and drops it in front of the plate. Sacrifice. Runner to second.")).toMatchObject({ pitch_result: "In play - out", post_pitch_strikes: 1 });
  });
});

describe("counts said with a colon or with 'again'", () => {
  it("'The 2-1:' announces the pitch thrown on that count", () => {
    expect(extractPlay("The 2-1: cutter, 91, in on the hands. Ball.")).toMatchObject({ pre_pitch_balls: 2, pre_pitch_strikes: 1, post_pitch_balls: 3, post_pitch_strikes: 1, pitch_result: "Ball" });
    expect(extractPlay("The oh-and-one: sinker, and Pena rolls it to short.")).toMatchObject({ pre_pitch_balls: 0, pre_pitch_strikes: 1, post_pitch_strikes: 1, pitch_result: "In play - out" });
  });

  it("a count opening the call 'again' is the count the pitch is thrown on", () => {
    expect(extractPlay("One and one again... slider, and Diaz waves through it.")).toMatchObject({ pre_pitch_balls: 1, pre_pitch_strikes: 1, post_pitch_strikes: 2, pitch_result: "Swing and miss" });
    expect(extractPlay("3-2 again. Vance comes set, heater, and Ruiz fouls it straight back.")).toMatchObject({ pre_pitch_balls: 3, pre_pitch_strikes: 2, post_pitch_balls: 3, post_pitch_strikes: 2, pitch_result: "Foul" });
  });

  it("'again' said of the pitch leaves a two-strike foul's count before it unstated; said of the count, it stayed", () => {
    expect(extractPlay("Changeup again, fouled off. One and two.")).toMatchObject({ pitch_result: "Foul", post_pitch_balls: 1, post_pitch_strikes: 2, pre_pitch_balls: null, pre_pitch_strikes: null });
    expect(extractPlay("Fouled back. One and two again.")).toMatchObject({ pitch_result: "Foul", post_pitch_strikes: 2, pre_pitch_balls: 1, pre_pitch_strikes: 2 });
  });
});

describe("where the pitch went, in a word after its name", () => {
  it("a pitch that bounces, falls short or is down missed", () => {
    expect(extractPlay("Curve bounces. One and oh.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 0, pre_pitch_strikes: 0, post_pitch_balls: 1 });
    expect(extractPlay("Splitter, short. Two and two.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 1, pre_pitch_strikes: 2 });
    expect(extractPlay("Changeup down. Three and one.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 2, pre_pitch_strikes: 1 });
  });

  it("a word of where it went gives way to what the hitter did with it", () => {
    expect(extractPlay("Curveball, down, and he rolls it over to second. Easy out.")).toMatchObject({ pitch_result: "In play - out", ball_in_play: true });
  });
});

describe("the Spanish names of a bilingual booth", () => {
  it("'el cambio', 'la curva', 'la recta' are a changeup, a curve and a fastball, as written", () => {
    expect(extractPlay("El cambio, 84, low. Two and oh.")).toMatchObject({ pitch_type: "cambio", pitch_velocity_mph: 84, pitch_result: "Ball" });
    expect(extractPlay("La curva, and Pena swings right through it.")).toMatchObject({ pitch_type: "curva", pitch_result: "Swing and miss" });
    expect(extractPlay("La recta at 97, fouled back.")).toMatchObject({ pitch_type: "recta", pitch_velocity_mph: 97, pitch_result: "Foul" });
  });
});

describe("a speed said right after the count", () => {
  it("'The 2-2, 97, ...' gives the pitch's speed", () => {
    expect(extractPlay("The 2-2, 97, swung on and missed.")).toMatchObject({ pitch_velocity_mph: 97, pre_pitch_balls: 2, pre_pitch_strikes: 2, pitch_result: "Swing and miss" });
    expect(extractPlay("Here's the 0-1, 88, in the dirt.")).toMatchObject({ pitch_velocity_mph: 88, pitch_result: "Ball", post_pitch_balls: 1 });
  });

  it("a number after a score or a count of pitches is no speed", () => {
    expect(extractPlay("Herons 4, 95 pitches for Vance so far. Slider, fouled away.").pitch_velocity_mph).toBeNull();
  });
});

describe("a paragraph that sums up the game", () => {
  it("'Final from the park:' and 'Final, in eleven:' open a summary, no pitch", () => {
    const e = extractPlay("Final, in eleven: Herons 6, Coyotes 5. Ruiz ends it with a single up the middle, and the dugout empties.");
    expect(e).toMatchObject({ pitch_result: null, ball_in_play: null, pitch_type: null });
    expect(extractPlay("Final from Harbor Park: Herons 3, Coyotes 2. Vance struck out nine over seven.").pitch_result).toBeNull();
  });
});

describe("a pitch whose call is in words we do not know", () => {
  it("named on its count, it keeps its type, speed and count", () => {
    expect(extractPlay("2-1 cutter, 90, and Ruiz gets jammed something awful.")).toMatchObject({ pitch_type: "cutter", pitch_velocity_mph: 90, pre_pitch_balls: 2, pre_pitch_strikes: 1, pitch_result: null });
  });

  it("a pitch named only in the colour man's quote was not thrown", () => {
    expect(extractPlay('Here comes Esterhaus from the pen. "He throws a hundred, but it\'s the splitter that gets people out."').pitch_type).toBeNull();
  });
});
