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

describe("the miss said of the pitch or of the pitcher", () => {
  it("'Another one misses', 'Ortiz misses again', 'misses with the hook' are balls", () => {
    expect(extractPlay("Another one misses, and the count runs to three and one.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 2, pre_pitch_strikes: 1, post_pitch_balls: 3 });
    expect(extractPlay("Runner at first. Ortiz misses again, and it's two and oh.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 1, pre_pitch_strikes: 0, post_pitch_balls: 2 });
    expect(extractPlay("Kemp misses with the hook, just off the corner, one and one.")).toMatchObject({ pitch_result: "Ball", post_pitch_balls: 1, post_pitch_strikes: 1 });
  });

  it("a swing said with it still wins: 'swings and misses again'", () => {
    expect(extractPlay("Ruiz swings and misses again. Oh and two.")).toMatchObject({ pitch_result: "Swing and miss" });
  });
});

describe("the pitch hitting the batter, said of the pitcher: 'and he hits him!'", () => {
  it("'he hits him' is a hit by pitch", () => {
    expect(extractPlay("Two and two... and he hits him! Right on the hip, and Duran takes his base.")).toMatchObject({ pitch_result: "Hit by pitch", pre_pitch_balls: 2, pre_pitch_strikes: 2, post_pitch_balls: 2, post_pitch_strikes: 2 });
    expect(extractPlay("The sinker runs in, and she hits him square on the back.")).toMatchObject({ pitch_result: "Hit by pitch", ball_in_play: false });
  });
});

describe("where the pitch crossed, 'right at the knees', is no ball hit at a fielder", () => {
  it("'right at the knees', 'right at the letters' say nothing of a ball in play", () => {
    expect(extractPlay("Curveball right at the knees, called strike one.")).toMatchObject({ pitch_result: "Strike", ball_in_play: false });
    expect(extractPlay("Fastball right at the letters, and Pena swings through it.")).toMatchObject({ pitch_result: "Swing and miss", ball_in_play: false });
    expect(extractPlay("Grounder right at the shortstop, and he throws to first.")).toMatchObject({ pitch_result: "In play - out", ball_in_play: true });
  });
});

describe("a hitter standing still for the pitch took it", () => {
  it("'just stood there', 'stood and admired it' is a called strike when nothing else is said", () => {
    expect(extractPlay("The hook drops in at the knees and Soto just stood there. One and two.")).toMatchObject({ pitch_result: "Strike", pre_pitch_balls: 1, pre_pitch_strikes: 1, post_pitch_strikes: 2 });
    expect(extractPlay("Sinker on the inside corner, and Cruz stands and admires it. Oh and one.")).toMatchObject({ pitch_result: "Strike", pre_pitch_balls: 0, pre_pitch_strikes: 0 });
    expect(extractPlay("Slider low, and Cruz admired that one all the way. Ball one.")).toMatchObject({ pitch_result: "Ball" });
  });
});

describe("a strikeout counted among his night's is this pitch", () => {
  it("'goes down swinging for the second time tonight' is the call, not an earlier at-bat", () => {
    expect(extractPlay("Oh and two... swung on and missed, and Baker goes down swinging for the second time tonight.")).toMatchObject({ pitch_result: "Swing and miss", pre_pitch_balls: 0, pre_pitch_strikes: 2, post_pitch_strikes: 3 });
    expect(extractPlay("Called strike three! Frozen on the corner, that's the third time today he's been rung up.")).toMatchObject({ pitch_result: "Strike" });
  });

  it("a sentence about earlier tonight still says nothing of this pitch", () => {
    expect(extractPlay("Baker singled to left earlier tonight. Here's the pitch, low, ball one.")).toMatchObject({ pitch_result: "Ball" });
    expect(extractPlay("Baker steps in. He struck out tonight in the second.").pitch_result).toBeNull();
  });
});

describe("plays of other times and plays imagined, around the call, are not this pitch", () => {
  const none = { pitch_result: null, ball_in_play: null, pitch_type: null, pre_pitch_balls: null, pre_pitch_strikes: null };

  it("his career against this pitcher, his line as 'N for M'", () => {
    expect(extractPlay("Diaz has faced Kemp six times in his career and struck out in four of them.")).toMatchObject(none);
    expect(extractPlay("Pena steps in. He is three for twelve against Kemp, with a home run.")).toMatchObject(none);
  });

  it("a play 'two innings ago', and one told in the first inning", () => {
    expect(extractPlay("Up comes Webb, the man who took a home run away from Ortiz two innings ago.")).toMatchObject(none);
    expect(extractPlay("Ruiz is back, and he went the other way for a double in the first inning.")).toMatchObject(none);
  });

  it("a replay they are showing", () => {
    expect(extractPlay("Webb steps in. They're showing it again on the big board: a hanging slider, and he hit it over the wall.")).toMatchObject(none);
  });

  it("a sentence opening on 'If', and what a fly would be in another park", () => {
    expect(extractPlay("Two on, two out for Diaz. If Kemp leaves a slider up here, Diaz hits it off the wall.")).toMatchObject(none);
    expect(extractPlay("Diaz lifts a fly to deep left, and Pena catches it on the track. In most ballparks that's a home run.")).toMatchObject({ pitch_result: "In play - out", ball_in_play: true });
    expect(extractPlay("Oh and one. Here's the pitch, high fly, caught at the wall! In any other weather that ball's gone.")).toMatchObject({ pitch_result: "In play - out", pre_pitch_strikes: 1 });
  });

  it("a manager's words 'and I quote'", () => {
    expect(extractPlay('The skipper told us before the game, and I quote, "We are going to swing at the first fastball and hit it a mile."')).toMatchObject(none);
  });

  it("a half-inning closed with its line: 'that'll do it for the top of the sixth', 'no runs, one hit, two left'", () => {
    expect(extractPlay("And that'll do it for the top of the sixth. Two strikeouts and a fly ball, and that's all for the Otters.")).toMatchObject(none);
    expect(extractPlay("A quiet frame for the home side: one run, two hits, one left, and a lineout to end it.")).toMatchObject(none);
  });

  it("a sentence going on about a play of another time: 'That one came on a 3-1 fastball'", () => {
    expect(extractPlay("Pena won it for them last night with a walk-off hit. That one came on a three-one fastball up in the zone.")).toMatchObject(none);
    expect(extractPlay("Here comes Webb, who singled home two last night. It was a slider he hit the other way.")).toMatchObject(none);
    expect(extractPlay("He doubled last night. Now the pitch: that one was a curve, and Webb swings through it.")).toMatchObject({ pitch_result: "Swing and miss", pitch_type: "curve" });
  });
});

describe("more of the booth's names for pitches", () => {
  it("'the gas' is a four-seamer; 'out of gas' is a tired arm", () => {
    expect(extractPlay("Here comes the gas, ninety-eight, and Ruiz swings through it.")).toMatchObject({ pitch_type: "gas", pitch_velocity_mph: 98, pitch_result: "Swing and miss" });
    expect(extractPlay("Kemp looks out of gas. The slider, low, ball one.")).toMatchObject({ pitch_type: "slider", pitch_result: "Ball" });
  });

  it("'straight change' and 'change-piece' are changeups, read whole", () => {
    expect(extractPlay("A straight change at eighty-one, and Ruiz is way out in front.")).toMatchObject({ pitch_type: "straight change", pitch_result: "Swing and miss" });
    expect(extractPlay("He pulls the string with the change-piece, and Diaz waves at it.")).toMatchObject({ pitch_type: "change-piece" });
  });
});

describe("the pitch thrown, not one imagined or looked for", () => {
  it("a pitch named only in a sentence opening on 'If', or in the colour man's quote, names no pitch", () => {
    expect(extractPlay("Ball two, way inside. If I'm the catcher, I call for the curve here.")).toMatchObject({ pitch_result: "Ball", pitch_type: null });
    expect(extractPlay('Low, ball three. "I would go right back to the sinker, Gus."')).toMatchObject({ pitch_result: "Ball", pitch_type: null });
  });

  it("the pitch the catcher was looking for gives way to the one that came", () => {
    expect(extractPlay("It skips to the backstop! They got crossed up, the catcher was expecting a slider and got a heater. Ball one.")).toMatchObject({ pitch_type: "heater", pitch_result: "Ball" });
    expect(extractPlay("Diaz was sitting on a fastball and he got one, lined into center for a hit.")).toMatchObject({ pitch_type: "fastball", pitch_result: "In play - hit" });
  });
});

describe("a ball hit to a field, and a fielder right there", () => {
  it("'lines one to left, but Ruiz is right there' is an out", () => {
    expect(extractPlay("Two and one. Pena lines one to left, but Ruiz is right there. Two down.")).toMatchObject({ pitch_result: "In play - out", ball_in_play: true, pre_pitch_balls: 2, post_pitch_balls: 2 });
    expect(extractPlay("Diaz rips a liner to right, and the right fielder's right there to make the catch.")).toMatchObject({ pitch_result: "In play - out" });
  });

  it("with no fielder there, the ball into the outfield is still a hit; 'it was there' is the pitch's spot", () => {
    expect(extractPlay("Pena lines one to left, and that drops in for a base hit.")).toMatchObject({ pitch_result: "In play - hit" });
    expect(extractPlay("Called strike, and he glares back at the umpire, but it was there.")).toMatchObject({ pitch_result: "Strike", ball_in_play: false });
  });
});

describe("the booth's greetings opening on 'If' are no hypotheses", () => {
  it("'If you're just joining us' and 'If you blinked' leave the call and the inning", () => {
    expect(extractPlay("If you're just joining us, it's the bottom of the seventh. Here's the pitch, low, ball one.")).toMatchObject({ inning_number: 7, inning_half: "Bottom", pitch_result: "Ball" });
    expect(extractPlay("If you blinked, you missed it: fastball, ninety-nine, swung on and missed.")).toMatchObject({ pitch_result: "Swing and miss", pitch_velocity_mph: 99 });
  });
});
