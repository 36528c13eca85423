import { describe, expect, it } from "vitest";
import { extractPlay } from "../../src/transform";

// What a paragraph says about other times and in asides is not this pitch (issue 11). New sentences written for these
// tests (not from any test set): each case names the general pattern it stands for.
const NO_PITCH = { pitch_result: null, ball_in_play: null, pitch_type: null, pitch_velocity_mph: null };

describe("asides and plays told again are not the pitch", () => {
  it("the colour man's quoted words are an aside, not the call", () => {
    expect(extractPlay('Slider in the dirt, ball two. Dee: "You make him chase that, and he will."')).toMatchObject({ pitch_result: "Ball" });
    expect(extractPlay('Ramos steps in, nobody on. Dee: "He homered off this guy in April, a no-doubter."')).toMatchObject(NO_PITCH);
    expect(extractPlay('Sinker, fouled away. My partner says, \u201cthat one nearly left the yard last time.\u201d')).toMatchObject({ pitch_result: "Foul" });
  });

  it("a relative clause about the batter's past leaves the call in the same sentence", () => {
    expect(extractPlay("Okafor, who doubled to open the second, takes a curveball low.")).toMatchObject({ pitch_result: "Ball", pitch_type: "curveball" });
    expect(extractPlay("Pena, who has 19 homers this season, fouls off a cutter at 88.")).toMatchObject({ pitch_result: "Foul", pitch_velocity_mph: 88 });
    // A present-tense clause is part of the call.
    expect(extractPlay("Vance grounds it to the shortstop, who throws him out by a step.")).toMatchObject({ pitch_result: "In play - out" });
  });

  it("a batter's day said as '2-for-3', 'his first time up' or a season tally is no call", () => {
    expect(extractPlay("Ramos is 2-for-3 with a double. First pitch, a sinker, called strike.")).toMatchObject({ pitch_result: "Strike", pre_pitch_balls: 0, pre_pitch_strikes: 0 });
    expect(extractPlay("Here comes Okafor, two down. He singled to center his first time up.")).toMatchObject(NO_PITCH);
    expect(extractPlay("Vance will bat for the catcher. He hit 11 home runs as a part-timer.")).toMatchObject(NO_PITCH);
  });

  it("a hit-by-pitch in an earlier inning said beside the batter is not this pitch", () => {
    expect(extractPlay("Pena, hit by a pitch in the 3rd, digs in. The first pitch, a slider, and he fouls it back.")).toMatchObject({ pitch_result: "Foul", post_pitch_strikes: 1 });
  });

  it("a play told again as done ('the double play gets them out of it', 'X's sacrifice fly') is no pitch", () => {
    expect(extractPlay("The double play ends the threat. After six, the visitors lead two to one.")).toMatchObject(NO_PITCH);
    expect(extractPlay("They tied it on the sacrifice fly by Ramos. End of five, two apiece.")).toMatchObject(NO_PITCH);
    expect(extractPlay("Okafor's sacrifice fly and a walk made it close. Middle of the seventh.")).toMatchObject(NO_PITCH);
    // Said as it happens, a double play is the pitch's result.
    expect(extractPlay("Vance rolls it to short, to second, on to first: double play!")).toMatchObject({ pitch_result: "In play - out" });
  });

  it("a replay looks back at the last play", () => {
    expect(extractPlay("On the replay you can see the slider hung, and Ramos didn't miss it. Pena steps in.")).toMatchObject(NO_PITCH);
  });
});

describe("the scorer's ruling on a play already told", () => {
  it("'Sacrifice fly for Ruiz' or 'Double play, Ruiz,' with no pitch in the paragraph wraps up the last play", () => {
    expect(extractPlay("Sacrifice fly for Ruiz, and the visitors lead by two. Two out, and Pena is due up.")).toMatchObject({ ...NO_PITCH, outs: 2 });
    expect(extractPlay("Double play, Okafor, and that ends the inning. Herons 4, Coyotes 2.")).toMatchObject(NO_PITCH);
    expect(extractPlay("RBI single for Vance. That gets the tying run home, and the crowd is on its feet.")).toMatchObject(NO_PITCH);
  });

  it("the same ruling with the pitch told is the pitch's result", () => {
    expect(extractPlay("The 1-1 fastball, lifted to deep center, caught, the runner tags and scores. Sacrifice fly for Ruiz!")).toMatchObject({ pitch_result: "In play - out", ball_in_play: true });
  });
});

describe("what stays part of the call", () => {
  it("a relative clause that tells the play in the past tense (a wire report) is the call", () => {
    expect(extractPlay("Okafor threw a 2-1 slider to Pena, who lined it into left for a single.")).toMatchObject({ pitch_result: "In play - hit", pre_pitch_balls: 2, pre_pitch_strikes: 1 });
    expect(extractPlay("Vance threw a sinker at 92 mph to Ruiz, who grounded out to second.")).toMatchObject({ pitch_result: "In play - out", pitch_velocity_mph: 92 });
  });

  it("a play named as done counts when the paragraph shows the pitch", () => {
    expect(extractPlay("The 1-1 fastball, lined into center! The run scores on the single by Pena!")).toMatchObject({ pitch_result: "In play - hit", ball_in_play: true });
  });
});

