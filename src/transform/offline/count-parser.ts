import { PITCH_CODE, PITCH_NAME } from "./lexicon";
import { postPitchCount, type Count, type PitchResult } from "../../domain/index";

export type { Count };

/** Whether a count in the text is the one the pitch was thrown on, the one after it, or unclear. */
export type CountRole = "pre" | "post" | "unknown";

export interface CountMention {
  balls: number | null;
  strikes: number | null;
  index: number;
  role: CountRole;
}


// Nouns that make a number pair a count ("a 2-1 slider"), scorer's pitch codes included ("1-0 FF 96").
const PITCH_NOUN = `(?:pitch|offering|delivery|toss|count|seamer|breaking ball|offspeed|${PITCH_NAME}|${PITCH_CODE}\\b)`;
/** A pitch noun right after a count ("2-1 slider"): the count the pitch is thrown on. */
const PITCH_NOUN_NEXT = new RegExp(`^[\\s-]*${PITCH_NOUN}`);
// Words right before a count that say it is the count *after* the pitch.
const POST_BEFORE = new RegExp(
  "(?:now|makes? it|made it|goes to|go to|went to|moves? to|moved to|runs? (?:it |the count )?(?:to|at)|ran (?:it |the count )?to|" +
    "brings? (?:it|the count|him) (?:to|back to)|puts? (?:him|it|the count|them) (?:in|at|to)(?: an?)?|evens? (?:it|things|the count|the at-bat)(?: up)?(?: at)?|evened (?:it|things)(?: up)?(?: at)?|" +
    "that makes it|leaves? (?:it|the count|him) at|to|count (?:is now|goes|moves|runs|climbs|becomes|jumps|falls|evens|now)(?: now| up)?(?: at| to)?|" +
    "falls? behind|fell behind|gets? ahead|got ahead|jumps? ahead|it's|that's|and it's|count now|and the count|stays|remains|" +
    // The count moving said as a trip: "and we go 2-and-1", "here we go, 3-2", "it goes 1-1".
    "\\b(?:we|it|count|and|so) (?:go|goes|went|are at|sit at|stand at))[\\s,:]*$",
);
const PRE_BEFORE = /(?:(?:on|with|throws|deals|delivers|fires) (?:an?|the|his)|\bon(?: the)?|with the count(?: at)?|count at|count of|count (?:was|had been|stood at|sat at)|working (?:a|the)?|from|ahead|behind|even at|in an?|at)[\s,:]*$/;
const COUNT_CONTEXT = /(count|pitch|offering|delivery|ahead|behind|even|evens|makes? it|made it|now|still|\bon(?: an?| the)?|in an?|at|balls?|strikes?|stays|remains|\b(?:we|it|count|and|so) (?:go|goes|went))[\s,:]*$/;
// Whole words: "fouled" and "called" end in "led", but lead nothing.
// (A pitch on the "outside edge" is where it crossed, not a team's edge.)
const SCORE_CONTEXT = /\b(lead|leads|leading|led|tied|tie|trail|trails|trailing|up|down|score|scored|game|win|winning|lose|losing|ahead by|(?<!(?:outside|inside|outer|inner|upper|lower|top|bottom) )edge|margin|inning|innings|final|runs?)\b[^.;]{0,14}$/;

function side(word: string): number | null {
  if (word === "no" || word === "0") return 0;
  if (word === "a" || word === "an") return 1;
  const n = Number(word);
  return Number.isInteger(n) ? n : null;
}

function roleOf(before: string, after: string): CountRole {
  // "Called strike, for a 1-2 count": the count the pitch made.
  if (/\bfor an?\s*$/.test(before) && /^[\s-]*count\b/.test(after)) return "post";
  if (PITCH_NOUN_NEXT.test(after)) return "pre";
  if (/^\s*(?:stays|remains)\b/.test(after)) return "pre";
  if (POST_BEFORE.test(before)) return "post";
  // "Ball one, and he's behind, 1-0": where he stands now, said after the call or before it; the position decides.
  if (/\b(?:he's|she's|he is|is|now|they're|we're)\s+(?:ahead|behind)[\s,:]*$/.test(before)) return "unknown";
  if (PRE_BEFORE.test(before)) return "pre";
  return "unknown";
}

/** A count read, kept when it is one an at-bat can have. (At module level: tsx names each closure, a cost per paragraph.) */
function pushCount(found: CountMention[], balls: number | null, strikes: number | null, index: number, role: CountRole): void {
  if (balls !== null && (balls < 0 || balls > 4)) return;
  if (strikes !== null && (strikes < 0 || strikes > 3)) return;
  found.push({ balls, strikes, index, role });
}

