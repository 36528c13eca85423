import type { Bases, Outcome } from "./game-state";
import type { Rng } from "./rng";

export interface RunningResult {
  bases: Bases;
  outsAdded: number;
  /** Batter ids who scored, in the order they crossed the plate. */
  scorers: number[];
}

/**
 * Move the runners for one plate-appearance outcome. Runs never score on a play that
 * makes the third out, so a half-inning's score follows from its events alone.
 */
export function advanceRunners(rng: Rng, outcome: Outcome, before: Bases, outs: number, batterId: number): RunningResult {
  const [first, second, third] = before;
  const scorers: number[] = [];
  const score = (id: number | null) => {
    if (id !== null) scorers.push(id);
  };
  switch (outcome) {
    case "home_run":
      for (const id of [third, second, first, batterId]) score(id);
      return { bases: [null, null, null], outsAdded: 0, scorers };
    case "triple":
      for (const id of [third, second, first]) score(id);
      return { bases: [null, null, batterId], outsAdded: 0, scorers };
    case "double": {
      score(third);
      score(second);
      const firstScores = first !== null && rng.chance(0.4);
      if (firstScores) score(first);
      return { bases: [null, batterId, firstScores ? null : first], outsAdded: 0, scorers };
    }
    case "single": {
      score(third);
      const secondScores = second !== null && rng.chance(0.6);
      if (secondScores) score(second);
      const toThird = second !== null && !secondScores ? second : first !== null && rng.chance(0.25) ? first : null;
      const onSecond = first !== null && toThird !== first ? first : null;
      return { bases: [batterId, onSecond, toThird], outsAdded: 0, scorers };
    }
    case "walk":
    case "hit_by_pitch": {
      if (first === null) return { bases: [batterId, second, third], outsAdded: 0, scorers };
      if (second === null) return { bases: [batterId, first, third], outsAdded: 0, scorers };
      if (third === null) return { bases: [batterId, first, second], outsAdded: 0, scorers };
      score(third);
      return { bases: [batterId, first, second], outsAdded: 0, scorers };
    }
    case "groundout": {
      if (outs === 2) return { bases: before, outsAdded: 1, scorers };
      let [b1, b2, b3] = before;
      const forcedToThird = b1 !== null && b2 !== null;
      // With the bases loaded the runner on third is forced home; otherwise he may break on contact.
      if (b3 !== null && (forcedToThird || rng.chance(0.45))) {
        score(b3);
        b3 = null;
      }
      if (b2 !== null && b3 === null && (forcedToThird || rng.chance(0.55))) {
        b3 = b2;
        b2 = null;
      }
      if (b1 !== null) {
        b2 = b1;
        b1 = null;
      }
      return { bases: [b1, b2, b3], outsAdded: 1, scorers };
    }
    case "double_play": {
      if (outs + 2 >= 3) return { bases: [null, null, null], outsAdded: 3 - outs, scorers };
      score(third);
      return { bases: [null, null, second], outsAdded: 2, scorers };
    }
    case "sac_fly":
      score(third);
      return { bases: [first, second, null], outsAdded: 1, scorers };
    case "flyout": {
      const tags = outs < 2 && second !== null && third === null && rng.chance(0.3);
      return { bases: tags ? [first, null, second] : before, outsAdded: 1, scorers };
    }
    default:
      return { bases: before, outsAdded: 1, scorers };
  }
}
