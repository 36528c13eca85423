import type { Extraction, PlayAnalysis, RawPlay, ResolvedState } from "../domain/index";
import { normalizeNumbers } from "./offline/number-words";
import { EXTRA_BASE_HIT, RUN_SCORES } from "./offline/lexicon";
import { callsHomeRun } from "./offline/result-parser";
import { readGameState } from "./state/game-state-reader";

type Row = RawPlay & Extraction;

interface Facts {
  homeRun: boolean;
  extraBaseHit: boolean;
  runsScored: number;
  leadChange: boolean;
  tiesGame: boolean;
  strikeout: boolean;
  walk: boolean;
  risp: boolean;
  basesLoaded: boolean;
  finalOut: boolean;
}

const EXTRA_BASES = new RegExp(`\\b(?:${EXTRA_BASE_HIT})\\b(?![\\s-]*play)`, "i");
const RUNS = new RegExp(`\\b(?:${RUN_SCORES})\\b`, "i");
/**
 * Words that say the game itself is over (not an inning): the call on the final pitch, or a wrap-up
 * paragraph after it. "Ballgame!" counts only as its own exclamation, not "what a ballgame".
 */
const GAME_OVER = new RegExp(
  [
    String.raw`(?:^|[.!?…]\s+)ball ?game(?: over)?!`,
    String.raw`\bgame over\b`,
    String.raw`\bthat'?s the (?:ball ?)?game\b`,
    String.raw`\bfinal out of the (?:game|night|series|season)\b`,
    String.raw`\b(?:and )?that'?ll do it\b(?! for the (?:inning|half))`,
    String.raw`\b(?:ends|ended|end of) the (?:ball ?)?game\b`,
    String.raw`\b(?:wins?|takes|clinch(?:es)?) the (?:ball ?game|game|series|pennant|championship|title|world series)\b`,
    String.raw`\bwalk[\s-]?off\b`,
    String.raw`\b(?:are|is|were|crowned) (?:the )?(?:world )?champions\b`,
    String.raw`\bchampions of the world\b`,
    String.raw`\bfinal score\b`,
    String.raw`\bit ended in the (?:top|bottom) (?:half )?of the\b`,
  ].join("|"),
  "i",
);

/**
 * The situation of each row as the game-state reader resolves it (`readGameState`): the inning, score,
 * runners, outs and count stay as last stated or follow from the plays, so a paragraph that leaves them
 * unsaid, or states a count only after the pitch, is scored on the game as it stands. `read` is a reading
 * already made over these rows (the pipeline's, with mappings and tables); without one the rows are read here.
 */
function resolvedRows(rows: Row[], read?: readonly ResolvedState[]): Row[] {
  const states = read?.length === rows.length ? read : readGameState(rows).states;
  return rows.map((row, i) => {
    const s = states[i]!;
    return {
      ...row,
      inning_number: s.inning_number.value, inning_half: s.inning_half.value, score_home: s.score_home.value, score_away: s.score_away.value,
      runners_on_base: s.runners_on_base.value ?? row.runners_on_base, outs: s.outs.value,
      pre_pitch_balls: s.pre_pitch_balls.value, pre_pitch_strikes: s.pre_pitch_strikes.value,
      post_pitch_balls: s.post_pitch_balls.value, post_pitch_strikes: s.post_pitch_strikes.value,
    };
  });
}

const diff = (r: Extraction) => (r.score_home !== null && r.score_away !== null ? r.score_home - r.score_away : null);

/** Each row's facts, reading the next row's score to see what this play changed. */
function factsOf(rows: Row[], i: number): Facts {
  const row = rows[i]!;
  const text = row.playbyplay;
  const here = diff(row);
  let nextDiff: number | null = null;
  let runsAfter = 0;
  for (let j = i + 1; j < rows.length; j++) {
    const d = diff(rows[j]!);
    if (d !== null) {
      nextDiff = d;
      runsAfter = row.score_home !== null && row.score_away !== null
        ? rows[j]!.score_home! + rows[j]!.score_away! - row.score_home - row.score_away
        : 0;
      break;
    }
  }
  const changed = row.pitch_result !== null && here !== null && nextDiff !== null && runsAfter > 0;
  const homeRun = row.pitch_result === "In play - hit" && callsHomeRun(normalizeNumbers(text));
  const runsScored = changed ? runsAfter : homeRun || (row.pitch_result !== null && RUNS.test(text)) ? 1 : 0;
  const runners = row.runners_on_base ?? "";
  return {
    homeRun,
    extraBaseHit: row.pitch_result === "In play - hit" && !homeRun && EXTRA_BASES.test(text),
    runsScored,
    leadChange: changed && Math.sign(here!) !== Math.sign(nextDiff!) && nextDiff !== 0,
    tiesGame: changed && here !== 0 && nextDiff === 0,
    strikeout: row.post_pitch_strikes === 3,
    walk: row.post_pitch_balls === 4,
    risp: /2B|3B/.test(runners),
    basesLoaded: runners === "1B,2B,3B",
    finalOut: row.pitch_result !== null && (GAME_OVER.test(text) || gameEndsAfter(rows, i)),
  };
}

