import type { InningHalf, PitchResult, PitchTypeCode } from "../../src/domain";
import type { Side } from "./roster";

/** Batter ids on first, second and third (null = empty). */
export type Bases = [number | null, number | null, number | null];

export interface Score {
  home: number;
  away: number;
}

/** Where the game stands before an event: what a narrator can describe. */
export interface Situation {
  inning: number;
  half: InningHalf;
  outs: number;
  bases: Bases;
  score: Score;
  pitcherId: number;
  batterId: number;
}

/** How a plate appearance ended, in more detail than the pitch result. */
export type Outcome =
  | "single" | "double" | "triple" | "home_run"
  | "groundout" | "flyout" | "lineout" | "popout" | "double_play" | "sac_fly"
  | "strikeout_swinging" | "strikeout_looking" | "walk" | "hit_by_pitch";

export interface PitchEvent extends Situation {
  kind: "pitch";
  balls: number;
  strikes: number;
  code: PitchTypeCode;
  /** Velocity to one decimal, as a radar would give it. */
  mph: number;
  result: PitchResult;
  /** Set on the last pitch of a plate appearance. */
  outcome: Outcome | null;
  /** Fielder for balls in play: "short", "left field", … */
  fielder: string | null;
  runsScored: number;
  /** Runners (batter ids) who crossed the plate on this pitch. */
  scorers: number[];
  outsAfter: number;
  scoreAfter: Score;
  endsHalf: boolean;
  endsGame: boolean;
  /** Pitches this pitcher has thrown in the game, this one included. */
  pitchCount: number;
}

export type GameEvent =
  | PitchEvent
  | (Situation & { kind: "inning_start" })
  | (Situation & { kind: "at_bat_start"; paNumber: number })
  | (Situation & { kind: "pitching_change"; oldPitcherId: number })
  | (Situation & { kind: "mound_visit"; visitor: "catcher" | "coach" | "manager" })
  | (Situation & { kind: "lineup_change"; replacedId: number; position: string })
  | (Situation & { kind: "inning_recap"; runsInHalf: number; hitsInHalf: number; leftOnBase: number })
  | (Situation & { kind: "game_end"; winner: Side });

export function battingSide(half: InningHalf): Side {
  return half === "Top" ? "away" : "home";
}

export function fieldingSide(half: InningHalf): Side {
  return half === "Top" ? "home" : "away";
}

/** Occupied bases in the truth's format: "1B,3B" or "None". */
export function runnersString(bases: Bases): string {
  const names = ["1B", "2B", "3B"].filter((_, i) => bases[i] !== null);
  return names.length === 0 ? "None" : names.join(",");
}

export function copySituation(s: Situation): Situation {
  return { ...s, bases: [...s.bases] as Bases, score: { ...s.score } };
}