/**
 * Every ball–strike count in a lower-cased, number-normalized paragraph:
 * "2-1", "2 and 1", "0-and-2", "2 balls and a strike", "full count", "first pitch" (0-0),
 * ("ball 3" / "strike 2" alone are calls, not counts).
 */
export function findCounts(lower: string): CountMention[] {
  const found: CountMention[] = [];
  const pairs = /(?<![\d.:-])([0-4])(?:\s*-\s*|\s+and\s+|-and-|\s*–\s*)([0-3])(?!\d|:\d|\s*(?:runs?|lead|innings?|outs?|games?|record|deficit|advantage|margin|edge|in favor|on the (?:day|night|season|year)))/g;
  let m: RegExpExecArray | null;
  while ((m = pairs.exec(lower)) !== null) {
    const before = lower.slice(Math.max(0, m.index - 40), m.index);
    const after = lower.slice(m.index + m[0].length, m.index + m[0].length + 25);
    const clause = before.split(/[.;!?]/).pop() ?? "";
    // Four balls and three strikes is no count an at-bat reaches: "Still 4-3 here", "4-3 Dredgers" tell the score.
    // (Said as where things stand, "It's 4-3 now", it is kept as read: the score it may be needs its team.)
    if (m[1] === "4" && m[2] === "3" && !/(?:it's|that's|makes it|now)\s*$/.test(before)) continue;
    // "Here's the one-two", "The 1-0, a changeup", "One-two to Brugger...": the count the pitch is thrown on.
    // "Here's the one-one." and "Marlowe's one-one is a splitter": the pitch thrown on that count.
    const calledPitch = (/\bthe\s*$/.test(before) && /^(?:[,:]|\s+(?:to|into|toward|through|up|down|over|past|back|on|off|from)\b|\s*(?:\.\.\.|…)|\s+is\b|\s+pitch)/.test(after)) ||
      (/\b(?:here's|here is|here comes) the\s*$/.test(before) && /^\s*[.!:]/.test(after)) || (/[a-z]'s\s*$/.test(before) && (/^\s+is\b/.test(after) || (/^,/.test(after) && !/\b(?:that|it|here|there|he|she|what|who|let)'s\s*$/.test(before)))) ||
      // A count opening the sentence, then the pitch: "Two-and-oh and Pena bloops one...", "One-one... outside", said again
      // as it was before ("Two and two again... slider").
      (/(?:^|[.!?]\s*)$/.test(before) && /^(?:\s+again)?(?:\s+to\s+[a-z]|\s*(?:\.\.\.|…)|\s+and\s+(?!\d)[a-z]+ [a-z]+s\b)/.test(after));
    // "That's two and one": a count said as one, after the pitch ("and" pairs are counts; scores say "to").
    // "And we're one and one": the count where the at-bat stands; before the call or after it, the position decides.
    const saidAsCount = /\band\b/.test(m[0]) && /(?:that's|makes it|it's|now|we're|we are)\s*$/.test(before);
    // "Oh-and-two on Pettibone": a count on a batter.
    const onBatter = /^\s+on\s+[a-z]/.test(after) && !/^\s+on\s+(?:the|a|an|his|her|their|our|its|this|that|these|those|base|1st|2nd|3rd|top|road|home)\b/.test(after);
    // "Down 0-2", "behind 1-2": a score is said larger number first, so the smaller first after "down" is a count.
    const behindInCount = /\b(?:down|behind)\s*$/.test(before) && Number(m[1]) < Number(m[2]);
    const countish = calledPitch || saidAsCount || onBatter || behindInCount || /^\s+in the count\b/.test(after) || COUNT_CONTEXT.test(before) || PITCH_NOUN_NEXT.test(after) || /count/.test(clause) || /^[\s,]*(?:(?:is )?the count|count|now|stays|remains)\b/.test(after);
    // A pitch named right after ("on a 3-1 cutter") makes it a count whatever came before ("pop up to 2nd").
    const scoreish = (SCORE_CONTEXT.test(before) && !behindInCount && !PITCH_NOUN_NEXT.test(after)) || /^\s*(?:lead|game|win|edge|advantage|deficit|final|in favor)/.test(after);
    if (!countish || (scoreish && !/count|pitch/.test(clause + after.slice(0, 16)))) continue;
    pushCount(found, Number(m[1]), Number(m[2]), m.index, calledPitch && !POST_BEFORE.test(before) ? "pre" : roleOf(before, after));
  }
  // A count standing alone as a clause: "Two and two." / "| 1-0 |" / "So it's 1-2." / "2-2 again."
  const bare = /(?:^|[.!?;:|,/]\s*)(?:(?:so |and )?(?:it's |that's |still |now |we're |we are )?)([0-3])(?:\s*-\s*|\s+and\s+|-and-)([0-2])(?=(?:\s+again)?\s*(?:[.!?;:|,/]|$|\s+to\s+[a-z])|\s+-\s)/g;
  while ((m = bare.exec(lower)) !== null) {
    const at = m.index + m[0].search(/\d/);
    if (found.some((f) => f.index === at)) continue;
    const before = lower.slice(Math.max(0, at - 40), at);
    if (SCORE_CONTEXT.test(before)) continue;
    // "Three-one, Foxes.": a pair and then a team's name (a plural noun) closing the sentence is the score.
    if (/^,\s*(?:the\s+)?(?!folks\b|friends\b|fans\b)[a-z]+s\s*[.!]/.test(lower.slice(m.index + m[0].length))) continue;
    pushCount(found, Number(m[1]), Number(m[2]), at, /(?:now|it's|that's)\s*$/.test(before) ? "post" : "unknown");
  }
  const evens = /\b(?:evens?|evening|evened) (?:it |things |the count |the at-bat )?(?:up )?at (\d)\b|\b(?:it's |count )even at (\d)\b/g;
  while ((m = evens.exec(lower)) !== null) pushCount(found, Number(m[1] ?? m[2]), Number(m[1] ?? m[2]), m.index, "post");
  const words = /\b(\d|no|an?) balls?,? (?:and |with )?(\d|no|an?) strikes?\b/g;
  while ((m = words.exec(lower)) !== null) {
    const before = lower.slice(Math.max(0, m.index - 40), m.index);
    pushCount(found, side(m[1]!), side(m[2]!), m.index, roleOf(before, lower.slice(m.index + m[0].length)));
  }
  const reversed = /\b(\d|no|an?) strikes?,? (?:and )?(\d|no|an?) balls?\b/g;
  while ((m = reversed.exec(lower)) !== null) {
    const before = lower.slice(Math.max(0, m.index - 40), m.index);
    pushCount(found, side(m[2]!), side(m[1]!), m.index, roleOf(before, lower.slice(m.index + m[0].length)));
  }
  const full = /\b(?:full[\s-]count|payoff pitch|(?:count's|count is|we're|we are|they're|they are|it's) (?:now )?full|(?:here's|here is|here comes) the payoff|(?:count|it|things) (?:is |goes |runs |moves |now |is now |to )*full|runs? (?:it|the count) full|ran (?:it|the count) full|full,|count full)\b/g;
  while ((m = full.exec(lower)) !== null) {
    const before = lower.slice(Math.max(0, m.index - 40), m.index);
    const phrase = m[0];
    // "The count's full." before the call is the count it is thrown on; the position decides ("unknown").
    const role: CountRole = /^(?:count's|count is|we're|we are|they're|they are|it's)/.test(phrase) ? "unknown" : /payoff|full[\s-]count (?:pitch|offering|delivery)/.test(phrase) || /(?:on|with|from|at) (?:an?|the)\s*$/.test(before)
      ? "pre"
      : /(?:count|it|things|runs?|ran) /.test(phrase) || POST_BEFORE.test(before) ? "post" : "unknown";
    pushCount(found, 3, 2, m.index, role);
  }
  const first = /\b(?:1st|opening|leadoff|lead-off)[\s-](?:pitch|offering|delivery|toss)|\bleads? off with (?:an?|the)\b|\bto start (?:him|the at-bat|things) off\b|\bopens? (?:the at-bat|him up)\b/g;
  while ((m = first.exec(lower)) !== null) pushCount(found, 0, 0, m.index, "pre");
  // "Ball three" / "strike two" alone name one side of a count, which is no count: the result cue reads the call.
  return found.sort((a, b) => a.index - b.index);
}

/** The count after a pitch with this result (the shared rule in `src/domain/count-rules.ts`). */
export function applyResult(pre: Count, result: PitchResult): Count {
  return postPitchCount(pre, result);
}

/**
 * The count before a pitch, given the count after it; a two-strike foul is read as "stayed" only when `stayed`,
 * and otherwise leaves the strikes before it unknown (NaN).
 */
export function reverseResult(post: Count, result: PitchResult, stayed: boolean): Count | null {
  switch (result) {
    case "Ball":
      return post.balls >= 1 ? { balls: post.balls - 1, strikes: post.strikes } : null;
    case "Strike":
    case "Swing and miss":
      return post.strikes >= 1 ? { balls: post.balls, strikes: post.strikes - 1 } : null;
    case "Foul":
      // A foul that leaves two strikes came from one strike or two: only "still", "stays" settles which.
      if (post.strikes === 2) return stayed ? { ...post } : { balls: post.balls, strikes: Number.NaN };
      return post.strikes >= 1 ? { balls: post.balls, strikes: post.strikes - 1 } : null;
    default:
      return { ...post };
  }
}
