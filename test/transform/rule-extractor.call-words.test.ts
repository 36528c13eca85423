import { describe, expect, it } from "vitest";
import { extractPlay } from "../../src/transform";

// More of the broadcast's words for the same calls (issue 11), in new sentences written for these tests (not from any
// test set): each case names the general pattern it stands for.
describe("calls in words the rules did not know", () => {
  it("a pitch fought off or tipped is a foul", () => {
    expect(extractPlay("Two strikes on Vance. He fights off a cutter at 90, and it bounces away behind the plate.")).toMatchObject({ pitch_result: "Foul", ball_in_play: false, pitch_type: "cutter", pitch_velocity_mph: 90 });
    expect(extractPlay("Okafor is jammed by the sinker but fought off the pitch into the stands on the third-base side.")).toMatchObject({ pitch_result: "Foul" });
    expect(extractPlay("The 0-1, a slider, and Pena is just tipping it back into the netting.")).toMatchObject({ pitch_result: "Foul", pre_pitch_balls: 0, pre_pitch_strikes: 1, post_pitch_strikes: 2 });
  });

  it("a pop-up that drifts foul is a foul, a pop-up caught is an out", () => {
    expect(extractPlay("First pitch, a changeup, popped up foul and out of play behind the first-base dugout.")).toMatchObject({ pitch_result: "Foul", ball_in_play: false, post_pitch_strikes: 1 });
    expect(extractPlay("Slider, and Vance pops it up foul near the rail, where the catcher squeezes it for the out.")).toMatchObject({ pitch_result: "In play - out", ball_in_play: true });
  });

  it("a flailing swing is a swing and miss", () => {
    expect(extractPlay("Curveball in the dirt, and Ramos flails at it. Strike two.")).toMatchObject({ pitch_result: "Swing and miss" });
    expect(extractPlay("Okafor, flailing helplessly at a splitter that dove under his bat.")).toMatchObject({ pitch_result: "Swing and miss" });
  });

  it("a pitch taken where it missed is a ball", () => {
    expect(extractPlay("The first pitch to Pena is a fastball, 93, taken low.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 0, pre_pitch_strikes: 0, post_pitch_balls: 1, pitch_velocity_mph: 93 });
    expect(extractPlay("Sinker at 91, taken, outside. Ball one.")).toMatchObject({ pitch_result: "Ball" });
  });

  it("'on the corner, strike' is a called strike", () => {
    expect(extractPlay("1-1 to Vance. Cutter, 89, on the corner, strike. 1-2.")).toMatchObject({ pitch_result: "Strike", pre_pitch_balls: 1, pre_pitch_strikes: 1, post_pitch_strikes: 2 });
    expect(extractPlay("A sinker on the black for a strike, and Okafor can only nod.")).toMatchObject({ pitch_result: "Strike" });
  });

  it("a ball driven into the outfield or through the right side is a base hit", () => {
    expect(extractPlay("Changeup, and Ramos pokes it into left field! The runner holds at second.")).toMatchObject({ pitch_result: "In play - hit", ball_in_play: true });
    expect(extractPlay("The 2-1, a slider, and Pena pulls it through the right side!")).toMatchObject({ pitch_result: "In play - hit", pre_pitch_balls: 2, pre_pitch_strikes: 1, post_pitch_balls: 2, post_pitch_strikes: 1 });
    expect(extractPlay("Fastball, and Vance slaps it past the diving shortstop into center.")).toMatchObject({ pitch_result: "In play - hit" });
  });

  it("a ball hit to a fielder named with a plain object ('bounces the slider to first') is in play", () => {
    expect(extractPlay("Oh-and-one, and Okafor bounces the slider to the first baseman, who steps on the bag.")).toMatchObject({ pitch_result: "In play - out", ball_in_play: true, post_pitch_strikes: 1 });
    expect(extractPlay("First pitch, a cutter, and Ramos lifts a lazy fly to right. Easy play.")).toMatchObject({ pitch_result: "In play - out", ball_in_play: true });
  });

  it("the minor-league levels (Triple-A, Double-A) are no hits", () => {
    expect(extractPlay("Pena batted .290 at Triple-A this spring. The first pitch, a sinker at 94, fouled back.")).toMatchObject({ pitch_result: "Foul", ball_in_play: false });
    expect(extractPlay("Called up from Double-A in June, Vance takes a slider for a called strike.")).toMatchObject({ pitch_result: "Strike" });
  });

  it("'didn't miss it' is no swing and miss", () => {
    expect(extractPlay("Okafor didn't miss it: a line drive single to left on the 1-0 cutter.")).toMatchObject({ pitch_result: "In play - hit" });
    expect(extractPlay("The 1-1 slider, and Ramos did not miss it by much: fouled straight back.")).toMatchObject({ pitch_result: "Foul", post_pitch_strikes: 2 });
  });
});

describe("calls that lean on the count", () => {
  it("'strike two' said of a foul is the foul's strike; a foul tip held for strike three is a strikeout swinging", () => {
    expect(extractPlay("Cutter, fouled back. Strike two.")).toMatchObject({ pitch_result: "Foul" });
    expect(extractPlay("Okafor tips it foul, and that's strike one.")).toMatchObject({ pitch_result: "Foul" });
    expect(extractPlay("The 1-2, a curve, and Vance tips it into the catcher's mitt. Strike three!")).toMatchObject({ pitch_result: "Swing and miss", post_pitch_strikes: 3 });
  });

  it("a breaking ball that 'drops in for a strike' is a strike, not a bloop hit", () => {
    expect(extractPlay("Curveball, drops in for strike one.")).toMatchObject({ pitch_result: "Strike" });
    expect(extractPlay("The hook drops in for a called strike. 0-1.")).toMatchObject({ pitch_result: "Strike" });
    expect(extractPlay("Fastball, and his blooper drops in behind second for a hit.")).toMatchObject({ pitch_result: "In play - hit" });
  });

  it("a one-hopper, and a throw fired across to first, is a ball in play for an out", () => {
    expect(extractPlay("Slider, and Ramos hits a one-hopper to third, who fires across to first. Out.")).toMatchObject({ pitch_result: "In play - out", ball_in_play: true });
    expect(extractPlay("Sinker, a high hopper, the second baseman flips to first in time.")).toMatchObject({ pitch_result: "In play - out" });
  });

  it("'goes fishing' for a pitch is a swing and miss", () => {
    expect(extractPlay("Splitter in the dirt, and Pena goes fishing for it. Strike three!")).toMatchObject({ pitch_result: "Swing and miss" });
    expect(extractPlay("Okafor fishes for a slider off the plate and comes up with nothing. 0-2.")).toMatchObject({ pitch_result: "Swing and miss" });
  });
});

describe("speeds said another way", () => {
  it("'97 on the heater', 'the gun says 88'", () => {
    expect(extractPlay("Ninety-seven on the heater, called strike.")).toMatchObject({ pitch_velocity_mph: 97 });
    expect(extractPlay("The gun says 88 on that slider, and it's fouled back.")).toMatchObject({ pitch_velocity_mph: 88 });
    expect(extractPlay("Sinker, and the board has it at 93, ball one.")).toMatchObject({ pitch_velocity_mph: 93 });
  });
});

describe("where the ball went", () => {
  it("a pitch the catcher blocks, or one that hits the dirt, is a ball", () => {
    expect(extractPlay("Slider, hits the dirt, blocked by the catcher. 2-1.")).toMatchObject({ pitch_result: "Ball", post_pitch_balls: 2, pre_pitch_balls: 1 });
    expect(extractPlay("The 0-1 curve bounces, and the catcher smothers it. One and one.")).toMatchObject({ pitch_result: "Ball" });
  });

  it("a ball hit into the outfield seats or up the gap is a hit; one caught at the wall is an out", () => {
    expect(extractPlay("A slider that hangs, and Ramos hammers it into the left-field seats!")).toMatchObject({ pitch_result: "In play - hit" });
    expect(extractPlay("Curveball, and Pena drives it up the gap in right-center! Two runs score!")).toMatchObject({ pitch_result: "In play - hit" });
    expect(extractPlay("Fastball, Okafor puts a charge into it... caught at the wall by the left fielder.")).toMatchObject({ pitch_result: "In play - out" });
  });

  it("a speed before the pitch name, set off by a comma: 'Ninety-six, fastball'", () => {
    expect(extractPlay("Ninety-six, fastball, on the inside corner. Called strike two.")).toMatchObject({ pitch_velocity_mph: 96, pitch_result: "Strike" });
    // An attendance of 36,418 is no speed.
    expect(extractPlay("A crowd of 36,418, fastball hitters all of them, watches Ruiz take ball one.")).toMatchObject({ pitch_velocity_mph: null });
  });
});

describe("a pitch that hits the batter, said plainly", () => {
  it("'and it hits him', 'the pitch clips him', 'hit batsman'", () => {
    expect(extractPlay("The pitch is inside, and it hits him! He'll take his base.")).toMatchObject({ pitch_result: "Hit by pitch", ball_in_play: false });
    expect(extractPlay("Sinker runs in, and the pitch clips him on the jersey.")).toMatchObject({ pitch_result: "Hit by pitch" });
    expect(extractPlay("Fastball up and in... hit batsman, and the benches stir.")).toMatchObject({ pitch_result: "Hit by pitch" });
  });
});

describe("a swing waved through, and a speed right after the delivery", () => {
  it("'waves right through it' is a swing and miss", () => {
    expect(extractPlay("The 0-2 changeup, and Pena waves helplessly at it. Strike three.")).toMatchObject({ pitch_result: "Swing and miss", post_pitch_strikes: 3 });
    expect(extractPlay("Slider at 85, and Ruiz waves right through it.")).toMatchObject({ pitch_result: "Swing and miss", pitch_velocity_mph: 85 });
  });

  it("'rears back: 98.8' gives the speed", () => {
    expect(extractPlay("Okafor rears back: 98.8, and Vance swings through it.")).toMatchObject({ pitch_velocity_mph: 98.8 });
    expect(extractPlay("He fires — 97 — and Ramos fouls it straight back.")).toMatchObject({ pitch_velocity_mph: 97, pitch_result: "Foul" });
    // A pitch count after the verb is no speed.
    expect(extractPlay("Okafor throws, 104 pitches now, and it's fouled off.")).toMatchObject({ pitch_velocity_mph: null });
  });
});

describe("a report in the past tense (a wire voice)", () => {
  it("'on a 3-1 cutter' after 'pop up to second' is the count, not a score", () => {
    expect(extractPlay("Okafor got Pena to pop up to second on a 3-1 cutter.")).toMatchObject({ pitch_result: "In play - out", pre_pitch_balls: 3, pre_pitch_strikes: 1 });
  });

  it("'walked him on four pitches' is the walk", () => {
    expect(extractPlay("Ruiz walked Pena on four pitches, the last a slider in the dirt.")).toMatchObject({ pitch_result: "Ball" });
  });

  it("'hit Pena with a 1-1 sinker' is a hit-by-pitch; 'hit it with authority' is not", () => {
    expect(extractPlay("Okafor hit Pena with a 1-1 sinker.")).toMatchObject({ pitch_result: "Hit by pitch", pre_pitch_balls: 1, pre_pitch_strikes: 1, post_pitch_balls: 1 });
    expect(extractPlay("Vance plunks Ruiz with a heater up and in.")).toMatchObject({ pitch_result: "Hit by pitch" });
    expect(extractPlay("Ramos hit it with authority into the gap for a double.")).toMatchObject({ pitch_result: "In play - hit" });
  });
});

describe("terse calls", () => {
  it("a pitch named and 'in.' (inside) is a ball; 'in there' is not", () => {
    expect(extractPlay("0-1. Cutter, in. 1-1.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 0, pre_pitch_strikes: 1, post_pitch_balls: 1 });
    expect(extractPlay("Cutter... in there! Strike one called.")).toMatchObject({ pitch_result: "Strike" });
  });

  it("'the 2-1 pitch, ball, outside' is a ball", () => {
    expect(extractPlay("The 2-1 pitch, ball, outside. 3-1.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 2, post_pitch_balls: 3 });
    expect(extractPlay("The 1-1 delivery, strike, at the knees.")).toMatchObject({ pitch_result: "Strike", post_pitch_strikes: 2 });
  });
});

describe("an error", () => {
  it("a batter safe on an error put the ball in play and got no hit", () => {
    expect(extractPlay("Fastball, and Ruiz reaches on an error by the shortstop.")).toMatchObject({ pitch_result: "In play - out", ball_in_play: true });
    expect(extractPlay("Slider, a routine grounder... and the third baseman boots it! Pena is safe.")).toMatchObject({ pitch_result: "In play - out", ball_in_play: true });
  });
});

describe("'triple digits' is a speed, not a triple", () => {
  it("'touching triple digits' names no hit", () => {
    expect(extractPlay("He's touching triple digits: a fastball, swung through.")).toMatchObject({ pitch_result: "Swing and miss", pitch_velocity_mph: null });
  });
});

describe("radio calls", () => {
  it("'got him looking', 'gets him swinging', 'punchout!' are strikeouts of their kind", () => {
    expect(extractPlay("Two strikes. Slider... got him looking!")).toMatchObject({ pitch_result: "Strike" });
    expect(extractPlay("0-2, fastball... punchout! He sat him down swinging.")).toMatchObject({ pitch_result: "Swing and miss", post_pitch_strikes: 3 });
  });

  it("'...and gone!', 'Adios!' call a home run when a pitch is shown; 'Adios to the starter' does not", () => {
    expect(extractPlay("Fastball, deep to left, way back... and gone! Adios!")).toMatchObject({ pitch_result: "In play - hit", ball_in_play: true });
    expect(extractPlay("Adios to Ruiz, who is done for the night. Here comes the lefty.")).toMatchObject({ pitch_result: null });
  });

  it("'hit sharply to first', and the fielder stepping on the bag, is an out", () => {
    expect(extractPlay("Cutter, hit sharply to first, he steps on the bag himself. Two away.")).toMatchObject({ pitch_result: "In play - out", ball_in_play: true });
  });
});

describe("the scorer's call on a ball in play", () => {
  it("'that'll go down as a hit', 'ruled a single' are hits", () => {
    expect(extractPlay("Sinker, grounder deep in the hole, no throw, and that'll have to go down as a hit.")).toMatchObject({ pitch_result: "In play - hit" });
    expect(extractPlay("Slider, chopper to third, bobbled, and the scorer has ruled a single.")).toMatchObject({ pitch_result: "In play - hit" });
  });
});

describe("corrections and appeals", () => {
  it("'a slider — actually, a cutter' and 'the gun corrects it to 85' take the corrected word", () => {
    expect(extractPlay("Slider — actually, a cutter — fouled back.")).toMatchObject({ pitch_type: "cutter", pitch_result: "Foul" });
    expect(extractPlay("Slider at 84... the gun corrects it to 85. Ball.")).toMatchObject({ pitch_velocity_mph: 85 });
  });

  it("a checked swing ruled a swing on appeal is a swinging strike", () => {
    expect(extractPlay("Ball two. Wait, the umpire says he went. Strike two.")).toMatchObject({ pitch_result: "Swing and miss" });
    expect(extractPlay("It's called a ball, but on appeal the first-base umpire rules he swung. Strike one.")).toMatchObject({ pitch_result: "Swing and miss" });
    // A pitcher who "went to his curve" decides nothing about a swing.
    expect(extractPlay("Okafor went to his curve: strike two, called.")).toMatchObject({ pitch_result: "Strike" });
  });
});

describe("which pitch name is this pitch's", () => {
  it("the last pitch named before the call, not the at-bat so far or the repertoire", () => {
    expect(extractPlay("After three straight sliders, Okafor goes to the fastball: swinging strike.").pitch_type).toBe("fastball");
    expect(extractPlay("Pena has seen nothing but curveballs. Here's a sinker, fouled back.").pitch_type).toBe("sinker");
    expect(extractPlay("Ruiz shakes off the curve and throws a cutter, fouled.").pitch_type).toBe("cutter");
    // Named after the call, the pitch is still read: "swinging strike on a changeup".
    expect(extractPlay("Swinging strike on a changeup, and Pena shakes his head.").pitch_type).toBe("changeup");
  });

  it("'hooks it on the ground' is a verb, not a curveball", () => {
    expect(extractPlay("The 1-0, a cutter at 88, and Ruiz hooks it on the ground to the right side.").pitch_type).toBe("cutter");
  });

  it("where the pitch missed, as a clause of its own, is a ball; a batter 'looking for the heater' is no aside", () => {
    expect(extractPlay("A slider, his fourth in a row, low. 2-1.")).toMatchObject({ pitch_result: "Ball", pitch_type: "slider", post_pitch_balls: 2, pre_pitch_balls: 1 });
    expect(extractPlay("Looking for the heater, Pena gets a changeup and swings through it.")).toMatchObject({ pitch_result: "Swing and miss", pitch_type: "changeup" });
  });
});