/**
 * Whether the game is said to be over after this pitch without another pitch in between: a later row
 * (a wrap-up paragraph) says the game ended. The end of the input alone proves nothing: a partial
 * input simply stops mid-game.
 */
function gameEndsAfter(rows: Row[], i: number): boolean {
  for (let j = i + 1; j < rows.length; j++) {
    if (rows[j]!.pitch_result !== null) return false;
    if (GAME_OVER.test(rows[j]!.playbyplay)) return true;
  }
  return false;
}

/**
 * Key moment and excitement (1–10) for each row, in the same order, from the extracted game state
 * read in sequence. Deterministic; the score is a sum of visible reasons, clamped to 1–10:
 *
 * - a pitch starts at 2 (a non-pitch row at 1); a ball in play +1, a hit +1 more;
 * - home run +4, extra-base hit +1, each run scored +1 (at most +3), lead change +3, tying run +2;
 * - strikeout +2, walk or hit-by-pitch +1; with runners in scoring position +1, bases loaded +1 more;
 * - two outs +1; 7th inning or later +1 (9th or later +2); a one-run or tied game +1; full count +1;
 * - the final out of the game +3: a pitch whose text, or a wrap-up paragraph after it with no pitch
 *   in between, says the game is over (the last row of a partial input is not the end of the game).
 *
 * A key moment is a lead change (go-ahead run), a tying run, a home run, a strikeout with runners in
 * scoring position, a late (7th+) run-scoring or two-out out with runners in scoring position, or the final out.
 * Inning, score and runners not stated in a paragraph carry over from the rows before it.
 *
 * `states` is the game state already read over `input` (`readGameState(input, mappings, refs).states`), so the
 * game is read once per run; without it the analyzer reads the rows itself.
 *
 * @example
 * analyzePlays(rows).filter((a) => a.key_moment).length
 */
export function analyzePlays(input: Array<RawPlay & Extraction>, states?: readonly ResolvedState[]): PlayAnalysis[] {
  const rows = resolvedRows(input, states);
  return rows.map((row, i) => {
    const f = factsOf(rows, i);
    const isPitch = row.pitch_result !== null;
    let score = isPitch ? 2 : 1;
    if (row.ball_in_play) score += 1;
    if (row.pitch_result === "In play - hit") score += 1;
    if (f.homeRun) score += 4;
    if (f.extraBaseHit) score += 1;
    score += Math.min(f.runsScored, 3);
    if (f.leadChange) score += 3;
    if (f.tiesGame) score += 2;
    if (f.strikeout) score += 2;
    if (f.walk || row.pitch_result === "Hit by pitch") score += 1;
    if (isPitch && f.risp) score += 1;
    if (isPitch && f.basesLoaded) score += 1;
    if (isPitch && row.outs === 2) score += 1;
    if (isPitch && row.inning_number !== null) score += row.inning_number >= 9 ? 2 : row.inning_number >= 7 ? 1 : 0;
    const d = diff(row);
    if (isPitch && d !== null && Math.abs(d) <= 1) score += 1;
    if (row.pre_pitch_balls === 3 && row.pre_pitch_strikes === 2) score += 1;
    if (f.finalOut) score += 3;
    const excitement = Math.max(1, Math.min(10, score));
    const lateRun = f.runsScored > 0 && (row.inning_number ?? 0) >= 7;
    const clutchOut = (f.strikeout || row.pitch_result === "In play - out") && f.risp && row.outs === 2;
    const key_moment = f.leadChange || f.tiesGame || f.homeRun || (f.strikeout && f.risp) || (lateRun && clutchOut) || f.finalOut;
    return { key_moment, excitement };
  });
}
