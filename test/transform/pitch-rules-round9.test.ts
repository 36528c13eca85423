import { describe, expect, it } from "vitest";
import { extractPlay } from "../../src/transform";

// A student radio booth that over-explains (round 9), in new sentences written for these tests (not from any test set):
// calls said through the ball's flight, the bat or the fielder, lessons to the listeners, and a foul that looks like a hit.

describe("a foul that flies like a hit or is caught by a fan stays a foul", () => {
  it("a foul over the fence or onto the roof is no home run", () => {
    expect(extractPlay("Ibarra turns on a heater and hooks it foul, over the wall in left. Still 0-1.")).toMatchObject({ pitch_result: "Foul", ball_in_play: false });
    expect(extractPlay("Ibarra rips one foul over the fence down the right-field line.")).toMatchObject({ pitch_result: "Foul" });
  });

  it("a foul caught in the bleachers, the dugout or the lot is caught by no fielder", () => {
    expect(extractPlay("Fouled into the bleachers behind third, and a kid in a cap makes the catch.")).toMatchObject({ pitch_result: "Foul", ball_in_play: false });
    expect(extractPlay("Ibarra fouls it into the home dugout, and a bat boy catches it.")).toMatchObject({ pitch_result: "Foul", ball_in_play: false });
  });
});

describe("a swing behind the pitch that still touches it is a foul", () => {
  it("'is late' with a foul said outright", () => {
    expect(extractPlay("Cruz is late on the fastball and fouls it into the seats behind first.")).toMatchObject({ pitch_result: "Foul" });
    expect(extractPlay("A heater, and Cruz is a tick late, slicing it foul. 0-2.")).toMatchObject({ pitch_result: "Foul" });
  });
});

describe("a pitch told by its flight: it sails, rides or tails out of the zone", () => {
  it("is a ball", () => {
    expect(extractPlay("The 1-0 pitch sails high over the catcher's mitt. 2-0.")).toMatchObject({ pitch_result: "Ball", post_pitch_balls: 2 });
    expect(extractPlay("His sinker tails wide of the plate and Cruz watches it go.")).toMatchObject({ pitch_result: "Ball" });
    expect(extractPlay("The next one rides up and away. Two balls, no strikes.")).toMatchObject({ pitch_result: "Ball" });
  });

  it("missed by a mile", () => {
    expect(extractPlay("Curveball — nowhere near. Ball two.")).toMatchObject({ pitch_result: "Ball" });
    expect(extractPlay("A changeup that misses by a mile. Three and one.")).toMatchObject({ pitch_result: "Ball" });
  });

  it("the pitch to the batter, said to be where it missed", () => {
    expect(extractPlay("Ortega's 1-1 pitch to Sandoval is low.")).toMatchObject({ pitch_result: "Ball", pre_pitch_balls: 1, post_pitch_balls: 2 });
    expect(extractPlay("The first offering to Sandoval was outside.")).toMatchObject({ pitch_result: "Ball" });
  });
});

describe("the pitcher tempts and the hitter declines", () => {
  it("fishing with no bite is a ball", () => {
    expect(extractPlay("Ortega goes fishing with a slider away and Sandoval won't chase.")).toMatchObject({ pitch_result: "Ball" });
    expect(extractPlay("He fishes for a swing down in the dirt, but Sandoval lays off.")).toMatchObject({ pitch_result: "Ball" });
  });
});

describe("a swing said by a noun and then the miss", () => {
  it("'a cut and a miss', 'a big hack and a miss'", () => {
    expect(extractPlay("Changeup, and a mighty cut and a miss. 1-2.")).toMatchObject({ pitch_result: "Swing and miss", post_pitch_strikes: 2 });
    expect(extractPlay("Slider away, a big hack and a miss from Sandoval.")).toMatchObject({ pitch_result: "Swing and miss" });
  });

  it("he went after it, strike three", () => {
    expect(extractPlay("A curve in the dirt and Sandoval went after it. Strike three!")).toMatchObject({ pitch_result: "Swing and miss" });
    expect(extractPlay("He offers at a slider off the plate. Strike two.")).toMatchObject({ pitch_result: "Swing and miss" });
  });
});

describe("a pitch hitting the batter, told by the verb and the gear he wears", () => {
  it("drills or nails him on the elbow guard, the helmet", () => {
    expect(extractPlay("A fastball in, and it drills Sandoval square on the elbow guard.")).toMatchObject({ pitch_result: "Hit by pitch", ball_in_play: false });
    expect(extractPlay("Ortega's sinker nails Sandoval on the shin guard and he limps to first.")).toMatchObject({ pitch_result: "Hit by pitch" });
  });
});

