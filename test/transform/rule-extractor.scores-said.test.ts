import { describe, expect, it } from "vitest";
import { extractPlay } from "../../src/transform";
import { teamAliases } from "../../src/transform/offline/score-parser";

// Scores as broadcasters say them, and numbers that are not this game's score (issue 11). New sentences written for
// these tests (not from any test set): each case names the general pattern it stands for.
const teams = { home: teamAliases("Harbor Bay Herons"), away: teamAliases("Red Mesa Coyotes") };
const score = (text: string) => {
  const e = extractPlay(text, { teams });
  return [e.score_home, e.score_away];
};

describe("scores as they are said", () => {
  it("a side 'clinging to / nursing a 5-4 lead' leads 5-4; 'facing a 3-1 deficit' trails", () => {
    expect(score("Ruiz comes in with two on, the Herons clinging to a 5-4 lead.")).toEqual([5, 4]);
    expect(score("The Coyotes, nursing a 3-2 edge, bring in the lefty.")).toEqual([2, 3]);
    expect(score("Two down, the Herons facing a 3-1 deficit in the 8th.")).toEqual([1, 3]);
  });

  it("a score of another game (the opener, last night) is not this one's", () => {
    expect(score("Slider, low. The Coyotes beat the Herons 6-1 in the opener of this set.")).toEqual([null, null]);
    expect(score("Fouled back. The Herons won 3-2 last night on a walk-off.")).toEqual([null, null]);
    // This game's score in the same paragraph still counts.
    expect(score("Herons 4, Coyotes 2. They lost the opener 6-1, but not tonight.")).toEqual([4, 2]);
  });

  it("'one all of September' is no tie", () => {
    expect(score("Fastball, 99. He didn't throw one all of September, and now look.")).toEqual([null, null]);
    expect(score("We're tied two-all in the 6th.")).toEqual([2, 2]);
  });
});

describe("a lead said with its size", () => {
  it("'hold a two-run lead, 4-2', 'up by three, 5-2'", () => {
    expect(score("The Herons hold a two-run lead, 4-2, in the 6th.")).toEqual([4, 2]);
    expect(score("The Coyotes up by three, 5-2, and Ruiz on the mound.")).toEqual([2, 5]);
  });

  it("the side that 'cut it to 4-3' is still behind", () => {
    expect(score("The Coyotes have cut it to 4-3 on the sacrifice fly.")).toEqual([4, 3]);
    expect(score("The Herons trimmed the deficit to 5-4.")).toEqual([4, 5]);
  });
});
