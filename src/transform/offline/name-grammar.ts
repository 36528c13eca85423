import { NUMBER_ORDINALS, NUMBER_TENS, NUMBER_UNITS, PITCH_NAME } from "./lexicon";
import { findPitchTerms } from "./pitch-vocabulary";

/** A pitch name inside the call's grammar ("Cole's slider", "comes with a hook"). */
const PITCH = `${PITCH_NAME}(?![a-z])`;
const PITCH_WORD = new RegExp(`^${PITCH}$`);

/** Pitcher and batter as written in a paragraph (null when it names none). */
export interface Names {
  pitcher: string | null;
  batter: string | null;
}

const NAME = "(\\p{Lu}(?:\\.|[\\p{L}'’-]+)(?:\\s+(?:\\p{Lu}(?:\\.|[\\p{L}'’-]+)|de|del|de la|van|von|da|Jr\\.?|Sr\\.?|II|III|IV))*)";
const STOP = new Set(
  ("the a an on with ball strike top bottom he his him it that this here and now foul count pitch swing what there they " +
    "two one three four full first second third fourth inning bases runners runner nobody no out outs in at of to for " +
    "off looking swinging called umpire mph " +
    "home away visitors hosts after before but so then just still high low inside outside oh wow yes and, ball, strike, " +
    "we well meanwhile meanwhile, pitching mound visit time score tied leads end middle bot btm t b broadway " +
    "over across back throw relay flip toss " +
    // Pronouns open sentences with a capital too ("You cannot lift that leg"): no one's name.
    "you your you're i i'm me us them she her our their everybody everyone somebody someone").split(" "),
);
const PITCHER_AFTER = `(?:'s? (?:\\w+ )?(?:pitch|offering|delivery|${PITCH})|['’]s (?:working|dealing|throwing|firing|pitching|cruising|rolling)\\b|(?:,[^,.]{3,30},)?\\s(?:delivers|deals|fires|throws|pitches|hurls|comes set|kicks|rears|winds|toes|looks in|gets the sign|uncorks|spins|snaps|serves|reaches back|with (?:a|an|his|the) (?:\\w+[\\s-])?${PITCH}|,[^,.]{3,30}, (?:spins|fires|deals|delivers|throws|snaps|takes over|comes in|enters|jogs in|trots in|is summoned|takes the ball|takes the mound|will pitch)|offers|is on the mound|on the mound|from the stretch|sets|checks the runner|bounces|misses|paints|freezes|buries|drops|spots|challenges|dots|works|starts|gets|pumps|brings|climbs|comes (?:back )?with|goes (?:back )?to (?:the|his) (?:\\w+ )?(?:pitch|${PITCH})|(?:'s|is) working|dials|unleashes|flips|lobs|tosses|feeds|zips|blows|strikes|rings|punches|sits|hits (?:him|the batter)|plunks|drills|walks (?:him|the batter)|comes in|comes on|enters|takes over|jogs in|is summoned|takes the mound|takes the hill|toes the rubber|will pitch|trots in|is coming in|heads to the showers|is done|replaces))`;
const BATTER_AFTER = "(?:,[^,.]{2,30}){0,2},?\\s(?:is up there|is up|steps up|comes up|at the dish|in the box|gets (?:a|an) [\\d.]+|sees (?:a|an)|swings|takes(?! over| the (?:ball|mound|hill|rubber|long walk|walk)| a (?:walk|trip|stroll) (?:out )?to)|fouls|grounds|flies|lines|pops|singles|doubles|triples|homers|watches|checks|lays off|steps in|digs in|at the plate|is at the plate|rips|lofts|chops|hits|drives|smacks|bunts|is hit|gets hit|waves|chases|laces|slaps|launches|crushes|fights|spoils|flails|can't|cannot|taps|tops|skies|bloops|barrels|jumps on|turns on|goes down|strikes out|struck out|is rung up|is caught|draws|earns|walks|works a walk|reaches(?! back)|legs|dumps|sends a|sends (?:a|an|the|it) [a-z -]{0,30}(?:soaring|deep|over|into|out)|rolls|puts|offers at|holds up|is down|is ahead|is behind|batting|up to bat|leads off|is the (?:hitter|batter)|(?:is|was) taking|(?:doesn't|didn't|does not|won't) (?:chase|bite|swing|offer|go))";
const PITCHER_BEFORE = "(?:(?:talk|talks|chat|chats|speak|speaks|confer|confers|visit) with|pitcher|righty|lefty|right-hander|left-hander|righthander|lefthander|southpaw|hurler|reliever|starter|closer|ace|on the mound,?|now pitching:?|pitching:?|arm of|(?<!(?:,|\\b(?:boys|girls|kids|guys|lads|natives?|folks|people|family|brothers|sisters|sons|final|live|back|here|again|years|miles|home|way))\\s)from|(?:steps|digs|stands) in against)\\s";
// ("from" names the pitcher of a pitch, "the heater from Soto", not a place: "the kids from Cedar Rock", "live, from Elm Park".)
const BATTER_BEFORE = "(?:(?:strikes?|balls?|count|pitch|count is \\d-\\d|(?:one|two|three|oh|nothing|\\d)(?:-| and |-and-)(?:one|two|oh|nothing|\\d)) on|batter|hitter|at bat:?|at the plate:?|up is|up:|now batting:?|batting:?|to|faces|facing|vs\\.?|(?:count|full) on|versus|pinch-hitter|pinch hitter|leadoff man|leading off,?|up next,?|next up,?|catcher|shortstop|outfielder|infielder|slugger|rookie|veteran|designated hitter)\\s";

