import type { PitchResult } from "../../domain/index";
import { applyResult, findCounts, reverseResult, type Count, type CountMention } from "./count-parser";
import { PITCH_CODE_UPPER, PITCH_NAME, SELF_CORRECTION } from "./lexicon";
import { findPitchTerms, type PitchTermMatch } from "./pitch-vocabulary";
import { blankOtherOccasions, findResultCues, hasPitchEvidence, isRecap, isWeakCue, summarizesPlays, type ResultCue, type ResultMention } from "./result-parser";

/** The pitch fields of one paragraph; null everywhere when the paragraph describes no pitch. */
export interface PitchReading {
  pitch_type: string | null;
  pitch_velocity_mph: number | null;
  pitch_result: PitchResult | null;
  ball_in_play: boolean | null;
  pre: Partial<Count>;
  post: Partial<Count>;
  /** Where the first result cue is in the text (-1 when none): what is said after it is said after the pitch. */
  resultIndex?: number;
}

// Words of a correction besides the narrator's own: "a slider — actually, a cutter", "the gun corrects it to 85".
const CORRECTED_TO = "actually|corrects? (?:it|that) to|corrected (?:it |that )?to|updates? (?:it|that) to|updated (?:it |that )?to|revised (?:it |that )?to|changes? (?:it|that) to";
// Numbers that count something else: "at 58 pitches", "91 feet", "at 100 for the night" (a pitch count).
const NOT_SPEED = "\\s*(?:pitches|pitch count|innings|feet|ft|percent|%|games|runs|batters|outs|strikes|balls|for the (?:night|game|day))";
const VELOCITY = [
  // The speed right after the delivery: "rears back: 98.8", "fires — 97 — and he swings".
  new RegExp(`\\b(?:rears back|fires|deals|delivers|throws|pumps|unleashes|lets (?:it|1) go)\\s*[,:—–-]+\\s*(\\d{2,3}(?:\\.\\d)?)\\b(?!\\.?\\d|\\s*(?:-|and|to)\\s*\\d|${NOT_SPEED})`),
  // A speed opening a terse call, where it crossed after it: "96 at the letters, he chases", "91, on the black".
  /(?:^|[.!?;]\s+)(\d{2,3}(?:\.\d)?),?\s+(?:at the (?:letters|knees|belt|hands|top of the zone|bottom of the zone)|on the (?:black|corner|outside corner|inside corner|hands)|up and (?:in|away)|down and (?:in|away)|right down the middle|(?:just |way |a little )?(?:high|low|outside|inside|away|wide|in the dirt|off the plate)(?=[,.!;])|(?:on|over|at) the (?:outer|inner|outside|inside|upper|lower|heart|middle|edge|corner|plate|top|bottom)\b)\b/,
  // A speed exclaimed on its own at the start of a sentence: "Ninety-nine! Heater, blows it past him."
  /(?:^|[.!?;]\s+)(\d{2,3}(?:\.\d)?)!/,
  // The speed said of "that one": "Eighty-four on that one", "91 on that pitch".
  /(?<![\d.-])(\d{2,3}(?:\.\d)?) on (?:that|this|the) (?:1|pitch|offering|delivery)\b/,
  // "97 on the heater", "the gun says 88", "the board has it at 95".
  new RegExp(`(?<![\\d.])(\\d{2,3}(?:\\.\\d)?) on (?:the |that |his )${PITCH_NAME}(?![a-z])`),
  /\b(?:gun|radar|board|scoreboard|readout|stadium gun)(?: (?:says|reads|shows|has it at|had it at|flashes|lights up with|puts it at))\s+(\d{2,3}(?:\.\d)?)\b(?!\s*(?:-|to|and)\s*\d)/,
  /(?<![\d.])(\d{2,3}(?:\.\d)?)\s*(?:-\s*)?(?:mph|m\.p\.h\.?|miles?[\s-](?:per|an|a)[\s-]hour|mi\/h|kmh|on the (?:gun|radar|board|stadium gun|scoreboard|readout)|per hour)/,
  /\b(?:clocked|been|registering|registers|registered|reading|reads|touching|touches|touched|at|hits|hit|lights up the gun|sitting|gun shows|radar shows|velo(?:city)? of|reaching|reached|topping out at|tops out at|comes in at|came in at|lighting up the gun at)(?: at| with)?\s*(\d{2,3}(?:\.\d)?)\b(?!\s*(?:-|to|and)\s*\d|\s*(?:percent|%|feet|ft|pitches|innings|games|hits|homers|runs))/,
  new RegExp(`(?<![\\d.-]|\\d,)(\\d{2,3}(?:\\.\\d)?)(?:[\\s-]+(?:mph|miles))?(?:[\\s-]+|,\\s*)(?:(?:hard|heavy|straight|running|riding|rising|sinking|tailing|cutting|live|nasty|filthy|firm|electric|blazing)\\s)?${PITCH_NAME}(?![a-z])`),
  new RegExp(`(?:${PITCH_NAME}|\\b[a-z]{2})[,:]?\\s+\\(?(\\d{2,3}(?:\\.\\d)?)\\)?(?!\\.?\\d|\\s*(?:-|and|to)\\s*\\d|${NOT_SPEED})`),
  // A number standing as a clause of its own in the call, between commas: "rears back and deals, gas, 98, just under the hands",
  // right after the count it was thrown on too ("The 1-1, 99, fouled"), though not after another number ("4, 95").
  // (The separator first, then what is before it: a pattern opening on a lookbehind is tried at every character.)
  /(?:[,:—–]|\s-)(?<=(?:^|[^\d]|\b\d-\d)(?:[,:—–]|\s-))\s*(\d{2,3}(?:\.\d)?)(?!\d)(?=\s*(?:,(?!\d)|[;!]|\.(?!\d)|\.\.\.))/,
];

