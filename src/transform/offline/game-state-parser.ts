import type { InningHalf } from "../../domain/index";

// "Middle of the 5th" sums up the top half just ended, "end of the 5th" the bottom half (the next half is the game state's).
// (At module level: a closure made on every paragraph costs under tsx, which keeps each named function's name.)
const halfWord = (w: string): InningHalf | null =>
  /^(?:top|1st|visitors'?|visiting|road|away|upper|middle)$/.test(w) ? "Top" : /^(?:bottom|bot|btm|2nd|home|lower|end)$/.test(w) ? "Bottom" : null;

/** Inning and half from "top of the 7th", "bottom 9", "B9", "home half of the 3rd", "in the 10th". */
export function parseInning(lower: string, original: string): { number: number | null; half: InningHalf | null } {
  // "the last of the 7th" is the home half, as old radio put it; "the home nine" is a team, not an inning.
  const last = /\blast (?:half )?of the (\d{1,2})(?:st|nd|rd|th)\b/.exec(lower);
  if (last) return { number: Number(last[1]), half: "Bottom" };
  let m = /\b(top|bottom|bot|btm|1st|2nd|home|visitors'?|visiting|road|away|upper|lower|middle|end)(?: half)?(?: of)?(?: the)? (\d{1,2})(st|nd|rd|th)?\b(?! (?:pitch|out|run|batter|base))/.exec(lower);
  const sideWord = m !== null && /^(?:1st|2nd|home|visitors'?|visiting|road|away|upper|lower)$/.test(m[1]!);
  if (m && !(sideWord && !/half/.test(m[0]) && !(m[3] && /^(?:home|visitors'?|visiting|road|away)$/.test(m[1]!)))) {
    // "That will end the 10th" is a verb: the half is not said.
    return { number: Number(m[2]), half: /^(?:middle|end)$/.test(m[1]!) && !/ of\b/.test(m[0]) ? null : halfWord(m[1]!) };
  }
  m = /(?<![A-Za-z])([TB])(\d{1,2})\b/.exec(original) ?? /([▲▼])\s?(\d{1,2})\b/.exec(original);
  if (m) return { number: Number(m[2]), half: m[1] === "T" || m[1] === "▲" ? "Top" : "Bottom" };
  const half = /\b(top|bottom) (?:half|of (?:the|this) (?:inning|frame))\b/.exec(lower);
  m = /\b(\d{1,2})(?:st|nd|rd|th)[\s-](?:inning|frame|stanza|canto)\b/.exec(lower) ??
    /\b(?:in|of|into|through|during) the (\d{1,2})(?:st|nd|rd|th)\b(?! (?:\d+ innings|pitch|out|base|baseman|batter|time|straight|consecutive|hit|strike|ball|run|homer|of the))/.exec(lower) ??
    /\binning (?:no\.? |number )?(\d{1,2})\b/.exec(lower) ??
    /\b(?:start|open|begin|lead off) the (\d{1,2})(?:st|nd|rd|th)\b/.exec(lower);
  return { number: m ? Number(m[1]) : null, half: half ? halfWord(half[1]!) : null };
}

/**
 * Outs before the pitch: "one out", "two down", "nobody out", "a two-out walk". Post-play outs are skipped:
 * marked as such ("that's two out") or standing as their own sentence after the play's result (at `after`).
 */
export function parseOuts(lower: string, after = Infinity): { outs: number | null; postOuts: number | null } {
  const re = /\b(\d|no|nobody|none)[\s-](?:men |man )?(?:outs?|down|away|gone)\b/g;
  let m: RegExpExecArray | null;
  let postOuts: number | null = null;
  while ((m = re.exec(lower)) !== null) {
    const before = lower.slice(Math.max(0, m.index - 20), m.index);
    const n = /^\d$/.test(m[1]!) ? Number(m[1]) : 0;
    if (n > 3) continue;
    // "one" as a pronoun, not a count: "sit this one out", "knock that one down", "put another one away".
    if (/\b(?:this|that|which|each|every|any|another)\s*$/.test(before)) continue;
    // Said after the play's result ("... twin killing! Two down."), or marked as a result, it is the outs after the play.
    // "There's one out" before the play is the situation; after it, what the play left.
    if (/(?:that's|that is|makes it|now|for|that'll be|and that's|which is)\s*$/.test(before) || (m.index > after && /there's\s*$/.test(before)) || n === 3 || (m.index > after && /(?:^|[.!?,;:])\s*$/.test(lower.slice(0, m.index)))) {
      postOuts = n;
      continue;
    }
    return { outs: n, postOuts };
  }
  const ordinal = /\b(?:for|that's|that is|records?|gets?|is) the (1st|2nd|3rd|final|last) out\b/.exec(lower);
  if (ordinal) postOuts = ordinal[1] === "final" || ordinal[1] === "last" ? 3 : Number(ordinal[1]![0]);
  return { outs: null, postOuts };
}

const BASE = "(1st|2nd|3rd)(?: base)?";
const BASE_LIST = new RegExp(`${BASE}(?:(?:,| and|,? &| plus)(?: at| on)? ${BASE})?(?:(?:,| and|,? &)(?: at| on)? ${BASE})?`);
const ORDER = ["1B", "2B", "3B"];
const toCode = (base: string) => `${base[0]}B`;

const LISTED = new RegExp(
  `\\b(?:runners?|men|man|baserunners?|runner's|a runner|a man|somebody|someone|aboard|occupied|position|[a-z.'-]+|(?<=\\band )1),? (?:at|on|in) ${BASE_LIST.source}|\\brunners? ${BASE_LIST.source}`,
  "g",
);
const RUNNER_LEAD = new RegExp(
  `\\b(?:(?:leading|leads|dancing|dances|edging|edges|wandering|wanders|creeping|creeps|straying|strays|inching|inches|an? (?:[a-z]+ ){0,2}?lead|(?:his|her) (?:[a-z]+ ){0,2}?lead|steps?|'s) off|(?:his|her|a|an) (?:[a-z]+ ){0,2}?lead from|(?:jogs|jogging|trots|trotting|scampers|scampering|dives|diving|scrambles|scrambling|goes|going|heads|heading|has to go|had to go) back (?:to|into)|has to retreat to|had to retreat to|retreats to|(?:a |an )?(?:good |great |big |late |bad )?jump from|breaks from|broke from) ${BASE}`,
  "g",
);
const RUN_AT = new RegExp(`\\b(?:tying|winning|go-ahead|insurance|lead) run (?:at|on|in scoring position at) ${BASE}`, "g");
const BARE = new RegExp(`(?:^|with |, |(?<=[.!?:;] ))${BASE} and ${BASE}(?:,| with| \\d out| and \\d out|$)`, "g");

function listToRunners(found: string[]): string {
  const set = new Set(found.map(toCode));
  return ORDER.filter((b) => set.has(b)).join(",") || "None";
}

/** A base state read at `index`, unless it is the state a play left, said after the play's result. (Module level: see halfWord.) */
function addRunners(candidates: RunnerCandidate[], lower: string, after: number, index: number, value: string, atThePitch = false): void {
  const before = lower.slice(Math.max(0, index - 25), index);
  // Marked as the state the play left, or a clause of its own after the play's result ("twin killing! Bases empty").
  const post = /(?:now|leaving|leaves|puts|putting|moves?|advances?|sets? up|which means|and that's)\b[^.;]{0,12}$/.test(before);
  const afterPlay = !atThePitch && index > after && /[.!?,;:]\s*$/.test(lower.slice(0, index));
  if (!afterPlay) candidates.push({ index, value, post });
}
type RunnerCandidate = { index: number; value: string; post: boolean };

/**
 * Occupied bases before the pitch as "1B,3B" (or "None"): "runners at first and third", "bases loaded",
 * "a man on second", "bases empty", "runners on the corners", "Smith on 2nd". A state reached by the play
 * itself ("loads the bases", "now runners on 1st and 2nd") is skipped when an earlier one is given.
 */
export function parseRunners(lower: string, after = Infinity): string | null {
  const candidates: RunnerCandidate[] = [];
  // (Named apart: some loops below have an \`after\` of their own, the words after a match.)
  const resultAt = after;
  const loaded = /\b(?:bases (?:are |now )?(?:loaded|full|juiced|packed|jammed|filled)|(?:bags|sacks) (?:are )?(?:full|loaded|packed|juiced)|loaded bases|full house|with the bases loaded|bases-loaded|(?:every|each) (?:base|bag) (?:is )?(?:occupied|taken|filled)|runners? (?:on|at) (?:every|each) (?:base|bag))\b/g;
  const empty = /\b(?:bases (?:are )?(?:empty|clear|cleared|unoccupied)|empty bases|nobody on|no one on|no 1 on|none on|nobody aboard|no runners?(?: on| aboard)?|clean bases|bases (?:are )?clean|bases-empty)\b/g;
  const corners = /\b(?:runners?|men|guys|ducks|traffic) (?:at|on) the corners|corners (?:are )?occupied|on the corners\b/g;
  let m: RegExpExecArray | null;
  while ((m = loaded.exec(lower)) !== null) addRunners(candidates, lower, resultAt, m.index, "1B,2B,3B");
  while ((m = empty.exec(lower)) !== null) addRunners(candidates, lower, resultAt, m.index, "None");
  while ((m = corners.exec(lower)) !== null) addRunners(candidates, lower, resultAt, m.index, "1B,3B");
  // The bases by name: most paragraphs name none, and need no look for a list of them.
  const namesBases = /[123](?:st|nd|rd)/.test(lower);
  const listed = LISTED;
  listed.lastIndex = 0;
  while (namesBases && (m = listed.exec(lower)) !== null) {
    const before = lower.slice(Math.max(0, m.index - 12), m.index);
    // "slaps it past Ruiz at 3rd", "a grounder by Ruiz at 2nd": the fielder the ball went by, not a runner.
    if (/\b(?:throws?|threw|to|into|toward|towards|at|between|through|past|by|beyond|behind|off)\s*$/.test(before)) continue;
    if (/\b(?:throws?|threw|fires?|runs?|hustles?|slides?|safe|out|beats it|reaches?|stops?|holds?|pulls? up|cruises?) (?:at|on|in|into) /.test(m[0])) continue;
    // "Pena stands at 3rd" before the call is where he is; after it, where the play left him.
    if (/\bstands? (?:at|on|in) /.test(m[0]) && m.index > after) continue;
    // "Carvalho left stranded at 2nd": where the half ended, not a situation at a pitch.
    if (/^(?:stranded|left)\b/.test(m[0])) continue;
    const bases = [m[1], m[2], m[3]].filter((b): b is string => !!b);
    // "a man on 2nd and 1 out" — the list stops at the bases.
    addRunners(candidates, lower, resultAt, m.index, listToRunners(bases));
  }
  // A runner placed by his lead or by his way back: "leading off 1st", "a step off 3rd", "jogs back to 2nd".
  const leading = RUNNER_LEAD;
  leading.lastIndex = 0;
  // Said after the call too, these still say where he was when the pitch came ("..., and Smith has to retreat to 1st").
  while (namesBases && (m = leading.exec(lower)) !== null) {
    // "Pena leads off 2nd" is a runner; "leads off the 2nd" or "leads off 2nd inning" is the batter opening an inning.
    if (/^leads/.test(m[0]) && /^\s*(?:inning|frame)/.test(lower.slice(m.index + m[0].length))) continue;
    addRunners(candidates, lower, resultAt, m.index, listToRunners([m[1]!]), true);
  }
  // "The tying run at 2nd": a runner named by what he means to the score.
  const running = RUN_AT;
  running.lastIndex = 0;
  while (namesBases && (m = running.exec(lower)) !== null) addRunners(candidates, lower, resultAt, m.index, listToRunners([m[1]!]));
  const bare = BARE;
  bare.lastIndex = 0;
  while (namesBases && (m = bare.exec(lower)) !== null) addRunners(candidates, lower, resultAt, m.index, listToRunners([m[1]!, m[2]!]));
  // Scorecard notation: "| 1B,2B |", "runner 3B", "2 out 1B,3B", "2B occupied", "(1B 2B 3B)"; not "1B to LF" (a single).
  const codes = /(?<![\w-])([123]b)(?:\s*(?:,|&|\band\b|\s)\s*([123]b))?(?:\s*(?:,|&|\band\b|\s)\s*([123]b))?(?![\w-])/g;
  while ((m = codes.exec(lower)) !== null) {
    const before = lower.slice(Math.max(0, m.index - 25), m.index);
    const after = lower.slice(m.index + m[0].length, m.index + m[0].length + 12);
    if (/^\s*(?:to|into|up|down|through|past|over|off|for)\b/.test(after) || /\b(?:to|at|into|toward|towards|by|from)\s*$/.test(before)) continue;
    if (!/(?:^|[|/(]|\bouts?,?|\brunners?|\bm[ae]n|\bon|\boccupied:?|\bbases:?)\s*$/.test(before) && !/^\s*(?:occupied|[|/)]|[.;]|$)/.test(after)) continue;
    const bases = [m[1], m[2], m[3]].filter((b): b is string => !!b).map((b) => `${b[0]}${b[0] === "1" ? "st" : b[0] === "2" ? "nd" : "rd"}`);
    addRunners(candidates, lower, resultAt, m.index, listToRunners(bases));
  }
  const emptyCode = /\b(?:\d|no) outs?,? (?:bases )?empty\b|(?:^|[|/])\s*empty\s*(?=[|/]|$)/g;
  while ((m = emptyCode.exec(lower)) !== null) addRunners(candidates, lower, resultAt, m.index, "None");
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => a.index - b.index);
  const pre = candidates.filter((c) => !c.post);
  // Mentions of several runners one by one ("Smith on 2nd, Jones on 1st") add up.
  const chosen = pre.length > 0 ? pre : candidates;
  const first = chosen[0]!;
  if (first.value === "None" || first.value === "1B,2B,3B") return first.value;
  const sameSentence = chosen.filter((c) => c.value !== "None" && c.value !== "1B,2B,3B" && !/[.;!?]/.test(lower.slice(first.index, c.index)));
  return listToRunners(sameSentence.flatMap((c) => c.value.split(",")).map((b) => `${b[0]}${b[0] === "1" ? "st" : b[0] === "2" ? "nd" : "rd"}`));
}
