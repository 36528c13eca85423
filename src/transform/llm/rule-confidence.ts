import { EXTRACTION_FIELDS, postPitchCount, type Extraction, type PitchResult, type ReferenceTables } from "../../domain/index";
import { findCounts } from "../offline/count-parser";
import { SELF_CORRECTION_PHRASES } from "../offline/lexicon";
import { foldName, foldText, surnameOf } from "../offline/name-parser";
import { normalizeNumbers } from "../offline/number-words";
import { findPitchTerms } from "../offline/pitch-vocabulary";
import { findResultCues, hasPitchEvidence, type ResultCue } from "../offline/result-parser";

/**
 * When the rule extractor's reading of a field can be kept without asking the model.
 *
 * A field is *confident* when the text gives it one unambiguous signal that the rules read, or no
 * signal at all and the rules left it null. Anything else — two candidates (two speeds, two pitch
 * names, two counts that disagree), a cue the rules did not turn into a value, a value said after
 * the pitch (outs, runners: the truth is the situation *before* it), a narrator correcting himself,
 * a player named whom the rules did not place, or a contradiction the game-state reader found — is
 * not confident. A row is *settled* when every field is confident: the cascade keeps the rules'
 * record and sends only the other rows to the model.
 *
 * Deliberately simple and conservative: each test is a few words of the call, and what they miss
 * costs money (the row goes to the model), never quality. The precision of what they keep is
 * measured per field against the ground truth of the project's game and of two blind games
 * (`npm run bench`, llm-cost section; test/transform/llm/rule-confidence.test.ts).
 */
export type FieldConfidence = Record<keyof Extraction, boolean>;

/** What the confidence check needs to know beyond the paragraph: the players (names) and the teams (scores). */
export interface ConfidenceContext {
  reference?: ReferenceTables;
  /** play_id of rows the game-state reader found a contradiction on. */
  findings?: ReadonlySet<number>;
}

// The lexicon's correction phrases; a bare "no" only as a correction ("no, it's 2-1"), not "no outs".
const CORRECTION = new RegExp(`\\b(?:${SELF_CORRECTION_PHRASES})\\b|\\bno,? (?:it's|it was|that's|make)\\b`);
const ORD = "\\d{1,2}(?:st|nd|rd|th)?";
const INNING_CUE = new RegExp(`\\b(?:top|bottom|bot|btm|middle|mid|end|half)(?: half)?(?: of)?(?: the)? ${ORD}\\b|\\binnings?\\b|\\bframe\\b|\\bhalf\\b|\\bextras?\\b|\\bstretch\\b`);
const INNING_NUMBER = new RegExp(`\\b(?:top|bottom|bot|btm|half)(?: of)?(?: the)? (${ORD})\\b|\\b(\\d{1,2}(?:st|nd|rd|th)) (?:inning|frame)\\b|\\b(?:half|inning|frame) of the (\\d{1,2}(?:st|nd|rd|th))\\b`, "g");
const INNING_ASIDE = new RegExp(`\\b(?:middle|mid|end|after|through|since|before|last|next|earlier|stretch)\\b[^.!?]{0,24}?(?:${ORD}|inning|half)\\b`);
const OUTS_CUE = /\b(?:[0-3]|no|nobody|none) (?:outs?|away|down|gone|retired)\b|\bthree up\b|\bside retired\b|\bretires the side\b/g;
const BASE_CUE = /\b(?:1st(?! (?:pitch|offering|delivery|toss|inning|time|half))|2nd(?! inning| half)|3rd(?! inning| strike)|bases?|aboard|on board|runners?|90 feet|stranded|left on|empty|nobody on|scoring position|corners|on 1st|on 2nd|on 3rd|stolen|steals?|stole|tags? up)\b/g;
const SCORE_CUE = /\b(?:tied|ties|tie|scoreless|lead(?!s? (?:off|it off|things off))|leads(?! (?:off|it off|things off))|leading(?! off)|led|trail|trails|trailing|up by|down by|score|scored|scores|apiece|all square|runs?|nil|shutout|in front)\b|\b\d+ to \d+\b/;

/** The pitch result each cue kind is consistent with. */
const FITS: Record<PitchResult, readonly ResultCue[]> = {
  Ball: ["Ball", "take"],
  Strike: ["Strike", "strike", "strikeout", "take"],
  "Swing and miss": ["Swing and miss", "strike", "strikeout"],
  Foul: ["Foul", "strike"],
  "In play - out": ["In play - out", "inPlay"],
  "In play - hit": ["In play - hit", "inPlay"],
  "Hit by pitch": ["Hit by pitch", "take"],
};