const SPEED_CLAUSE = /^[^.!?;\d]{1,40}?,\s*(\d{2,3}(?:\.\d)?)(?=\s*(?:[,.;!)]|$|and\b|mph\b))/;
const plausible = (v: number) => v >= 55 && v <= 106;

// A speed the narrator corrects right away: "94, no, the board says 95", "97 — sorry, 98".
const SPEED_CORRECTED = new RegExp(`^(?:\\s*(?:mph|miles an hour|miles per hour))?[\\s,;:.!—–-]*(?:${SELF_CORRECTION}|${CORRECTED_TO}|the (?:gun|board|radar) (?:${CORRECTED_TO}))\\b[^\\d.!?]{0,30}?(\\d{2,3}(?:\\.\\d)?)(?!\\.?\\d)`);
const corrected = (lower: string, at: number, v: number): number => {
  const c = SPEED_CORRECTED.exec(lower.slice(at, at + 60));
  return c && plausible(Number(c[1])) ? Number(c[1]) : v;
};

const TWO_DIGITS = /\d\d/;
// (Nor is the station's place on the dial: "tuned in to 91.7 FM".)
const NOT_A_PITCH_SPEED = /\b(?:pitch[\s-]counts?|exit (?:velo|velocity|speed)|off the bat|fm|on the dial|tun(?:ed|ing) in)\b/;
// A number is a measure of something else when its unit or its stat says so, wherever the sentence is: the ball off
// the bat ("104.9 off the bat"), spin ("2,214 rpm", "spin rate of 2400"), angles and distances ("28 degrees", "412
// feet"), rates and averages ("a 31 percent chase rate", "a .312 hitter", "ERA of 3.41", "win probability 58").
const MEASURED = new RegExp(
  "\\d[\\d,]*(?:\\.\\d+)?\\s*-?\\s*(?:rpm|revolutions|degrees?|°|percent|%|feet|foot|ft|inches|(?:mph |miles per hour |miles an hour )?(?:off the bat|exit velo(?:city)?))(?![a-z])|" +
    "\\b(?:exit velo(?:city)?|launch angle|spin(?: rate)?|xba|era|ops|sprint speed|win (?:probability|expectancy)|(?:chase|whiff|hard-hit|barrel) rate|batting average)" +
    "(?: (?:of|was|is|at|reads?|read|came in at|on (?:it|that|that 1|the [a-z-]+)))?[\\s,:]*\\d[\\d,]*(?:\\.\\d+)?|(?<![\\d])\\.\\d{3}\\b",
  "g",
);
const MEASURE_WORDS = ["rpm", "revolutions", "degree", "°", "percent", "%", "feet", "foot", "ft", "inches", "off the bat", "velo", "angle", "spin", "xba", "era", "ops", "sprint", "win ", "rate", "average"];
// Sentences end at a stop, not at a decimal point ("101.2 off the bat" is one number).
const SENTENCE = /(?:[^.!?]|\.(?=\d))+/g;