describe("a fly ball settled under by a fielder is an out", () => {
  it("camps or settles underneath it", () => {
    expect(extractPlay("Sandoval lofts a high fly into center. Reyes settles underneath it. Two down.")).toMatchObject({ pitch_result: "In play - out", ball_in_play: true });
    expect(extractPlay("Sandoval sends a lazy fly ball into right, and Pike drifts under it for the catch.")).toMatchObject({ pitch_result: "In play - out" });
  });
});

describe("a home run said not to be one", () => {
  it("'not a home run', 'no homer', 'just short of a homer' is no hit", () => {
    expect(extractPlay("Sandoval drives it to the wall in center, and Reyes hauls it in! Not a homer, but a loud out.")).toMatchObject({ pitch_result: "In play - out" });
    expect(extractPlay("A deep drive to left... caught on the track. Almost a home run for Sandoval.")).toMatchObject({ pitch_result: "In play - out" });
  });
});

describe("a ball through where a fielder was is a hit", () => {
  it("through the hole he left, through the vacated spot", () => {
    expect(extractPlay("The runner goes, and Sandoval bounces it right through the spot the shortstop vacated! Runners at the corners.")).toMatchObject({ pitch_result: "In play - hit" });
    expect(extractPlay("Sandoval pokes it through the hole where the second baseman had been.")).toMatchObject({ pitch_result: "In play - hit" });
  });
});

describe("a lesson to the listeners states no pitch", () => {
  it("what an intentional walk or a count means is no call", () => {
    expect(extractPlay("Two on, first base open. An intentional walk, for those who don't know, is when the manager just sends him to first.")).toMatchObject({ pitch_result: null });
    expect(extractPlay("Here's Maddox. It's like a walk, pitching around a guy, only the catcher doesn't stand up.")).toMatchObject({ pitch_result: null });
    expect(extractPlay("Maddox is 0-for-2. A walk doesn't count as an at-bat, which I'll explain after the inning.")).toMatchObject({ pitch_result: null });
  });
});

describe("pickoff throws before the pitch are not its result", () => {
  it("throws over to first, the runner dives back, then the pitch", () => {
    expect(extractPlay("Ortega throws over to first, Pike dives back in, and then the pitch is low to Sandoval.")).toMatchObject({ pitch_result: "Ball", ball_in_play: false });
    expect(extractPlay("Two throws over to first, Pike gets back both times, and then he throws a ball to Sandoval.")).toMatchObject({ pitch_result: "Ball" });
  });
});

describe("a station's frequency is no speed", () => {
  it("the dial position is not the pitch's mph", () => {
    expect(extractPlay("Sandoval fouls one back. You're tuned in to 91.7 FM, the Sound of the Owls.")).toMatchObject({ pitch_velocity_mph: null });
    expect(extractPlay("Fouled back. If you're just tuning in on 90.1: two on, one out.")).toMatchObject({ pitch_velocity_mph: null });
  });
});

describe("a hard-hit one-hopper is no pitch name", () => {
  it("'a hard one-hopper' names a batted ball", () => {
    expect(extractPlay("Sandoval hits a hard one-hopper to third, and the throw gets him.")).toMatchObject({ pitch_type: null, pitch_result: "In play - out" });
  });
});

describe("a nickname glossed by its plain name keeps the nickname", () => {
  it("'here comes the hook — that's the curveball'", () => {
    expect(extractPlay("Here comes the yakker — that's a curveball, for the new folks — and Sandoval swings through it.")).toMatchObject({ pitch_type: "yakker" });
  });
});

describe("the count 'evens it up' is the count after the pitch", () => {
  it("'that evens it, two and two'", () => {
    expect(extractPlay("Ortega spots it on the black. Called strike. That evens it up at two and two.")).toMatchObject({ pre_pitch_balls: 2, pre_pitch_strikes: 1, post_pitch_balls: 2, post_pitch_strikes: 2 });
  });
});

describe("a ball driven to a field and then caught is an out", () => {
  it("a drive to center caught at the wall, a liner to left snagged", () => {
    expect(extractPlay("Cole drives one deep to center... Ruiz goes back, and he makes the catch at the wall!")).toMatchObject({ pitch_result: "In play - out", ball_in_play: true });
    expect(extractPlay("Cole lines it to left, where Ortiz snags it on the run.")).toMatchObject({ pitch_result: "In play - out" });
  });

  it("a drive to a field not caught stays a hit", () => {
    expect(extractPlay("Cole drives it into right field, and two runs score!")).toMatchObject({ pitch_result: "In play - hit" });
  });
});

describe("the pitcher fishing is a pitch thrown, the batter not biting a ball", () => {
  it("with no other sign of a pitch", () => {
    expect(extractPlay("Ortega goes fishing down and away, and Cole doesn't bite.")).toMatchObject({ pitch_result: "Ball" });
  });
});
