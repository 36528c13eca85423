import type { Extraction } from "../../domain/index";
import { normalizeNumbers } from "../offline/number-words";

/**
 * Plausibility beyond the schema: a schema-valid answer can still contradict its paragraph or the
 * game. Three contradictions are caught, each cheap and free of false alarms on the dataset's
 * ground truth:
 * - a paragraph that states a pitch speed ("95 mph", "ninety-five on the gun") answered with no
 *   pitch fields at all (a lazy, all-null answer);
 * - a velocity that appears nowhere in the text (a made-up number);
 * - a score far outside the game's running score (more runs than any game has, or far from the
 *   other plays answered beside it).
 * Numbers in words are read with the offline extractor's number words (`normalizeNumbers`), the one vocabulary.
 *
 * @example checkPlausibility("Delgado deals a slider at 86 mph…", answer) // null, or "… is not in the text"
 */

/** A score this far above the running score of the plays around it is not this game's. */
export const MAX_SCORE_JUMP = 10;
/** More runs than one team has ever scored in a professional game. */
export const MAX_PLAUSIBLE_RUNS = 30;

/** The game around a row: the scores answered for the plays beside it (same batch or run). */
export interface GameContext {
  /** Typical (median) score of the other plays, per side; undefined when unknown. */
  home?: number;
  away?: number;
}

/** The first contradiction between an answer and its paragraph (or game), or null when it is plausible. */
export function checkPlausibility(text: string, answer: Extraction, game: GameContext = {}): string | null {
  const numbers = numbersIn(text);
  const speed = statedSpeed(text);
  if (speed !== null && answer.pitch_velocity_mph === null && answer.pitch_result === null && answer.pitch_type === null) {
    return `the answer has no pitch fields, but the text describes a pitch at ${speed} mph`;
  }
  const v = answer.pitch_velocity_mph;
  if (v !== null && !numbers.some((n) => Math.abs(n - v) <= 0.5)) return `pitch_velocity_mph ${v} is not in the text`;
  for (const [field, side] of [["score_home", "home"], ["score_away", "away"]] as const) {
    const score = answer[field];
    if (score === null) continue;
    if (score > MAX_PLAUSIBLE_RUNS) return `${field} ${score} is more runs than a game has (over ${MAX_PLAUSIBLE_RUNS})`;
    const running = game[side];
    if (running !== undefined && Math.abs(score - running) > MAX_SCORE_JUMP && !numbers.includes(score)) {
      return `${field} ${score} is far from the game's running score (${running})`;
    }
  }
  return null;
}

/** The median of the known scores, per side: the running score the rows of one answer are checked against. */
export function runningScore(answers: Iterable<Extraction>): GameContext {
  const median = (xs: number[]) => (xs.length === 0 ? undefined : xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
  const home: number[] = [];
  const away: number[] = [];
  for (const a of answers) {
    if (a.score_home !== null) home.push(a.score_home);
    if (a.score_away !== null) away.push(a.score_away);
  }
  return { home: median(home), away: median(away) };
}

/** Every number the text states, in digits or in words (the offline extractor's number words: "ninety-five", "one-oh-two"). */
export function numbersIn(text: string): number[] {
  return [...normalizeNumbers(text).matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
}

const SPEED_UNIT = /^[\s-]*(?:mph|m\.p\.h|miles?[\s-](?:per|an|a)[\s-]hour|mile-an-hour|on the (?:gun|radar|board|stadium gun|scoreboard|readout))/;

/** A pitch speed the text states ("95 mph", "ninety-five miles per hour", "a hundred and one on the gun"), or null. */
export function statedSpeed(text: string): number | null {
  const lower = normalizeNumbers(text);
  for (const m of lower.matchAll(/\d{2,3}(?:\.\d)?/g)) {
    const value = Number(m[0]);
    if (value >= 55 && value <= 106 && SPEED_UNIT.test(lower.slice((m.index ?? 0) + m[0].length))) return value;
  }
  return null;
}
