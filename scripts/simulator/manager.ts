import type { InningHalf } from "../../src/domain";
import type { Score } from "./game-state";
import type { Rng } from "./rng";
import { bench, bullpen, type BatterSpec, type PitcherSpec, type Side } from "./roster";
import { batterById } from "./roster";

/** What one dugout remembers during the game: who has pitched, who is left on the bench. */
export interface Dugout {
  side: Side;
  pitcherId: number;
  used: Set<number>;
  pitchCounts: Map<number, number>;
  /** Runs charged to each pitcher, so a starter who is getting hit comes out. */
  runsAllowed: Map<number, number>;
  /** Outs recorded by the current pitcher. */
  outsRecorded: number;
  visitsThisPitcher: number;
  benchLeft: number[];
  lineup: number[];
}

export function newDugout(side: Side, lineup: number[]): Dugout {
  const starter = bullpen(side).find((x) => x.role === "starter")!;
  return {
    side,
    pitcherId: starter.id,
    used: new Set([starter.id]),
    pitchCounts: new Map([[starter.id, 0]]),
    runsAllowed: new Map([[starter.id, 0]]),
    outsRecorded: 0,
    visitsThisPitcher: 0,
    benchLeft: bench(side),
    lineup,
  };
}

function lead(score: Score, side: Side): number {
  return side === "home" ? score.home - score.away : score.away - score.home;
}

/**
 * Should the fielding manager go to the bullpen now? Starters come out when tired or hit hard,
 * relievers after their stint (usually at an inning break), the closer for a late close game.
 * Returns the new pitcher, or null to stay.
 */
export function choosePitchingChange(rng: Rng, d: Dugout, current: PitcherSpec, inning: number, atHalfStart: boolean, score: Score): PitcherSpec | null {
  const remaining = bullpen(d.side).filter((x) => !d.used.has(x.id));
  if (remaining.length === 0) return null;
  const pitches = d.pitchCounts.get(current.id) ?? 0;
  const runs = d.runsAllowed.get(current.id) ?? 0;
  const closer = remaining.find((x) => x.role === "closer");
  const others = remaining.filter((x) => x.role !== "closer");
  const margin = lead(score, d.side);
  const closerTime = inning >= 9 && margin >= 0 && margin <= 3;
  if (atHalfStart && closer && closerTime && current.role !== "closer") return closer;
  const tired = pitches >= current.stamina + rng.noise(8);
  const shelled = current.role === "starter" ? runs >= 5 : runs >= 3;
  const stintDone = current.role !== "starter" && atHalfStart && d.outsRecorded >= 3 && rng.chance(0.55);
  if (!(tired || shelled || stintDone)) return null;
  // Save the closer while others remain, unless it is late and close.
  if (others.length > 0) return others[0]!;
  return closer ?? null;
}

/** A pinch hitter for a weak bat late in a game his side is not winning; null to let him hit. */
export function choosePinchHitter(rng: Rng, d: Dugout, slot: number, inning: number, score: Score): BatterSpec | null {
  if (inning < 7 || d.benchLeft.length === 0 || lead(score, d.side) > 0) return null;
  const current = batterById(d.lineup[slot]!);
  if (current.contact + current.power > 1.05 || current.position === "PH") return null;
  if (!rng.chance(0.55)) return null;
  const id = d.benchLeft.shift()!;
  return batterById(id);
}

/** A catcher's or coach's trip to the mound when the pitcher is in a jam. */
export function chooseMoundVisit(rng: Rng, d: Dugout, runnersInScoringPosition: boolean, half: InningHalf): "catcher" | "coach" | "manager" | null {
  if (!runnersInScoringPosition || d.visitsThisPitcher >= 3) return null;
  if (!rng.chance(half === "Top" ? 0.42 : 0.45)) return null;
  d.visitsThisPitcher++;
  return rng.weighted([["catcher", 0.55], ["coach", 0.35], ["manager", 0.1]] as const);
}
