import type { InningHalf } from "../../domain/index";
import { NUMBER_ORDINALS, NUMBER_UNITS } from "../offline/lexicon";

// A break between halves names the half just played, in digits or in words, as an ordinal or as innings played:
// "middle of the 5th", "mid-sixth", "end of six", "after five full", "after 7 innings", "through eight and a half",
// and, opening the paragraph, "After nine," / "Through four:". Each says which half comes next.
const NUMBER = `(\\d{1,2}|${[...Object.keys(NUMBER_ORDINALS), ...Object.keys(NUMBER_UNITS)].join("|")})`;
const SUFFIX = "(?:st|nd|rd|th)?";
const MIDDLE = new RegExp(`\\bmiddle of (?:the )?${NUMBER}${SUFFIX}\\b|\\bmid-${NUMBER}${SUFFIX}\\b|\\b(?:after|through) ${NUMBER} and a half\\b`);
const END = new RegExp(
  `\\bend of (?:the )?${NUMBER}${SUFFIX}\\b(?! (?:pitch|out|strike|ball))|\\b(?:after|through) ${NUMBER}${SUFFIX} (?:full |complete )?innings\\b|` +
    `\\b(?:after|through) ${NUMBER} (?:full|complete)\\b|^\\W*(?:after|through) ${NUMBER}${SUFFIX}(?=[,:;.—–-])`,
);

const numberOf = (word: string): number => (/^\d/.test(word) ? Number(word) : NUMBER_ORDINALS[word] ?? NUMBER_UNITS[word] ?? NaN);

/**
 * The half a break between halves leads to, from a lower-cased paragraph: "middle of the fifth" and "through four and a
 * half" to the bottom of the 5th, "end of six" and "after five full" to the top of the 6th and the 7th. Null when the
 * paragraph names no break (or an inning past any game's, a number read wrong).
 *
 * @example
 * nextHalfAfterBreak("end of six. larks 4, moles 2.") // { inning: 7, half: "Top" }
 */
export function nextHalfAfterBreak(lower: string): { inning: number; half: InningHalf } | null {
  const middle = MIDDLE.exec(lower);
  if (middle) {
    const words = middle.slice(1).filter(Boolean);
    const n = numberOf(words[0]!);
    // "through four and a half" is the top of the fifth played.
    const inning = middle[3] !== undefined ? n + 1 : n;
    return inning >= 1 && inning <= 30 ? { inning, half: "Bottom" } : null;
  }
  const end = END.exec(lower);
  if (end) {
    const n = numberOf(end.slice(1).find(Boolean)!);
    return n >= 1 && n <= 30 ? { inning: n + 1, half: "Top" } : null;
  }
  return null;
}

const ORDINAL = `(?:\\d+(?:st|nd|rd|th)|${Object.keys(NUMBER_ORDINALS).join("|")})`;
const CARDINAL = `(?:\\d+|${Object.keys(NUMBER_UNITS).join("|")})`;
// Any break between halves, in any case, for the name reader (nobody is at work in a paragraph that names one): wider
// than the breaks the game state moves on above, also "close of the 7th" and "through the top of the third".
const ANY_BREAK = new RegExp(
  `\\b(?:middle|end|close) of (?:the )?${ORDINAL}\\b|\\b(?:middle|end) of ${CARDINAL}(?![\\w-])|\\bmid-${ORDINAL}\\b|` +
    `\\b(?:after|through) (?:the (?:top|bottom) of the ${ORDINAL}|${CARDINAL} (?:full |complete )?innings?|${CARDINAL} (?:full|complete)|${CARDINAL} and a half|${ORDINAL} (?:full |complete )?innings?)\\b|` +
    // Opening on the innings played: "After nine, we go to extras", "Through four: Larks 2, Moles 0".
    `^\\W*(?:after|through) ${CARDINAL}(?=[,:;.—–-])`,
  "i",
);

/** Whether `text` names a break between halves ("middle of the fifth", "after three full innings", "Through four:"). */
export const saysInningBreak = (text: string): boolean => ANY_BREAK.test(text);