const allFields = (value: boolean): FieldConfidence => Object.fromEntries(EXTRACTION_FIELDS.map((f) => [f, value])) as FieldConfidence;

/**
 * Which fields of the rules' record of `text` are confident.
 * @example fieldConfidence("Top of the 7th, one out. Cole fires a 97 mph four-seamer: fouled off.", rec, { reference }).pitch_velocity_mph // true
 */
export function fieldConfidence(text: string, rec: Extraction, context: ConfidenceContext = {}, playId?: number): FieldConfidence {
  const lower = normalizeNumbers(text);
  if (CORRECTION.test(lower)) return allFields(false);
  const out = allFields(true);
  if (playId !== undefined && context.findings?.has(playId)) return allFields(false);
  const cues = findResultCues(lower).filter((c) => c.cue !== "take" || rec.pitch_result === null);
  const resultAt = cues.length > 0 ? cues[0]!.index : Number.POSITIVE_INFINITY;
  const pitch = rec.pitch_result;

  // Inning and half: both read from one plain statement ("top of the 7th"), or nothing said.
  const inningSaid = INNING_CUE.test(lower);
  out.inning_number = out.inning_half = inningSaid
    ? rec.inning_number !== null && rec.inning_half !== null && !INNING_ASIDE.test(lower) && sameNumbers([...lower.matchAll(INNING_NUMBER)].map((m) => parseInt(m[1] ?? m[2] ?? m[3]!, 10)), rec.inning_number)
    : rec.inning_number === null && rec.inning_half === null;

  // Outs: one statement, before the pitch, that the rules read.
  const outs = [...lower.matchAll(OUTS_CUE)];
  out.outs = outs.length === 0 ? rec.outs === null : outs.length === 1 && outs[0]!.index! < resultAt && rec.outs !== null && rec.outs === outsOf(outs[0]![0]);

  // Runners: every base named before the pitch, as many as the rules placed.
  const bases = [...lower.matchAll(BASE_CUE)];
  out.runners_on_base = bases.length === 0
    ? rec.runners_on_base === null
    : rec.runners_on_base !== null && bases.every((b) => b.index! < resultAt) && distinctBases(lower) === baseCount(rec.runners_on_base);

  // Score: both sides read, each number in the text; or no score words and none read.
  const teamScore = context.reference ? teamScorePattern(context.reference).test(lower) : false;
  const scoreSaid = SCORE_CUE.test(lower) || teamScore;
  const numbers = new Set((lower.match(/\b\d+\b/g) ?? []).map(Number));
  const scoreRead = rec.score_home !== null && rec.score_away !== null && (numbers.has(rec.score_home) || /nothing|scoreless|nil/.test(lower)) && (numbers.has(rec.score_away) || /nothing|scoreless|nil/.test(lower) || rec.score_away === rec.score_home);
  out.score_home = out.score_away = scoreSaid ? scoreRead : rec.score_home === null && rec.score_away === null;

  // Names: every player of the reference named in the text is the pitcher or the batter the rules read.
  out.pitcher_name = out.batter_name = namesConfident(text, rec, context.reference);

  // Pitch: a result whose every cue agrees; no pitch at all when there is no sign of one.
  const speeds = [...new Set((lower.match(/(?<![\d.])\d{2,3}(?:\.\d)?(?![\d.])/g) ?? []).map(Number).filter((n) => n >= 55 && n <= 106))];
  const terms = [...new Set(findPitchTerms(text.toLowerCase().replace(/[\u2010-\u2015\u2212]/g, "-").replace(/\s+/g, " ")).map((t) => t.text))];
  const counts = findCounts(lower);
  if (pitch === null) {
    const quiet = cues.length === 0 && speeds.length === 0 && terms.length === 0 && counts.length === 0 && !hasPitchEvidence(lower);
    for (const f of PITCH_ONLY) out[f] = quiet && rec[f] === null;
  } else {
    const fits = FITS[pitch];
    out.pitch_result = out.ball_in_play = cues.length > 0 && cues.every((c) => fits.includes(c.cue)) && rec.ball_in_play === (pitch === "In play - hit" || pitch === "In play - out");
    out.pitch_velocity_mph = speeds.length === 0 ? rec.pitch_velocity_mph === null : speeds.length === 1 && rec.pitch_velocity_mph === speeds[0];
    out.pitch_type = terms.length === 0 ? rec.pitch_type === null : terms.length === 1 && rec.pitch_type?.toLowerCase() === terms[0];
    const countsOk = countsConfident(rec, pitch, counts, resultAt);
    out.pre_pitch_balls = out.pre_pitch_strikes = out.post_pitch_balls = out.post_pitch_strikes = countsOk;
  }
  return out;
}

