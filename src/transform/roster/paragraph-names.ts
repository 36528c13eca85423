import type { InningHalf } from "../../domain/index";
import { parseInning } from "../offline/game-state-parser";
import { grammarNames, isStopWord } from "../offline/name-grammar";
import { foldName, surnameOf } from "../offline/name-parser";
import { normalizeNumbers } from "../offline/number-words";

/** What one paragraph says about people: who pitches, who bats (by the grammar of the call), every full name. */
export interface ParagraphNames {
  /** The half-inning, as stated or carried from the paragraphs before. */
  half: InningHalf | null;
  pitcher: string | null;
  batter: string | null;
  /** Every capitalized run of two or more words that can be a person's name ("Luis Ortega", "J. Ortega"). */
  fullNames: string[];
  /** Capitalized words after "the" ("the Otters", "the Bison"): team nicknames, counted later over the whole game. */
  teamWords: string[];
  /** Names a role word stands next to: "lefty Soto", "switch-hitter Diaz", "shortstop Lin". */
  cues: Array<{ name: string; cue: "throws-left" | "throws-right" | "bats-left" | "bats-right" | "bats-switch" | "pinch-hitter" | "position"; value?: string }>;
  /** A pitching change: the paragraph's pitcher is coming in. */
  change: boolean;
}

const WORD = "\\p{Lu}(?:\\.|[\\p{L}'’-]+)";
const FULL_NAME = new RegExp(`(?<![\\p{L}])${WORD}(?:\\s+(?:de|del|van|von|da|${WORD}))*\\s+\\p{Lu}[\\p{L}'’-]+(?:\\s+(?:Jr\\.?|Sr\\.?|II|III|IV))?`, "gu");
const TEAM_WORD = /\b[Tt]he\s+(\p{Lu}\p{Ll}{2,})\b(?![\s-]+\p{Lu})/gu;
const POSITIONS: Record<string, string> = {
  catcher: "C", "first baseman": "1B", "second baseman": "2B", "third baseman": "3B", shortstop: "SS",
  "left fielder": "LF", "center fielder": "CF", "centre fielder": "CF", "right fielder": "RF", "designated hitter": "DH",
};
const CUES: Array<[RegExp, ParagraphNames["cues"][number]["cue"]]> = [
  [/\b(?:lefty|left-hander|lefthander|southpaw|left-handed (?:pitcher|reliever|starter)),?\s+$/i, "throws-left"],
  [/\b(?:righty|right-hander|righthander|right-handed (?:pitcher|reliever|starter)),?\s+$/i, "throws-right"],
  [/\b(?:switch[\s-]hitter|switch[\s-]hitting)\s+$/i, "bats-switch"],
  [/\b(?:left-handed (?:hitter|batter|bat)|lefty swinger|left-handed-hitting)\s+$/i, "bats-left"],
  [/\b(?:pinch[\s-]hitter|pinch[\s-]hitting|pinch[\s-]hit(?:s|ting)? for \S+)\s+$/i, "pinch-hitter"],
];
// The same said after the name, in apposition: "Gideon Faulk, the lefty", "Pablo Echeverría, the switch-hitter",
// "Trey Mabry, a right-handed sinker-baller", "Luis Ibáñez, the Otters catcher", "Rusty Kowalczyk will pinch-hit".
const APPOSITION = "^(?:'s)?,\\s+(?:the |a |an |their |our |his )?(?:[\\p{L}-]+\\s+){0,2}?";
const AFTER_CUES: Array<[RegExp, ParagraphNames["cues"][number]["cue"]]> = [
  [new RegExp(`${APPOSITION}(?:lefty|left-hander|lefthander|southpaw|left-handed (?!hitter|batter|bat\\b)[\\p{L}-]+)`, "iu"), "throws-left"],
  [new RegExp(`${APPOSITION}(?:righty|right-hander|righthander|right-handed (?!hitter|batter|bat\\b)[\\p{L}-]+)`, "iu"), "throws-right"],
  [new RegExp(`${APPOSITION}switch[\\s-]hitt(?:er|ing)`, "iu"), "bats-switch"],
  [new RegExp(`${APPOSITION}(?:left-handed (?:hitter|batter|bat)|lefty (?:swinger|bat|hitter))`, "iu"), "bats-left"],
  [/^,?\s+(?:will |is going to |comes up to |is sent up to )?pinch[\s-]hits?\b/i, "pinch-hitter"],
  // "Webb, batting right-handed", "Keel bats left", "Fenn, who hits from the left side": the side he bats from here.
  [/^(?:,\s+(?:who |now )?)?\s*(?:(?:bats|batting|will bat) (?:from the )?left(?:-handed|y| side)?\b|(?:hits|hitting|swings|swinging) (?:from the left|left-handed)\b)/i, "bats-left"],
  [/^(?:,\s+(?:who |now )?)?\s*(?:(?:bats|batting|will bat) (?:from the )?right(?:-handed|y| side)?\b|(?:hits|hitting|swings|swinging) (?:from the right|right-handed)\b)/i, "bats-right"],
  [/^(?:,\s+(?:who )?)?\s*(?:throws|throwing|pitches) left(?:-handed|y)?\b/i, "throws-left"],
];
const POSITION_AFTER = new RegExp(`${APPOSITION}(catcher|first baseman|second baseman|third baseman|shortstop|left fielder|cent(?:er|re) fielder|right fielder|designated hitter)\\b`, "iu");