/** Miles per hour, when stated and plausible for a pitch (55–106); a speed taken back gives way to the one said next. */
export function parseVelocity(text: string): number | null {
  // A paragraph is asked twice in a row (as evidence of a pitch, then for its speed): read it once.
  if (text === lastVelocity.text) return lastVelocity.value;
  const value = readVelocity(text);
  lastVelocity = { text, value };
  return value;
}
let lastVelocity: { text: string; value: number | null } = { text: "", value: null };

function readVelocity(text: string): number | null {
  // Every speed is said in two or three digits: a paragraph without two digits in a row says none (a third of them).
  if (!TWO_DIGITS.test(text)) return null;
  // Speeds of other times ("touched 101 last week", "91 in his warm-up tosses") are not this pitch's.
  // A sentence about his pitch count ("his pitch count climbing, he's at 58") or the ball off the bat ("exit velocity
  // 104 on that one") gives no pitch speed.
  // (Sentence by sentence, and only when the words are there: one pattern spanning sentences would be quadratic.)
  let lower = blankOtherOccasions(text);
  // (Only where a unit or a stat's word can be: most paragraphs have none, and a substring test costs little.)
  if (MEASURE_WORDS.some((w) => lower.includes(w)) || /\.\d{3}/.test(lower)) lower = lower.replace(MEASURED, (x) => " ".repeat(x.length));
  if (NOT_A_PITCH_SPEED.test(lower)) lower = lower.replace(SENTENCE, (x) => (NOT_A_PITCH_SPEED.test(x) ? " ".repeat(x.length) : x));
  for (const re of VELOCITY) {
    const m = re.exec(lower);
    if (m && plausible(Number(m[1]))) return corrected(lower, m.index + m[0].length, Number(m[1]));
  }
  // A bare number right after any pitch name: "split, 85", "SINKER 96", "a cut fastball (91)".
  for (const term of findPitchTerms(lower)) {
    const after = lower.slice(term.index + term.text.length, term.index + term.text.length + 60);
    // (The speed in an apposition too: "the curveball, a slow 78, drops in".)
    const m = /^[,:]?\s*\(?(?:an? (?:[a-z]+ )?)?(\d{2,3}(?:\.\d)?)\)?(?!\.?\d|\s*(?:-|and|to)\s*\d|\s*(?:%|percent|feet|ft|pitches|innings|games|runs|inches))/.exec(after) ??
      // The speed as a clause of its own after where the pitch went: "a heater on the outside black, 96, called strike".
      SPEED_CLAUSE.exec(after);
    if (m && plausible(Number(m[1]))) return corrected(lower, term.index + term.text.length + m.index + m[0].length, Number(m[1]));
  }
  return null;
}