const NUMBER_WORD = new Set([...Object.keys(NUMBER_UNITS), ...Object.keys(NUMBER_TENS), ...Object.keys(NUMBER_ORDINALS), "hundred"]);

/** Whether a capitalized word is a word of the call ("Ball", "Top", "Here") rather than part of a name. */
export function isStopWord(word: string): boolean {
  const lower = word.toLowerCase();
  return STOP.has(lower) || PITCH_WORD.test(lower);
}

function cleanName(raw: string, exclude: ReadonlySet<string>): string | null {
  const words = raw.split(/\s+/);
  while (words.length > 0 && (isStopWord(words[0]!) || exclude.has(words[0]!.toLowerCase()))) words.shift();
  const name = words.join(" ").replace(/['’]s$/, "").replace(/[.,!?:;]+$/, "");
  if (/^(?:one|two|three|oh|zero|no|full)(?:-|$)/i.test(name) || /\d/.test(name)) return null;
  // A number word starting a sentence ("Ninety pitches on the arm") is no name.
  if (NUMBER_WORD.has(name.toLowerCase().split(/[\s-]/)[0]!)) return null;
  if (!name || STOP.has(name.toLowerCase()) || exclude.has(name.toLowerCase())) return null;
  // A pitch's nickname ("Uncle Charlie") is capitalized like a name.
  if (findPitchTerms(name.toLowerCase()).some((t) => t.text.length === name.length)) return null;
  return name;
}

/** Names found by the grammar of the call, and the two sides of a duel ("Redcloud vs. Marsh") in the order written. */
export interface GrammarNames extends Names {
  duel: [string, string] | null;
}

/**
 * Pitcher and batter from the grammar of the call alone ("Cole deals to Judge", "Judge swings",
 * "righty Cole", "Okafor–Okoye"), for players the roster does not know.
 */
// Scorer's "Okafor–Okoye", "Sandoval→Lindqvist", "Ocampo/Quiroga": pitcher first, as in "X to Y".
const SCORER = "\\s?(?:–|→|->|/)\\s?";
/** The call's grammar, compiled once (not per paragraph). */
const GRAMMAR = {
  duel: new RegExp(`${NAME}(?:\\s(?:vs\\.?|versus|against|faces|facing|to|deals to|pitching to|throws to|delivers to)\\s|${SCORER})${NAME}`, "gu"),
  duelBatter: new RegExp(`${NAME}(?:\\s(?:vs\\.?|versus|against|faces|facing|pitching to|deals to|throws to|delivers to)\\s|${SCORER})${NAME}`, "gu"),
  pitcherAfter: new RegExp(`${NAME}${PITCHER_AFTER}`, "gu"),
  pitcherBefore: new RegExp(`(?<![\\p{L}])${PITCHER_BEFORE}${NAME}`, "gu"),
  batterAfter: new RegExp(`${NAME}${BATTER_AFTER}`, "gu"),
  batterBefore: new RegExp(`(?<![\\p{L}])${BATTER_BEFORE}${NAME}`, "gu"),
};

// The first match that is a name: "Slider, 84, and Marlowe swings" first matches "Slider", which is not one.
function findName(re: RegExp, group: number, original: string, exclude: ReadonlySet<string>): string | null {
  // The patterns are global (compiled once), so each search starts from the top.
  const all = re;
  all.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = all.exec(original)) !== null) {
    // Coaches, managers and umpires are named too, but they neither pitch nor bat.
    const at = m.index + m[0].indexOf(m[group]!);
    if (/\b(?:coach|manager|skipper|umpire|ump|partner|announcer|broadcaster|analyst|owner|trainer)\s+$/i.test(original.slice(Math.max(0, at - 14), at))) return null;
    // A job written as a title ("Manager Walt Kizer brings his corners in", "Coach Ames") is no player's first name.
    if (/^(?:Coach|Manager|Skipper|Umpire|Ump|Pitching Coach|Bench Coach|Trainer)\s/.test(m[group]!)) return null;
    // The umpire's call, the crowd's cheers: "not getting that call from Birdsall", "a ruling from Birdsall".
    if (/\b(?:call|calls|ruling|strike zone|zone|word|nod|signal|boos|cheers|ovation) from\s+$/i.test(original.slice(Math.max(0, at - 18), at))) return null;
    // Or named with their job after them: "Pelletier, the plate umpire, rings him up".
    if (/^,\s+(?:the|our|their|his) (?:[\p{L}-]+ ){0,2}(?:coach|manager|skipper|umpire|ump|partner|announcer|broadcaster|analyst|owner|trainer)\b/iu.test(original.slice(at + m[group]!.length, at + m[group]!.length + 50))) return null;
    const name = cleanName(m[group]!, exclude);
    if (name) return name;
    all.lastIndex = m.index + 1; // try again from the next word, not past this match
  }
  return null;
}
// "Charlie" read with the word before it may be a pitch's nickname ("Uncle Charlie"), no one's name.
function fullerName(name: string | null, original: string): string | null {
  const full = name && fullestForm(original, name);
  return full && findPitchTerms(full.toLowerCase()).some((t) => t.text.length === full.length) ? null : full;
}