const CHANGE = /pitching change|to the bullpen|from the bullpen|out of the bullpen|in comes|comes in to pitch|new pitcher|now pitching|takes over on the mound|takes the ball|relieve[sd]?\b|replac(?:es|ing)|summon/i;

/** Drop the words of the call a capitalized run may start with ("Here Luis Ortega" → "Luis Ortega"). */
function trimName(raw: string): string | null {
  const words = raw.replace(/[’]/g, "'").replace(/'s$/, "").split(/\s+/);
  while (words.length > 0 && isStopWord(words[0]!)) words.shift();
  while (words.length > 0 && isStopWord(words[words.length - 1]!)) words.pop();
  return words.length >= 1 ? words.join(" ") : null;
}

/**
 * Read one paragraph for roster discovery: no reference tables, only the grammar of the call and
 * the shapes of names. `carriedHalf` is the half-inning the paragraphs before it left off in.
 */
export function readParagraphNames(text: string, carriedHalf: InningHalf | null): ParagraphNames {
  const lower = normalizeNumbers(text);
  const inning = parseInning(lower, text);
  const g = grammarNames(text, []);
  const fullNames: string[] = [];
  for (const m of text.matchAll(FULL_NAME)) {
    const name = trimName(m[0]);
    if (name && name.includes(" ")) fullNames.push(name);
  }
  const teamWords = [...text.matchAll(TEAM_WORD)].map((m) => m[1]!);
  const cues: ParagraphNames["cues"] = [];
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])(${WORD}(?:\\s+${WORD})?)`, "gu"))) {
    const before = text.slice(Math.max(0, (m.index ?? 0) - 40), m.index);
    const name = trimName(m[1]!);
    if (!name) continue;
    for (const [re, cue] of CUES) if (re.test(before)) cues.push({ name, cue });
    const after = text.slice((m.index ?? 0) + m[1]!.length, (m.index ?? 0) + m[1]!.length + 50);
    for (const [re, cue] of AFTER_CUES) if (re.test(after)) cues.push({ name, cue });
    const pos = /\b(catcher|first baseman|second baseman|third baseman|shortstop|left fielder|cent(?:er|re) fielder|right fielder|designated hitter)\s+$/i.exec(before) ?? POSITION_AFTER.exec(after);
    // A lineup card: "Nico Ferraro CF", "Ferraro (CF)".
    const code = /^,?\s*\(?(C|1B|2B|3B|SS|LF|CF|RF|DH)\b(?!['’-])/.exec(after);
    if (pos) cues.push({ name, cue: "position", value: POSITIONS[pos[1]!.toLowerCase().replace("centre", "center")] ?? "" });
    else if (code) cues.push({ name, cue: "position", value: code[1]! });
  }
  return {
    half: inning.half ?? carriedHalf,
    pitcher: g.pitcher && trimName(g.pitcher),
    batter: g.batter && trimName(g.batter),
    fullNames,
    teamWords,
    cues,
    change: CHANGE.test(text),
  };
}

/** The key people are grouped by: the folded surname ("Peña Jr." → "pena"). */
export const personKey = (name: string): string => surnameOf(name);

/** Whether `short` ("Ortega", "L. Ortega") is a form of `full` ("Luis Ortega"). */
export function isFormOf(short: string, full: string): boolean {
  const s = foldName(short).split(" ");
  const f = foldName(full).split(" ");
  if (s[s.length - 1] !== f[f.length - 1]) return false;
  if (s.length === 1) return true;
  const first = s[0]!.replace(/\.$/, "");
  return f[0]!.startsWith(first);
}