const PITCH_ONLY = ["pre_pitch_balls", "pre_pitch_strikes", "post_pitch_balls", "post_pitch_strikes", "pitch_type", "pitch_velocity_mph", "pitch_result", "ball_in_play"] as const;

/** Whether every field is confident. */
export function isSettled(conf: FieldConfidence): boolean {
  return EXTRACTION_FIELDS.every((f) => conf[f]);
}

/**
 * The count before the pitch stated once, before the result, and the count after it the rules' arithmetic;
 * or no count said and none read. A count said only after the pitch ("that makes it 2-1") leaves the count
 * before it to the model (the rules would have to work it back).
 */
function countsConfident(rec: Extraction, pitch: PitchResult, counts: ReturnType<typeof findCounts>, resultAt: number): boolean {
  const pre = rec.pre_pitch_balls !== null && rec.pre_pitch_strikes !== null ? { balls: rec.pre_pitch_balls, strikes: rec.pre_pitch_strikes } : null;
  if (counts.length === 0) return pre === null && rec.pre_pitch_balls === null && rec.pre_pitch_strikes === null && rec.post_pitch_balls === null && rec.post_pitch_strikes === null;
  if (!pre) return false;
  const post = postPitchCount(pre, pitch);
  if (rec.post_pitch_balls !== post.balls || rec.post_pitch_strikes !== post.strikes) return false;
  const stated = counts.filter((c) => c.balls === pre.balls && c.strikes === pre.strikes && c.role !== "post" && c.index < resultAt);
  const others = counts.filter((c) => !(c.balls === pre.balls && c.strikes === pre.strikes) && !(c.balls === post.balls && c.strikes === post.strikes));
  return stated.length >= 1 && others.length === 0;
}

/** At least one number, and all of them the one the rules read. */
function sameNumbers(found: number[], value: number): boolean {
  return found.length > 0 && found.every((n) => n === value);
}

function outsOf(phrase: string): number | null {
  const n = /^([0-3])/.exec(phrase);
  if (n) return Number(n[1]);
  if (/^(?:no|nobody|none)\b/.test(phrase)) return 0;
  return null;
}

function baseCount(runners: string): number {
  return runners === "None" ? 0 : runners.split(",").length;
}

function distinctBases(lower: string): number {
  if (/\bbases (?:are )?(?:loaded|full|juiced)\b/.test(lower)) return 3;
  if (/\bcorners\b/.test(lower)) return 2;
  const named = new Set<string>();
  for (const m of lower.matchAll(/\b(1st|2nd|3rd)\b(?! (?:pitch|offering|delivery|toss|inning|time|half|strike))/g)) named.add(m[1]!);
  return named.size;
}

const teamPatterns = new WeakMap<ReferenceTables, RegExp>();
/** "Otters 3", "the Lumberjacks two": a team named with a number is a score. */
function teamScorePattern(reference: ReferenceTables): RegExp {
  let re = teamPatterns.get(reference);
  if (!re) {
    const words = [...new Set([...reference.pitchers, ...reference.batters].flatMap((p) => p.team.toLowerCase().split(/\s+/)).filter((w) => w.length > 2))];
    const alt = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|") || "(?!)";
    re = new RegExp(`\\b(?:${alt})'?s?,? (?:\\d+|nothing)\\b`);
    teamPatterns.set(reference, re);
  }
  return re;
}

/** Every roster player the text names is the row's pitcher or batter, and each name the rules read is a roster player named once in one form. */
function namesConfident(text: string, rec: Extraction, reference: ReferenceTables | undefined): boolean {
  if (!reference) return false;
  const folded = foldText(text).folded;
  const named = new Set<string>();
  for (const p of [...reference.pitchers, ...reference.batters]) {
    const sur = surnameOf(p.name);
    if (sur.length > 1 && new RegExp(`(?<![\\p{L}])${sur.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "u").test(folded)) named.add(sur);
  }
  const read = [rec.pitcher_name, rec.batter_name].filter((n): n is string => n !== null).map(surnameOf);
  const roster = new Set([...reference.pitchers, ...reference.batters].map((p) => surnameOf(p.name)));
  // Two players who share a surname: the text alone cannot say which.
  const shared = [...named].some((s) => [...reference.pitchers, ...reference.batters].filter((p) => surnameOf(p.name) === s).map((p) => foldName(p.name)).filter((n, i, all) => all.indexOf(n) === i).length > 1);
  return !shared && read.every((s) => roster.has(s)) && [...named].every((s) => read.includes(s)) && read.length === new Set(read).size;
}