// Verbs of a pitch being thrown, for a paragraph whose result phrase is unknown.
const THROWN = /\b(?:deals|delivers|fires|throws|pitches|hurls|here's the pitch|the pitch|offering|rears back|comes set|winds and)\b/;
// A narrator correcting himself: "a slider, no, make that a cutter", "the slider — sorry, the cutter", "I mean".
const CORRECTION = new RegExp(`(?:^|[\\s,;:.!—–-])(?:${SELF_CORRECTION}|${CORRECTED_TO})\\b[\\s,;:.!—–-]*(?:(?:make that|it's|it was|that's|that was|the board says|the board shows|the gun says|rather)\\b)?`);

/**
 * The pitch named last when the narrator corrects himself between two names. Else the last one named before the
 * call (`beforeCall` names come before it): "After three straight sliders, he goes to the fastball: swinging strike"
 * (the names before it are pitches of the at-bat so far, or his repertoire). Else (none before it) the first named.
 */
function correctedTerm<T extends { index: number; text: string }>(terms: readonly T[], text: string, beforeCall = 0): T | undefined {
  for (let i = terms.length - 1; i >= 1; i--) {
    const between = text.slice(terms[i - 1]!.index + terms[i - 1]!.text.length, terms[i]!.index);
    if (between.length <= 40 && CORRECTION.test(between)) return terms[i];
  }
  return terms[Math.max(0, Math.min(beforeCall, terms.length) - 1)];
}

/** How many of these pitch names (found in the number-normalized text, where the call was found) come before the call. */
function namesBeforeCall(named: readonly PitchTermMatch[], callAt: number | undefined): number {
  if (callAt === undefined || callAt < 0) return 0;
  return named.filter((t) => t.index < callAt).length;
}

// The pitch a catcher or a hitter looked for, which may not be the one that came: "was looking for a splitter and got a heater".
const EXPECTED = /\b(?:looking for|expecting|sitting on|guessing|set up for|called for|calling for|asked for)(?: (?:an?|the|his))?(?: [a-z-]+)? $/;

/**
 * The pitch names of this pitch, as written (`plain`) and as found in the number-normalized text (`lower`, the same
 * names in the same order): not those of a quote, another time or a pitch imagined ("If I'm him, I throw the
 * change"), nor one only looked for when another is named.
 */
function thisPitchNames(lower: string, plain: string): { written: readonly PitchTermMatch[]; found: readonly PitchTermMatch[] } {
  const written = findPitchTerms(plain);
  const found = findPitchTerms(lower);
  if (written.length === 0 || found.length !== written.length) return { written, found };
  const call = blankOtherOccasions(lower);
  let keep = (call === lower ? found : findPitchTerms(call)).map((t) => found.findIndex((f) => f.index === t.index));
  const looked = keep.filter((i) => EXPECTED.test(lower.slice(Math.max(0, found[i]!.index - 40), found[i]!.index)));
  if (looked.length > 0 && looked.length < keep.length) keep = keep.filter((i) => !looked.includes(i));
  // A nickname glossed by its plain name ("here comes the yakker — that's the curveball") is named as said first.
  if (keep.length > 1) keep = keep.filter((i, k) => k === 0 || !glosses(found[keep[k - 1]!]!, found[i]!, lower));
  return { written: keep.map((i) => written[i]!), found: keep.map((i) => found[i]!) };
}

// What sets off a gloss: "— that's the", ", which is a", "(that is, a", ", aka the".
const GLOSS = /^\s*[—–,(-]*\s*(?:that's|that is|which is|i\.e\.,?|aka|a\.k\.a\.|also known as|otherwise known as)\s+(?:an? |the |his )?$/;
const glosses = (before: PitchTermMatch, after: PitchTermMatch, lower: string) =>
  before.code === after.code && before.text !== after.text && GLOSS.test(lower.slice(before.index + before.text.length, after.index));

/** A count the narrator takes back ("That's 1-2 — no, 1-1", "two and one... excuse me, one and two") gives way to the next. */
function withoutCorrected(mentions: CountMention[], text: string): CountMention[] {
  const list = [...mentions];
  const out: CountMention[] = [];
  for (let i = 0; i < list.length; i++) {
    const m = list[i]!;
    const next = list[i + 1];
    const between = next ? text.slice(m.index + 3, next.index) : "";
    if (next && between.length <= 30 && CORRECTION.test(between)) {
      // A count marked as said after the pitch keeps that mark through its correction: "That's 1-2 — no, 1-1".
      if (next.role === "unknown" && m.role === "post") list[i + 1] = { ...next, role: "post" };
      continue;
    }
    out.push(m);
  }
  return out;
}

/** A paragraph that is only a count: "Two and oh.", "One-one!", "And it's 3-2..." */
const COUNT_ONLY = /^\s*(?:and |so )?(?:it's |that's |now |we're at )?\d(?:\s*-\s*|\s+and\s+|-and-)\d\s*(?:[.!…]|\.\.\.)*\s*$/;

const PRIORITY: PitchResult[] = ["Hit by pitch", "In play - hit", "In play - out", "Swing and miss", "Strike", "Foul", "Ball"];

/** A cue's result: a bare strike (or strikeout) is swung at when the text says a swing and no look. (Module level: see count-parser's pushCount.) */
const resultOfCue = (cue: Exclude<ResultCue, "take">, swung: boolean, looked: boolean): PitchResult =>
  cue === "inPlay" ? "In play - out" : cue === "strikeout" || cue === "strike" ? (swung && !looked ? "Swing and miss" : cue === "strikeout" && !looked ? "Swing and miss" : "Strike") : cue;

function candidates(cues: ResultMention[], lower: string): PitchResult[] {
  // A checked swing ruled a swing on appeal ("the umpire says he went") is a swinging strike, "called" or not.
  const appealed = /\b(?:says|rules|ruled|rule|said|signals|signaled) (?:that )?he (?:went|swung|offered)\b|\bon (?:the )?appeal\b[^.]*\b(?:went|swung|strike)/.test(lower);
  // A tipped pitch was swung at: a foul tip held for strike three is a strikeout swinging.
  // (A swing said by another verb: "went after it", "offers at a slider".)
  const swung = appealed || /\bswing|\bswung|\bswinging|\bwhiff|\bchase|\bwave|\bfishing|\btip(?:s|ped|ping)?\b|\b(?:goes|went|go) after (?:it|that|the pitch|a|an)\b|\boffer(?:s|ed)? at\b/.test(lower);
  const looked = !appealed && /\blooking\b|\bcalled\b|\bcaught looking|\brung up|\bfroze|\bfrozen|\bwatches/.test(lower);
  const hasFoul = cues.some((c) => c.cue === "Foul");
  // A call said outright ("called strike", "swings through it") settles what a bare "strike three" means.
  const explicit = cues.some((c) => c.cue === "Strike" || c.cue === "Swing and miss");
  const called = cues.some((c) => c.cue !== "inPlay" && c.cue !== "In play - out" && c.cue !== "In play - hit" && c.cue !== "take");
  // A runner thrown out on a steal or a wild pitch happens around the pitch, not as its result.
  // So is a pickoff throw before it: "throws over to first, and the runner dives back".
  const running = /\b(?:is running|is going|takes off|steals?|stealing|stole|swipes?|swiped|the throw (?:from the catcher|down to|to 2nd)|caught stealing|wild (?:1|pitch)|passed ball|pick-?off|(?:dives?|dove|slides?|slid|scrambles?|scrambled|gets?|got|hustles?) back(?: in| safely| to| both)?|throws? over (?:to 1st )?(?:twice|again|\d times))\b/.test(lower);
  const wild = /\bwild (?:1|pitch)\b|\bpassed ball\b/.test(lower);
  const only = cues.every((c) => c.cue === "take");
  // A third strike said outright ("strike him out, throw him out"): an out thrown or tagged besides is a runner's.
  const struckOut = cues.some((c) => c.cue === "strikeout" || (c.cue === "strike" && /3/.test(c.phrase)));
  // A foul into the seats is caught by a fan, not a fielder: "fouls it into the stands, and a kid makes the grab".
  const intoStands = hasFoul && /\binto the (?:[a-z'-]+ )?(?:seats|stands|crowd|netting|screen|seats behind|bleachers|dugout|bullpen|lot|parking lot|concourse|upper deck)\b/.test(lower);
  // The hitter tempted and declining ("goes fishing, and he won't bite"): the fishing was the pitcher's, no swing.
  const declined = (lower.includes("n't") || lower.includes("not") || lower.includes("lay") || lower.includes("laid")) && /\b(?:doesn'?t|does not|didn'?t|won'?t|will not) (?:chase|bite|offer|go after|take the bait)|\blays? off|\blaid off/.test(lower);
  const caught = cues.some((c) => c.cue === "In play - out" && /catch|grab|haul|glove|squeez|snag|caught|snare|spear|pocket|robs?/.test(c.phrase));
  const out = new Set<PitchResult>();
  for (const c of cues) {
    if (c.cue === "take") {
      if (only) out.add("Strike");
      continue;
    }
    // "Fouled into the seats" is a foul, not a home run.
    if (c.cue === "In play - hit" && hasFoul && /^into the|^over the|gone|outta|out of/.test(c.phrase)) continue;
    if (c.cue === "Swing and miss" && declined && /fish|chase|bite/.test(c.phrase)) continue;
    // A ball driven to a field and then caught ("drives one to right... he makes the catch") is an out, no hit.
    if (c.cue === "In play - hit" && caught && /(?:to|into) (?:shallow |deep )?(?:left|center|centre|right)(?: field| center)?$/.test(c.phrase)) continue;
    if ((c.cue === "In play - out" || c.cue === "inPlay") && (((running || struckOut) && called && /thrown out|out at|tag|caught|picked|doubled|throw/.test(c.phrase)) || (wild && called))) continue;
    if (c.cue === "In play - out" && intoStands && /catch|grab|snag|haul|glove|squeez/.test(c.phrase)) continue;
    // A bunt or pop fouled off is a foul, not a ball in play.
    if (c.cue === "inPlay" && hasFoul) continue;
    if ((c.cue === "strike" || c.cue === "strikeout") && explicit) continue;
    // How he swung ("out in front", "way early", "chases") with a foul said outright: he got a piece of it.
    if (c.cue === "Swing and miss" && hasFoul && /out in front|early|late|chase|bites?$|fishing|fish/.test(c.phrase)) continue;
    // "Fouled back. Strike two.": the strike a foul adds is the foul's (only a tip or a bunt makes strike three).
    if (c.cue === "strike" && hasFoul && !/3/.test(c.phrase)) continue;
    out.add(resultOfCue(c.cue, swung, looked));
  }
  return PRIORITY.filter((r) => out.has(r));
}

function consistent(result: PitchResult, pre: Count, post: Partial<Count>): boolean {
  const next = applyResult(pre, result);
  return (post.balls === undefined || post.balls === next.balls) && (post.strikes === undefined || post.strikes === next.strikes);
}

// The next batter coming up: "Pena steps in", "coming up is Pena", "up next", "here's Pena, the cleanup man".
const BATTER_UP = /\b(?:steps in|steps into the (?:box|batter's box)|steps to the plate|comes to the plate|digs in|comes up(?! (?:empty|with|short|throwing|firing|big|huge|clutch|lame|limping|in))|coming up|up next|due up|now batting|is the batter|bats next|here's [a-z'.-]+(?:,| the | with | and | to ))/g;
function lastBatterUp(lower: string): number {
  let at = -1;
  BATTER_UP.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BATTER_UP.exec(lower)) !== null) at = m.index;
  return at;
}

// The pitch announced after something else happened: "Now the pitch", "Then the 1-1", "And finally, here's the pitch".
const PITCH_ANNOUNCED = /(?:[.!?,;…]\s*|\.\.\.\s*)(?:and )?(?:now|then|finally)(?:,)? (?:here's |here comes )?the (?:pitch|delivery|payoff|\d-\d)\b/g;
function pitchAnnounced(lower: string): number {
  let at = 0;
  PITCH_ANNOUNCED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PITCH_ANNOUNCED.exec(lower)) !== null) at = m.index;
  return at;
}

/** Choose the counts said to be before and after the pitch. */
/** Whether a count said as where things stand comes in a sentence before the one with the call. */
const standsBefore = (m: CountMention, resultIndex: number, lower: string) =>
  resultIndex >= 0 && m.index < resultIndex && /[.!?]/.test(lower.slice(m.index, resultIndex));
/** A count's role: as said, or before or after the pitch by where it stands against the call. */
const countRole = (m: CountMention, resultIndex: number, lower: string) =>
  m.role === "post" && standsBefore(m, resultIndex, lower) ? "pre" : m.role !== "unknown" ? m.role : resultIndex >= 0 && m.index > resultIndex ? "post" : "pre";

function pickCounts(mentions: CountMention[], resultIndex: number, lower: string): { pre: Partial<Count>; post: Partial<Count> } {
  const pre: Partial<Count> = {};
  const post: Partial<Count> = {};
  // A count said as where things stand ("So it's one and one.", "That makes it 2-1.") in a sentence before the one
  // with the call is where the pitch starts from: the pitch has not been told yet.
  for (const m of mentions) {
    const role = countRole(m, resultIndex, lower);
    const target = role === "pre" ? pre : post;
    if (role === "pre" && pre.balls !== undefined && m.balls !== null) continue; // the first pre count wins
    if (m.balls !== null) target.balls = m.balls;
    if (m.strikes !== null) target.strikes = m.strikes;
  }
  return { pre, post };
}

/**
 * Read the pitch in a lower-cased, number-normalized paragraph: its type as written, velocity,
 * result, and the counts before and after (stated, or computed from the other count and the result).
 * `plain` is the same text lower-cased only, so the pitch type keeps its words as written ("four-seamer").
 */
export function readPitch(lower: string, plain: string = lower, original?: string): PitchReading {
  if (isRecap(lower) || summarizesPlays(lower)) return { pitch_type: null, pitch_velocity_mph: null, pitch_result: null, ball_in_play: null, pre: {}, post: {} };
  const mentions = withoutCorrected(findCounts(lower), lower);
  // A ball-strike count said in the paragraph shows a pitch as much as a pitch word does ("1-1... ground ball to short").
  // So does a pitch's speed ("Ninety-nine! He waves at it").
  const evidence = hasPitchEvidence(lower) || mentions.some((m) => m.balls !== null && m.strikes !== null) || parseVelocity(lower) !== null;
  // A paragraph that brings up the next batter and shows no pitch tells the last play before him ("So Ruiz singles,
  // and here's Pena"): what is said before he comes up is not this paragraph's pitch.
  const upNext = evidence ? -1 : lastBatterUp(lower);
  // "Throw over to first, back in there. Now the pitch...": what happens before the pitch is announced is not its result.
  const from = pitchAnnounced(lower);
  const cues = findResultCues(lower).filter((c) => (evidence || (!isWeakCue(c.phrase) && !c.ruling)) && c.index > upNext && c.index >= from);
  const firstCue = cues.length > 0 ? cues[0]!.index : -1;
  const { pre, post } = pickCounts(mentions, firstCue, lower);
  let options = candidates(cues, lower);
  let preFull = pre.balls !== undefined && pre.strikes !== undefined ? (pre as Count) : null;
  if (preFull && (post.balls !== undefined || post.strikes !== undefined)) {
    const stated = preFull;
    const fitting = options.filter((r) => consistent(r, stated, post));
    if (fitting.length > 0) options = fitting;
    else if (options.length === 0 || !["Hit by pitch", "In play - hit", "In play - out"].includes(options[0]!)) {
      const fromCount: PitchResult[] = (["Ball", "Strike", "Foul"] as PitchResult[]).filter((r) => consistent(r, stated, post));
      if (fromCount.length > 0 && options.length === 0) options = fromCount;
    }
  }
  let result = options[0] ?? null;
  // A paragraph that is nothing but a count ("Two and oh.") says the count the pitch left; with no strike in it,
  // the pitch was a ball (a strike or a foul adds a strike to a count without two).
  const countOnly = result === null && mentions.length === 1 && COUNT_ONLY.test(lower) ? mentions[0]! : null;
  if (countOnly && countOnly.balls !== null && countOnly.strikes !== null) {
    if (countOnly.strikes === 0 && countOnly.balls >= 1) {
      result = "Ball";
      preFull = null;
      delete pre.balls;
      delete pre.strikes;
      post.balls = countOnly.balls;
      post.strikes = 0;
    } else return { pitch_type: null, pitch_velocity_mph: null, pitch_result: null, ball_in_play: null, pre: {}, post: { balls: countOnly.balls, strikes: countOnly.strikes } };
  }
  if (result === null) {
    // A pitch thrown whose result is said in words we do not know loses only the result: its type, speed
    // and the count it was thrown on stay ("Okafor deals a 2-1 slider at 86 and Diaz ... ").
    const terms = findPitchTerms(plain);
    const velocity = parseVelocity(lower);
    // A pitcher's repertoire ("he throws a slider and a sinker", "sinker, slider, changeup") is no pitch thrown.
    const repertoire = terms.some((t, i) => i > 0 && t.code !== terms[i - 1]!.code && /^(?:,|,? and|,? or)\s+(?:an? |his |the )?$/.test(plain.slice(terms[i - 1]!.index + terms[i - 1]!.text.length, t.index)));
    // What the colour man says in quotes ("He throws a hundred, but it's the splitter") throws no pitch of this call.
    const call = blankOtherOccasions(lower);
    const named = findPitchTerms(call).length > 0 || velocity !== null;
    // A pitch named on the count it is thrown on ("2-0 heater, 95, ...") was thrown, whatever verb is missing.
    const onCount = pre.balls !== undefined && pre.strikes !== undefined;
    const thrown = !repertoire && named && (THROWN.test(call) || onCount);
    if (!thrown) return { pitch_type: null, pitch_velocity_mph: null, pitch_result: null, ball_in_play: null, pre: {}, post: {} };
    return { pitch_type: correctedTerm(thisPitchNames(lower, plain).written, plain)?.text ?? null, pitch_velocity_mph: velocity, pitch_result: null, ball_in_play: null, pre, post: {} };
  }
  // "Ball four" and "strike three" alone name one side of a count, which is no count (data/README): the result says it all.
  let preCount: Partial<Count> = { ...pre };
  let postCount: Partial<Count> = { ...post };
  if (preFull) {
    const computed = applyResult(preFull, result);
    postCount = { balls: post.balls ?? computed.balls, strikes: post.strikes ?? computed.strikes };
  } else if (post.balls !== undefined && post.strikes !== undefined) {
    // "Again" says the count stayed only when said of the count ("Fouled. Two and two again."), not of the pitch ("Slider again").
    const back = reverseResult(post as Count, result, /\bstill\b|\bstays?\b|\bremains?\b|\d(?:\s*-\s*|\s+and\s+|-and-)\d again\b|\banother foul\b/.test(lower));
    // A foul that leaves two strikes came from one strike or two: the count before it is not said, balls included.
    if (back && Number.isNaN(back.strikes)) preCount = { ...pre };
    else if (back) preCount = { balls: pre.balls ?? back.balls, strikes: pre.strikes ?? back.strikes };
  } else {
    // One side known: fill what the result settles ("ball 3" → 2 balls before).
    if (pre.balls === undefined && post.balls !== undefined) preCount.balls = result === "Ball" ? post.balls - 1 : post.balls;
    if (pre.strikes === undefined && post.strikes !== undefined && result !== "Foul") {
      preCount.strikes = result === "Strike" || result === "Swing and miss" ? post.strikes - 1 : post.strikes;
    }
    if (pre.balls !== undefined && post.balls === undefined) postCount.balls = result === "Ball" ? pre.balls + 1 : pre.balls;
    if (pre.strikes !== undefined && post.strikes === undefined) postCount.strikes = applyResult({ balls: 0, strikes: pre.strikes }, result).strikes;
  }
  const { written, found } = thisPitchNames(lower, plain);
  const code = original ? PITCH_CODE_UPPER.exec(original) : null;
  return {
    // The names in the plain text and in the number-normalized one are the same, in the same order.
    pitch_type: written.length > 0 ? correctedTerm(written, plain, found.length === written.length ? namesBeforeCall(found, firstCue) : 0)!.text : code ? code[1]! : null,
    pitch_velocity_mph: parseVelocity(lower),
    pitch_result: result,
    ball_in_play: result === "In play - hit" || result === "In play - out",
    pre: preCount,
    post: postCount,
    resultIndex: firstCue,
  };
}
