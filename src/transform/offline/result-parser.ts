import { HOME_RUN_CALL, MISS_LOCATION, PITCH_CODE, RESULT_CODES, RESULT_PHRASES, ZONE_LOCATION, type ResultCue } from "./lexicon";
import { findPitchTerms } from "./pitch-vocabulary";
import { requiredWords } from "./required-words";
import { recentAnswers } from "../../util/recent-answers";

export type { ResultCue };

export interface ResultMention {
  cue: ResultCue;
  index: number;
  phrase: string;
  /** Said as the scorer's ruling on a play ("Sacrifice fly for Ruiz."): it needs signs of a pitch to be this one's. */
  ruling?: boolean;
}

// The scorer's ruling heading a sentence, the batter credited: "Sacrifice fly for Ruiz, ...", "Double play, Ruiz, ...".
// A pitch told as it happens says what was hit; a ruling alone wraps up a play already told.
const RULING = /(?:^|[.!?]\s+)(?:an? )?(?:sacrifice fly|sac fly|sacrifice bunt|sac bunt|double play|fielder's choice|rbi (?:single|double|triple)|run-scoring (?:single|double|triple|groundout)|error)(?= for [a-z]|, [a-z][a-z'.-]+(?: [a-z][a-z'.-]+)?,)/g;

// "\b" first: the same matches for these phrases (each begins with a letter or a digit), and the regex engine can skip
// ahead to a word start instead of trying the lookbehind at every character (the cue patterns run ~20% faster).
const B = "\\b(?<![a-z])";
const E = "(?![a-z])";
const rx = (source: string) => new RegExp(`${B}(?:${source})${E}`, "g");

const HOME_RUN = rx(HOME_RUN_CALL);
/** More words than this, and testing for them costs about what the search saves. */
const MAX_GUARD_WORDS = 4;

/** Whether a lower-cased, number-normalized paragraph calls a home run. */
export function callsHomeRun(lower: string): boolean {
  HOME_RUN.lastIndex = 0;
  return HOME_RUN.test(lower);
}

/** The result phrases (`lexicon.ts`), compiled once; the first is a bare "ball" right after a speed or before a count. */
// With the words one of which each match must have (`requiredWords`): a paragraph with none of them is not searched.
const CUES: Array<[ResultCue, RegExp, string[] | null]> = [
  ["Ball", /(?<=\d{2} |\d mph )ball\b|\bball(?=[,;] ?\d-\d)/g, ["ball"]],
  ...RESULT_PHRASES.map(([cue, source]): [ResultCue, RegExp, string[] | null] => {
    const re = rx(source);
    const words = requiredWords(re.source);
    return [cue, re, words !== null && words.length <= MAX_GUARD_WORDS ? words : null];
  }),
];

/** Whether `text` contains one of `words` (a plain loop: this runs for every cue of every paragraph). */
function hasAny(text: string, words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) if (text.includes(words[i]!)) return true;
  return false;
}

// Phrases that also turn up in colour commentary ("hitters have chased out of the zone all year"):
// they count only when the paragraph shows a pitch being thrown.
const WEAK = /^(?:(?:right|squarely|it's|is) on the (?:black|corner|edge)|nicks? the .*|(?:just|barely|narrowly) misses|gets out of the way|holds? up|pulls the bat back|(?:doesn'?t|does not|didn'?t|won'?t) .*|(?:under|below|above|beneath) the zone|(?:way|well|a little|a bit|just) .*|runs .*|spikes|bounced|(?:it's|it is|and it's|but it's|that's|but that's) .*|(?:way |well |just )?out in front|bites|(?:and )?(?:he|she)(?:'s| has) got it|(?:he|she) has it|right at .*|out of the zone|outside the zone|in the dirt|high and tight|up and in|no good|just off|off the plate|lays? off|laid off|too (?:high|low|far)|spiked|looking|rings? (?:him )?up|rung up|frozen|freezes?.*|doesn'?t (?:offer|swing)|no swing|catch(?:es)? the .*|paints the .*|chase.*|bites? on|waves? .*|waved at|in play|fly ?balls?|ground ?balls?|line drives?|liners?|bunts?|grounders?|rollers?|fans?|fanned|strike ?outs?|gets the call|got the call|takes? strike|walk|walks|walked|adios|sayonara|bye[\s-]bye)$/;
// (A pitch count, "at 90 pitches", shows no pitch thrown.)
const PITCH_EVIDENCE = new RegExp(`\\b(?:${PITCH_CODE} \\d{2}|pitch|(?<!\\d )pitches|offering|delivery|deals|delivers|fires|throws|threw|hurls|comes with|goes with|works to|snaps off|spins|the \\d-\\d|count|mph|miles|on the gun|swings?|swung|takes|took|sees|watches|seamer|knuckle|fishing)\\b`);

/** Whether a cue phrase can stand on its own, or needs other signs of a pitch in the paragraph. */
export function isWeakCue(phrase: string): boolean {
  return WEAK.test(phrase);
}

/** Whether the paragraph shows a pitch being thrown or taken, beyond a bare cue word. */
export function hasPitchEvidence(lower: string): boolean {
  // What the colour man says in quotes ("You let him swing") shows no pitch of this call.
  const call = blankAsides(lower);
  return PITCH_EVIDENCE.test(call) || findPitchTerms(call).length > 0;
}

/**
 * The paragraph with sentences about other times blanked out (same length, so indexes still hold): earlier games
 * and innings, his day so far, a play before this one ("1 for 2 today with a double", "he singled home a run in the
 * 4th", "Marlowe's homer"), and relative clauses that look back ("who just pitched the top half").
 */
export function blankOtherTimes(text: string): string {
  return blankedSentences(text).otherTimes;
}

/**
 * Both blankings of a paragraph's sentences (`blankOtherTimes`, `blankOtherOccasions`), read in one pass: a paragraph
 * is asked several times in a row (its inning, its cues, its speed, whether it is a recap), and the two share their
 * sentences and most of their tests.
 */
const blankedSentences = recentAnswers(blankSentences);

function blankSentences(text: string): { otherTimes: string; otherOccasions: string } {
  // Sentences about other times ("a foul ball earlier tonight landed in a popcorn bucket") say nothing of this pitch,
  // nor do those about his day so far or an earlier play. Tested sentence by sentence: linear.
  // The colour man's words, quoted ("Hap: \"Make him chase.\""), are an aside about the game, not the call.
  const asides = blankAsides(text);
  // A terse call opening the sentence ("Ball two, and he hasn't got that call all night") stays: only the rest is about then.
  // A sentence that goes on about the play just told of another time ("That one went to the gap...") is about then too,
  // the other time said in the sentence before or in a clause already blanked there ("..., who won it last night.").
  // Other occasions (`blankOtherOccasions`) leave his day so far and earlier plays of the game.
  let times = "";
  let occasions = "";
  let beforeTime = false;
  let beforeOccasion = false;
  let end = 0;
  const sentence = /[^.!?]+/g;
  let m: RegExpExecArray | null;
  while ((m = sentence.exec(asides)) !== null) {
    const s = m[0];
    const gap = asides.slice(end, m.index);
    end = m.index + s.length;
    // A question asked (a viewer's, the booth's) states nothing of this pitch ("How many of his homers went the other
    // way?"), unless the booth answers it yes at once: "Is that ball gone? It is!"
    const other = OTHER_TIMES.test(s) || isHypothetical(s) || (asides.charCodeAt(end) === 63 && !ANSWERED_YES.test(asides.slice(end + 1, end + 24)));
    const occasion: boolean = other || (beforeOccasion && GOES_ON.test(s));
    const then: boolean = other || (beforeTime && GOES_ON.test(s)) || EARLIER_PLAY.test(s) || PAST_IN_AN_INNING.test(s);
    const clause: boolean = !(occasion && then) && thenInClause(s, text, m.index);
    beforeOccasion = occasion || clause;
    beforeTime = then || clause;
    const blank = " ".repeat(s.length);
    occasions += gap + (occasion ? blank : s);
    if (!then) times += gap + s;
    else {
      const call = TERSE_OPENER.exec(s)?.[0] ?? "";
      times += gap + call + blank.slice(call.length);
    }
  }
  times += asides.slice(end);
  occasions += asides.slice(end);
  const otherTimes = times.includes("who") ? times.replace(/\bwho (?:just|already|earlier) [a-z]+ed\b[^,.;!?]*/g, (c) => " ".repeat(c.length)) : times;
  return { otherTimes, otherOccasions: occasions };
}

/** Whether a sentence, read before its asides were blanked, told of another time in one of them. */
const thenInClause = (s: string, text: string, at: number) => {
  const said = text.slice(at, at + s.length);
  return said !== s && OTHER_TIMES.test(said);
};
const ANSWERED_YES = /^\s*(?:yes|yeah|yep|you bet|oh yes|it is|it's|and it is|it sure is|sure is|he did|she did|he does|she does|he is|she is)\b/;
const GOES_ON = /^\s*(?:and )?(?:that 1|that (?:homer|home run|hit|single|double|triple|blast|shot|pitch|ball|game-winner|at-bat)|it) (?:went|came|was|had|left|landed|cleared|sailed)\b/;
const TERSE_OPENER = /^\s*(?:ball|strike)(?: [1-4])?(?=[,!;])/;
/** Words that put a sentence at another time than this pitch. Tested per sentence: linear, unlike one pattern spanning sentences. */
const OTHER_TIMES = /\b(?:earlier (?:tonight|today|in the (?:game|series|season|year|inning|frame|at-bat))|last (?:night|year|season|time|week|month)|all (?:year|season)|this (?:series|season|year)|in game \d|(?:here's|on|another look at|let's look at|watch) the replay|replays? (?:shows?|showed|says|said|has it|had it|tells|confirms?|confirmed|overturns?|overturned)|(?:1|one) more look|(?:a|another) (?:2nd|closer|better|slow-motion) look|(?:upon|after|under) (?:a |the )?review|the call (?:stands|is confirmed|is overturned|on the field (?:stands|is confirmed))|warm-?up (?:tosses|pitches|throws)|warm-?ups|in the bullpen|in the minors|in the minor leagues|in (?:the )?(?:triple|double|single)-a|in college|in high school|in spring training|in winter ball|last (?:october|postseason|spring|fall)|in (?:his|her) (?:career|big-league career|big league career)|for (?:his|her) career|\d+ innings? ago|an inning ago|(?:last|previous) inning|(?:they're|they are) (?:showing|replaying|running it back))\b/;
/**
 * A sentence about what could happen, not what did: "If I'm the pitcher, I throw him sliders", "you'd expect a heater",
 * "they need a ground ball"; one opening on "If" ("If he hangs one here, that ball's in the bay"); or what a play would
 * have been elsewhere ("in most parks that's a home run").
 */
const isHypothetical = (s: string) => HYPOTHETICAL.test(s) || IF_OPENING.test(s) || isLesson(s);
// A lesson to the listeners states no pitch either: "An intentional walk, for those who don't know, is when ...",
// "It's like a walk, only ...", "a walk doesn't count as an at-bat, I'll explain it later". (Only where its words are.)
const LESSON = /\b(?:is when (?:you|a|an|the|he|she|they|it)|it's like (?:an?|the) |(?:doesn'?t|does not|don'?t|do not) count as|i'll explain|for the uninitiated)\b/;
const LESSON_WORDS = [" when ", "'s like ", "count as", "explain", "uninitiated"];
const isLesson = (s: string) => LESSON_WORDS.some((w) => s.includes(w)) && LESSON.test(s);
// The booth's greetings are no hypotheses: "If you're just joining us, ...", "If you blinked, you missed it".
const IF_OPENING = /^\s*(?:(?:and|but|so|now|well),? )?if\b(?! you(?:'re| are)? (?:just )?(?:joining|tuning)| you blinked| you(?:'re| are) keeping score)/;
const HYPOTHETICAL = /\b(?:in (?:any other|most|a lot of|many) (?:weather|parks?|ballparks?|stadiums?|buildings?|years?|nights?)|if (?:i'm|i am|i were|i was|(?:you're|you are)(?! (?:just )?(?:joining|tuning)| keeping score))|i'd|i would|you'd|you would|(?:might|would|could|should|will|'ll) (?:want|like|need|look for|expect|be looking)|(?:they|he|we|you|team|club|manager|skipper|defense) (?:needs|wants|need|want|are hoping for|is hoping for) (?:an?|the) (?:ground ?ball|grounder|double play|strikeout|fly ?ball|hit|walk|big hit))\b/;
/**
 * Quoted speech of at least three words given to a speaker ("Dee: \"...\"", "he says, \"...\""), or opening a sentence
 * with no speaker named (the booth's second voice, after the call: "Struck him out. \"He had no chance on that.\""):
 * the colour man's aside.
 */
const QUOTED = /(?:[a-z.'-]+:|\b(?:says|said|tells|told|notes|noted|adds|added|jokes|joked|quips|quipped|laughs|asks|asked|puts it|wonders|quote)\b[^".!?\u201c]{0,25}?|(?<=^|[.!?…]))\s*("[^"]*?\s[^"]*?\s[^"]*?"|\u201c[^\u201d]*?\s[^\u201d]*?\s[^\u201d]*?\u201d)/g;
const blankQuoted = (text: string) =>
  // Most paragraphs quote no one: the pattern, which tries a speaker at every word, is run only where a quote mark is.
  text.includes('"') || text.includes("\u201c") ? text.replace(QUOTED, (all, q: string) => all.slice(0, all.length - q.length) + " ".repeat(q.length)) : text;

/**
 * The paragraph with what is said of other occasions blanked out (same length): quoted asides, sentences about
 * other times ("touched 101 last week", "91 in his warm-up tosses") and pitches imagined ("If I'm him, I throw the
 * change"). Narrower than `blankOtherTimes`: his day so far ("tonight") stays, so a speed said with it ("his fastest
 * pitch tonight, 99") still counts.
 */
export function blankOtherOccasions(text: string): string {
  return blankedSentences(text).otherOccasions;
}
/**
 * Quoted asides, and a clause about the batter's past inside the call ("Pena, who doubled in the 2nd, takes ball one"):
 * the clause goes, the call stays. It looks back when set off by commas with its verb in the past, or when it names
 * another time or an inning wherever it ends.
 */
// Asked twice of one paragraph (for its calls, and for its speed): read it once.
const blankAsides = recentAnswers(readAsides);
function readAsides(text: string): string {
  let s = blankQuoted(text);
  // A relative clause starts with "who": the pattern runs only where one can be.
  if (s.includes("who")) {
    // (The clause goes, the stop that ends it stays: the sentence after it is still a sentence of its own.)
    s = s.replace(LOOKING_BACK_CLAUSE, (c, who: string, end: string) =>
      ((end === "," || who.includes(",")) && PAST_VERB.test(who)) || OTHER_TIMES.test(who) || EARLIER_PLAY.test(who) || MONTH.test(who) || /\bthe \d{1,2}(?:st|nd|rd|th)\b/.test(who) ? " ".repeat(c.length - 1) + end : c);
  }
  return s
    // A clause dated by a month ("called up from Double-A in June,") is about then; the rest of the sentence stays.
    // What a hitter likes or struggles with ("who likes the fastball up") is his taste, not this pitch: from the verb on.
    .replace(PREFERENCE, (c) => " ".repeat(c.length))
    // So is one that says where a play came from: "the home run man from the 8th", "that lone run from the 1st".
    .replace(/[^,.;!?:…]+/g, (c) => (MONTH.test(c) || /\bfrom the \d{1,2}(?:st|nd|rd|th)\b(?! base)/.test(c) ? " ".repeat(c.length) : c));
}
const PREFERENCE = /\b(?:likes|loves|prefers|hates|feasts on|struggles (?:with|against)|can't hit|cannot hit|has trouble with|has had trouble with)\b[^,.;!?:…]*/g;
/** A month: the game is in one of them, a clause naming one is about another day. */
const MONTH = /\b(?:in|since|during|back in|early|late) (?:march|april|may|june|july|august|september|october)\b/;
/** ", who ...," or ", who ... ." — a relative clause, with how it ends. */
// A list of past verbs goes on with the clause: ", who singled, went down looking and lined out."
const LOOKING_BACK_CLAUSE = /,\s*(who\b[^,.;!?…]*(?:,\s*(?:and\s+)?(?:[a-z]+ed|went|struck|hit|drew|flew|got|was|had)\b[^,.;!?…]*)*)([,.;!?…])/g;
const PAST_VERB = /\b(?:[a-z]+ed|drove|hit|won|threw|stole|ran|was|had|got|came|went|took|made|beat|broke|led)\b/;
/**
 * A play told again as a thing done: "the double play gets them out of it", "on the sacrifice fly by Ruiz": like a
 * scorer's ruling, it is this paragraph's pitch only when the paragraph shows a pitch ("Pena scores on the single by Ruiz!").
 */
const RETOLD = /(?:^\s*|\b(?:on|after|with|by) )the (?:sacrifice fly|sac fly|sacrifice bunt|double play|triple play|fielder's choice|home run|homer|grand slam|single|double|triple|walk|wild pitch|passed ball|error|steal)\b(?:(?= by [a-z])|(?= (?:gets|got|puts|put|gave|gives|makes|made|ties|tied|brings|brought|cuts|cut|leaves|left|ends|ended)\b))/;
// ("Down swinging for the 2nd time tonight" is this pitch, counted among his night's.)
// "1 for 2 today with a double", "31 homers on the year", "he's already singled", "the sac fly that tied it",
// "after that double play", "Marlowe's homer, Webb's sac fly".
const EARLIER_PLAY = /\b(?:(?:he|she)(?:'s| has) (?:already )?(?:homered|singled|doubled|tripled|walked|struck out|fanned|flied out|grounded out|been hit)|(?<!\d(?:st|nd|rd|th) times? )(?:today|tonight)|on the (?:year|season|night|day)|so far|already|\d+[\s-]for[\s-]\d+|(?:1st|2nd|3rd|4th|last|previous|other) (?:time up|times up|trip|at-bat|plate appearance)|\d+ (?:home runs|homers|hrs|doubles|triples|rbis|steals|stolen bases|strikeouts|saves|wins)|(?:struck out|fanned|walked|whiffed) \d+\b|struck out the side|(?:struck out|homered|singled|doubled|tripled|walked|fanned|grounded out|flied out) (?:twice|\d+ times)|(?:aboard|on base|got on|is on) (?:on|via|with|by virtue of|thanks to) (?:a|an|his|that|the) |gave up (?:a|an|\d+) |threw \d+ pitches|in \d+ (?:starts|games|outings|trips|at-bats)|that (?:tied|won|gave|put|broke|made) it|after (?:that|the|his) (?:double play|homer|home run|walk|single|double|triple|strikeout|error|play|comebacker|grounder|liner|line drive|fly ball|bunt|hit|catch|steal|stolen base|wild pitch|hit-by-pitch|foul ball)|(?!(?:it|that|he|she|there|here|what|who|let)'s)[a-z]+'s (?:[a-z0-9-]+ )?(?:homer|home run|double|single|triple|sac fly|sacrifice fly|double play|knock|blast|rbi|hit)|that (?:single|double|triple|homer|home run|walk|strikeout|hit|catch|play|double play) (?:was|is|gives|gave|makes|made|puts|put)|[a-z]+'s (?:pitching |final |stat )?line(?=:)|\d+ hit (?:batsm[ae]n|batters?))\b/;
// "He singled home the only run in the 4th."
// "He went the other way for a single in the first inning."
const PAST_IN_AN_INNING = /\b(?:singled|doubled|tripled|homered|walked|struck out|grounded|flied|lined|popped|scored|drove|plunked|beaned|hit by a pitch|went|had|got|drew)\b.*\bin the \d{1,2}(?:st|nd|rd|th)\b/;


const COUNT_IN_WORDS = /\b(?:\d|no|an?) (?:balls?,? (?:and |with )?(?:\d|no|an?) strikes?|strikes?,? (?:and )?(?:\d|no|an?) balls?)\b/g;
const CODED = new RegExp(`(?:^|[|/])\\s*(${Object.keys(RESULT_CODES).join("|")})\\s*(?=[|/]|$)`, "g");
// A pitch named, then its speed: "Sinker, 91, ", "Slider ", "Cutter at 88 ".
const TERM_THEN = `^(?:[\\s,:;—–-]+(?:(?:at )?\\d{2,3}(?:\\.\\d)?(?: mph)?[\\s,:;—–-]+)?|\\s+at \\d{2,3}(?:\\.\\d)?,?\\s+)`;
// Then where it went: "Sinker, away.", "Slider low.", "Cutter — low", "Hook, in the dirt".
const AFTER_TERM = new RegExp(`${TERM_THEN}(?:(?:and |but )?(?:it's |it is )?)(?:just |a little |a bit |way |well |up and |down and )?(${MISS_LOCATION})\\b`);
// Or where it crossed the zone, and nothing more: "Cutter, 93, on the black.", "Hook, 77, drops in."
const IN_ZONE_AFTER_TERM = new RegExp(`${TERM_THEN}(${ZONE_LOCATION})`);

/** `t` with its characters from `start` to `end` turned into "x" (a word still, but no call). */
const blank = (t: string, start: number, end: number) => t.slice(0, start) + "x".repeat(end - start) + t.slice(end);

/** Every result cue in a lower-cased, number-normalized paragraph, in reading order. */
export function findResultCues(text: string): ResultMention[] {
  let lower = blankOtherTimes(text);
  // A pitch's name is not a call: "a fast ball, low" is no ball yet, a "spiked curve" no spiked pitch.
  // It stays a word ("x" letters), so "bounces the slider to first" still reads as a ball hit somewhere.
  const terms = findPitchTerms(lower);
  for (const term of terms) lower = blank(lower, term.index, term.index + term.text.length);
  // A count said in words ("3 balls and a strike") is no call: "a strike" in it calls nothing.
  lower = lower.replace(COUNT_IN_WORDS, (c) => " ".repeat(c.length));
  const found: ResultMention[] = [];
  // A pitch named, then where it went: "Sinker, away.", "Slider low.", "Cutter — low", "Hook, in the dirt".
  for (const term of terms) {
    const after = lower.slice(term.index + term.text.length, term.index + term.text.length + 40);
    const m = AFTER_TERM.exec(after);
    if (m) found.push({ cue: "Ball", index: term.index + term.text.length + m.index, phrase: m[1]! });
    const z = m ? null : IN_ZONE_AFTER_TERM.exec(after);
    if (z) found.push({ cue: "take", index: term.index + term.text.length + z[0].length - z[1]!.length, phrase: z[1]! });
  }
  // Scorer's pitch codes between separators: "| B |", "/ F /", "/ X".
  const coded = CODED;
  coded.lastIndex = 0;
  let c: RegExpExecArray | null;
  while ((c = coded.exec(lower)) !== null) found.push({ cue: RESULT_CODES[c[1]!]!, index: c.index + c[0].indexOf(c[1]!), phrase: c[1]! });
  for (const [cue, re, words] of CUES) {
    if (words !== null && !hasAny(lower, words)) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(lower)) !== null) found.push({ cue, index: m.index, phrase: m[0] });
  }
  // Sentence-initial "Ball." / "Ball, low." / "Strike!" — the terse call.
  // Also right after the pitch is named: "The 2-1 pitch, ball, outside."
  // The call as the last clause of a comma list, after where and how fast: "Sinker, 91, on the hands, strike.",
  // "inside, ball.", "Cutter, called, 1 and 1" (a bare "called" is a called strike).
  for (const [cue, word, re] of [
    ["Ball", "ball", /(?:^|[.!?;:]\s+|\b(?:pitch|offering|delivery),\s+)(ball)(?=[\s,.!;-])(?! (?:game|club|park|field|players?|girl|boy|hawk)\b)/g],
    ["strike", "strike", /(?:^|[.!?;:]\s+|\b(?:pitch|offering|delivery),\s+)(strike)(?=[\s,.!;-])/g],
    ["Ball", "ball", /(?:[,—–]|\s-|\.\.\.|…)\s*(ball)(?=\s*(?:[.!;,…]|$))/g],
    ["strike", "strike", /(?:[,—–]|\s-|\.\.\.|…)\s*(strike)(?=\s*(?:[.!;,…]|$))/g],
    ["Strike", "called", /(?:^|[.!?;:,—–…]\s*)(called)(?=\s*(?:[.!;,…]|$))/g],
  ] as const) {
    // Each pattern calls one word: a paragraph without it is not searched.
    if (!lower.includes(word)) continue;
    let m: RegExpExecArray | null;
    while ((m = re.exec(lower)) !== null) found.push({ cue, index: m.index + m[0].length - m[1]!.length, phrase: m[1]! });
  }
  // A scorer's ruling heading a sentence, and a play told again as done, mark the cues they hold.
  RULING.lastIndex = 0;
  let r: RegExpExecArray | null;
  while ((r = RULING.exec(lower)) !== null) {
    const at = r.index + r[0].length;
    for (const f of found) if (f.index >= r.index && f.index < at) f.ruling = true;
  }
  const sentences = /[^.!?]+/g;
  while ((r = sentences.exec(lower)) !== null) {
    if (!RETOLD.test(r[0])) continue;
    const at = r.index + r[0].length;
    for (const f of found) if (f.index >= r.index && f.index < at) f.ruling = true;
  }
  return found.sort((a, b) => a.index - b.index);
}

// Outcomes of whole plate appearances told in the past tense: a list of them is a recap, not a pitch.
const OUTCOME = /\b(?:singled|doubled|tripled|homered|walked|struck out|fanned|flied out|flew out|grounded (?:out|into)|lined out|popped (?:out|up)|fouled out|reached (?:on|base)|was hit by|hit into|sacrificed)\b/g;
const RECAP_WORD = /\b(?:recap|summary|summing up|in the inning|that inning|the half(?:-inning)?|end of|through \d|after \d|line ?score|box score)\b/;

/** Whether the paragraph sums up several plays ("Pike singled, Winslow struck out, Beaumont grounded into a double play"). */
export function isRecap(lower: string): boolean {
  return recapOnce(lower);
}
// Asked twice of one paragraph (for its pitch, and for its names): read it once.
const recapOnce = recentAnswers((lower: string): boolean => {
  // His day so far ("he's homered, he's singled") is no recap of the inning.
  const n = (blankOtherTimes(lower).match(OUTCOME) ?? []).length;
  return n >= 3 || (n >= 2 && RECAP_WORD.test(lower));
});

/**
 * Whether the paragraph sums up rather than calls a pitch: it opens on a half-inning's end ("End of six.",
 * "Middle of the 5th", "After 7, ...") or lists plays as nouns ("a walk, a double and a sacrifice fly"). Read for the
 * pitch fields only: such a paragraph may still name the pitcher a manager visits.
 */
export function summarizesPlays(lower: string): boolean {
  if (RECAP_OPENING.test(lower)) return true;
  // A half-inning's line: "no runs, one hit, one left on", "one run, two hits, no errors".
  if (lower.includes(" hit") && LINE_SCORE.test(lower)) return true;
  // The list needs three play nouns: most paragraphs have fewer, and the list pattern (which tries a word before a
  // noun at every character) is run only on those that have them.
  const text = blankOtherTimes(lower);
  return (text.match(PLAY_NOUN_WORD) ?? []).length >= 3 && RECAP_LIST.test(text);
}

const LINE_SCORE = /\b(?:no|\d+) runs?, (?:no|\d+) hits?,? (?:and )?(?:no|\d+) (?:errors?|left|lob)\b/;
// "Final from the park:", "Final, in ten:": the game summed up.
const RECAP_OPENING = /^\s*(?:so,? |and |well,? )?(?:that'll do it (?:for|in) (?:the )?(?:top|bottom|half|inning|frame|\d)|(?:that's |that is |it's )?(?:the )?(?:final(?: score)?(?: (?:from|at|in) [^:,.!?]{1,40})?[:,]|end of (?:the )?(?:\d|top|bottom|half|inning)|middle of (?:the )?(?:\d|inning)|after \d{1,2}(?:[,.;:!]| (?:complete|full)| innings?\b)|through \d{1,2}(?:[,.;:!]| (?:complete|full)| innings?\b)|we are through|we're through|in the books|[a-z]+(?:'s|s'|') \d{1,2}(?:st|nd|rd|th)(?: inning)?:))/;
// Plays listed as nouns, three or more: "a walk, a double and a sacrifice fly", "a groundout, a strikeout and a fly to center".
const PLAY_NOUNS = "walk|single|double|triple|homer|home run|strikeout|groundout|ground ball|grounder|flyout|fly ?ball|fly|pop-?up|popout|lineout|liner|sacrifice fly|sac fly|sacrifice bunt|error|hit batter|hit batsman|wild pitch|stolen base|double play|fielder's choice|bunt single";
const PLAY_NOUN = `(?:an? |the )?(?:[0-9a-z-]+ )?(?:${PLAY_NOUNS})s?\\b[^,.;:!?]{0,24}?`;
const PLAY_NOUN_WORD = new RegExp(`(?:${PLAY_NOUNS})s?\\b`, "g");
const RECAP_LIST = new RegExp(`(?:${PLAY_NOUN}(?:, and |, | and )){2,}${PLAY_NOUN}(?:[.;!?]|$)`);