describe("a pitcher's or batter's line, and other months", () => {
  it("a pitcher's line ('struck out seven', 'threw 98 pitches', 'gave up a homer') is no call", () => {
    expect(extractPlay("Here comes the manager. Vance threw 104 pitches, and he struck out nine.")).toMatchObject(NO_PITCH);
    expect(extractPlay("That's it for Okafor, who walked four and gave up a homer to Pena.")).toMatchObject(NO_PITCH);
  });

  it("a play in another month or earlier in the inning is not this pitch", () => {
    expect(extractPlay("Up comes Ramos, who homered off this same lefty in August.")).toMatchObject(NO_PITCH);
    expect(extractPlay("Their first run scored on a wild pitch earlier in the inning. Pena digs in.")).toMatchObject(NO_PITCH);
  });
});

describe("reviews and what came before", () => {
  it("a review of the last play is not this pitch", () => {
    expect(extractPlay("Replay confirms the call on the field: he was out at second.")).toMatchObject(NO_PITCH);
    expect(extractPlay("After a review, the call stands. The runner was caught stealing.")).toMatchObject(NO_PITCH);
  });

  it("'after that comebacker' looks back at a play already made", () => {
    expect(extractPlay("The trainer comes out to check on the pitcher after that comebacker off his leg.")).toMatchObject(NO_PITCH);
  });
});

describe("summaries of a half-inning, and a pitcher's repertoire", () => {
  it("a paragraph that opens on a half-inning's end sums it up: no pitch", () => {
    expect(extractPlay("End of six. Ruiz struck out the side on eleven pitches.")).toMatchObject({ ...NO_PITCH, inning_number: 6 });
    expect(extractPlay("After seven, the Herons lead on Pena's two-run double.")).toMatchObject(NO_PITCH);
    expect(extractPlay("Middle of the 4th: a walk, a single, and nobody home.")).toMatchObject(NO_PITCH);
    // A half-inning ended by the pitch itself is the pitch's.
    expect(extractPlay("Slider, grounded to short, and that's the end of the 6th.")).toMatchObject({ pitch_result: "In play - out" });
  });

  it("plays listed as nouns ('a walk, a double and a sacrifice fly') are a summary", () => {
    expect(extractPlay("The Herons got two in the inning: a walk, a double and a sacrifice fly.")).toMatchObject(NO_PITCH);
    expect(extractPlay("Three up, three down for Okafor: a groundout, a strikeout and a lazy fly to center.")).toMatchObject(NO_PITCH);
  });

  it("a runner aboard on an earlier hit, and 'that single was', look back", () => {
    expect(extractPlay("With Ruiz aboard on a single, Pena steps in.")).toMatchObject(NO_PITCH);
    expect(extractPlay("That single was Ruiz's third hit. Pena is up next.")).toMatchObject(NO_PITCH);
  });

  it("a pitcher's repertoire ('throws a slider and a sinker') is no pitch thrown", () => {
    expect(extractPlay("A new pitcher, the lefty Ruiz, who throws a slider and a sinker.")).toMatchObject(NO_PITCH);
    expect(extractPlay("Okafor comes on. He throws a cutter, a curveball or a changeup to lefties.")).toMatchObject(NO_PITCH);
    // One pitch named and thrown, its result in words we do not know, keeps its type.
    expect(extractPlay("Okafor throws a cutter, and Pena does something with it nobody has a word for.")).toMatchObject({ pitch_type: "cutter" });
  });
});

describe("'it's hit' is no one's earlier hit", () => {
  it("a possessive look-back ('Pena's two-run double') is not 'it's hit hard'", () => {
    expect(extractPlay("Change, and it's hit hard but right at the shortstop for the first out.")).toMatchObject({ pitch_result: "In play - out", ball_in_play: true });
    expect(extractPlay("Pena's two-run double made it close. Ruiz digs in.")).toMatchObject(NO_PITCH);
  });
});

describe("the last play told as the next batter comes up", () => {
  it("a paragraph that brings up the next batter and shows no pitch has none", () => {
    expect(extractPlay("So Ruiz singles, and here's Pena, the number-three hitter.")).toMatchObject(NO_PITCH);
    expect(extractPlay("Okafor walks, and that brings the cleanup man, Vance, to the plate. Vance digs in.")).toMatchObject(NO_PITCH);
  });

  it("with the pitch shown, the play is the pitch's, the next batter named or not", () => {
    expect(extractPlay("Ruiz lines a 1-1 slider into left for a single! Pena steps in.")).toMatchObject({ pitch_result: "In play - hit", pre_pitch_balls: 1 });
    expect(extractPlay("Pena steps in. Slider, swinging strike.")).toMatchObject({ pitch_result: "Swing and miss" });
    expect(extractPlay("He comes up empty on a slider in the dirt, strike three.")).toMatchObject({ pitch_result: "Swing and miss" });
  });
});

describe("other leagues, tallies and what could happen", () => {
  it("a play in the minors or in spring training, or done 'twice', is not this pitch", () => {
    expect(extractPlay("Pena steps in. Dee says he struck out twice against this guy in the minors.")).toMatchObject(NO_PITCH);
    expect(extractPlay("Ruiz takes over; he threw a no-hitter in spring training, striking out eleven.")).toMatchObject(NO_PITCH);
  });

  it("a sentence about what could happen ('if I'm the pitcher', 'they need a double play') is no call", () => {
    expect(extractPlay("Pena steps in. If I'm the pitcher, I throw him nothing but sliders in the dirt.")).toMatchObject(NO_PITCH);
    expect(extractPlay("The manager might want a ground ball here, a double play to end it. Pena at the plate.")).toMatchObject(NO_PITCH);
    // The call stays when the musing is a sentence of its own.
    expect(extractPlay("Slider, ball one. You'd expect him to chase that one.")).toMatchObject({ pitch_result: "Ball" });
  });
});
