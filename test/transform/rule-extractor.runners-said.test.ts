import { describe, expect, it } from "vitest";
import { extractPlay } from "../../src/transform";

// Runners as broadcasters place them (issue 11), in new sentences written for these tests (not from any test set):
// each case names the general pattern it stands for.
describe("runners as they are said", () => {
  it("a runner's lead, whatever its size, puts him on that base", () => {
    expect(extractPlay("Ruiz takes a cautious lead off first. Slider, low.").runners_on_base).toBe("1B");
    expect(extractPlay("Pena with a long walking lead off second. The 1-1, a cutter, fouled back.").runners_on_base).toBe("2B");
    expect(extractPlay("Vance has an enormous lead off third, and here's the pitch: ball one.").runners_on_base).toBe("3B");
  });

  it("'Second and third, one out.' standing as a sentence names the bases", () => {
    expect(extractPlay("The catcher jogs out to the mound. Second and third, one out, and the crowd is up.").runners_on_base).toBe("2B,3B");
    expect(extractPlay("Time is called. First and third, nobody out.").runners_on_base).toBe("1B,3B");
    // Said after the play, it is the state the play left.
    expect(extractPlay("Sinker, ball four! Ramos walks and the runner moves up. First and second, two out.").runners_on_base).toBeNull();
  });

  it("'bases clean' is nobody on", () => {
    expect(extractPlay("Two down, bases clean, and Okafor steps in.").runners_on_base).toBe("None");
  });

  it("a fielder the ball went past ('past Ruiz at third') is not a runner", () => {
    expect(extractPlay("Nobody on. First pitch, and Pena rips it past Ruiz at third for a double!").runners_on_base).toBe("None");
    expect(extractPlay("The 2-1, and Vance shoots a grounder by Ruiz at second into center.").runners_on_base).toBeNull();
  });
});

describe("a runner moving off his base", () => {
  it("'dances off third', 'edges off second' put him there", () => {
    expect(extractPlay("Ruiz dances off third. Slider, ball one.").runners_on_base).toBe("3B");
    expect(extractPlay("Pena edges off second as the sinker comes in low.").runners_on_base).toBe("2B");
  });
});

describe("outs as they are said", () => {
  it("'there's one out' before the play is the situation; after the play, what it left", () => {
    expect(extractPlay("There's one out in the 5th. Slider, ball.").outs).toBe(1);
    expect(extractPlay("Slider, grounded to short, and there's two out.").outs).toBeNull();
  });

  it("'two men out' is two outs", () => {
    expect(extractPlay("Two men out, nobody on. Curve, fouled.")).toMatchObject({ outs: 2, runners_on_base: "None" });
  });
});

describe("'leads off second' (a runner) and 'leads off the 7th' (a batter)", () => {
  it("a base right after 'leads off' places a runner; an inning does not", () => {
    expect(extractPlay("Pena leads off second. Slider, ball.").runners_on_base).toBe("2B");
    expect(extractPlay("Pena leads off the 7th. Slider, ball.").runners_on_base).toBeNull();
    expect(extractPlay("Ruiz leads off 8th inning with a walk. Slider, ball.").runners_on_base).toBeNull();
  });
});

describe("more ways to place runners", () => {
  it("'Pena stands at third' before the call is where he is; after the call, where the play left him", () => {
    expect(extractPlay("Pena stands at third, Ruiz at first. Curve, fouled.").runners_on_base).toBe("1B,3B");
    expect(extractPlay("Slider, lined into left, and Pena stands at second with a double.").runners_on_base).toBeNull();
  });

  it("'a runner at first and one at second', 'takes his lead from first'", () => {
    expect(extractPlay("He's got a runner at first and one at second. Curve, fouled.").runners_on_base).toBe("1B,2B");
    expect(extractPlay("Pena takes his lead from first. Slider, ball.").runners_on_base).toBe("1B");
  });
});