/** The words of a roster's team names, split once per list rather than once per paragraph. */
const NO_WORDS: ReadonlySet<string> = new Set();
const excludeByTeamWords = new WeakMap<readonly string[], Set<string>>();
const excludedWords = (teamWords: readonly string[]): Set<string> => {
  let exclude = excludeByTeamWords.get(teamWords);
  if (!exclude) {
    exclude = new Set(teamWords.flatMap((t) => t.split(/\s+/)));
    excludeByTeamWords.set(teamWords, exclude);
  }
  return exclude;
};

export function grammarNames(original: string, teamWords: string[]): GrammarNames {
  // (An empty list, passed new each time without a roster, excludes nothing.)
  const exclude = teamWords.length === 0 ? NO_WORDS : excludedWords(teamWords);
  // Each answer is worked out when first asked for: with a roster, most paragraphs need one of them or none.
  const duel = once(() => findName(GRAMMAR.duel, 1, original, exclude));
  const pair = once(() => findName(GRAMMAR.duel, 2, original, exclude));
  const pitcher = once(() => fullerName(findName(GRAMMAR.pitcherAfter, 1, original, exclude) ?? findName(GRAMMAR.pitcherBefore, 1, original, exclude) ?? duel(), original));
  const batter = once(() => fullerName(findName(GRAMMAR.batterAfter, 1, original, exclude) ?? findName(GRAMMAR.batterBefore, 1, original, exclude) ?? findName(GRAMMAR.duelBatter, 2, original, exclude), original));
  const both = once((): [string, string] | null => {
    const d = duel();
    const p = d && pair();
    return d && p ? [d, p] : null;
  });
  return {
    get pitcher() { return pitcher(); },
    get batter() { return batter(); },
    get duel() { return both(); },
  };
}

function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) [value, done] = [compute(), true];
    return value;
  };
}

/** "Harker" said once as "Luis Harker" is written in full: the fullest form in the paragraph. */
function fullestForm(original: string, name: string): string {
  if (/\s/.test(name)) return name;
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(`(?<![\\p{L}])(\\p{Lu}[\\p{L}'’-]+)\\s+${esc}(?![\\p{L}])`, "u").exec(original);
  return m && !STOP.has(m[1]!.toLowerCase()) ? `${m[1]} ${name}` : name;
}


