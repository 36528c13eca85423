import type { Confidence, PitchTypeCode } from "../../domain/index";
import { recentAnswers } from "../../util/recent-answers";
import { PITCH_FALSE_FRIENDS, PITCH_TERMS, SCORER_CODES, codeConfidence, type PitchTerm } from "./lexicon";

export { PITCH_TERMS, type PitchTerm };


/** All the terms in one pattern, group i + 1 being term i: one scan of the text finds them all. */
const ANY_TERM = new RegExp(`(?<![a-z0-9-])(?:${PITCH_TERMS.map((t) => `(${t.pattern.replace(/\((?!\?)/g, "(?:")})`).join("|")})(?![a-z0-9])`, "g");
/** The false friends in one pattern, masked in one pass. */
const ANY_FALSE_FRIEND = new RegExp(PITCH_FALSE_FRIENDS.map((re) => re.source).join("|"), "g");
/** A word every false friend has in it: a text with none of them has nothing to mask (most paragraphs). */
const FALSE_FRIEND_WORDS = ["change", "hook", "split", "heat", "hammer", "gas"];

/** A pitch term found in a text, with where it was. */
export interface PitchTermMatch {
  text: string;
  index: number;
  code: PitchTypeCode;
  confidence: Confidence;
}

/**
 * Every pitch term in a lower-cased text, in reading order, without overlaps
 * (the more specific term wins where two overlap).
 */
export function findPitchTerms(lowerText: string): readonly PitchTermMatch[] {
  return recentTerms(lowerText);
}
// The parsers of one paragraph ask about the same text several times in a row: remember the last few answers.
const recentTerms = recentAnswers(scanPitchTerms, 8);

function scanPitchTerms(lowerText: string): readonly PitchTermMatch[] {
  const masked = FALSE_FRIEND_WORDS.some((w) => lowerText.includes(w)) ? lowerText.replace(ANY_FALSE_FRIEND, (m) => " ".repeat(m.length)) : lowerText;
  const found: PitchTermMatch[] = [];
  ANY_TERM.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ANY_TERM.exec(masked)) !== null) {
    // Where several terms match at one place, the earliest term of the vocabulary (the most specific) wins.
    const t = m.findIndex((g, i) => i > 0 && g !== undefined) - 1;
    const term = PITCH_TERMS[t]!;
    found.push({ text: lowerText.slice(m.index, m.index + m[0].length), index: m.index, code: term.code, confidence: term.confidence });
  }
  return found;
}

/**
 * Map a pitch-type phrase as written ("filthy 12-to-6 hook", "Four-Seam FB") to its code.
 * Null when no term of the vocabulary is in it.
 */
export function lookupPitchTerm(text: string): { code: PitchTypeCode; confidence: Confidence } | null {
  const lower = text.toLowerCase().replace(/[\u2010-\u2015]/g, "-").trim();
  if (lower === "") return null;
  if (lower === "four-seam fb") return { code: "FF", confidence: "high" };
  // A scorer's code written alone ("SL", "FB").
  const code = SCORER_CODES[lower];
  if (code) return { code, confidence: codeConfidence(lower) };
  const matches = findPitchTerms(lower);
  if (matches.length === 0) return null;
  // The most specific match is the one from the earliest vocabulary entry.
  const rank = (m: PitchTermMatch) => PITCH_TERMS.findIndex((t) => new RegExp(`^(?:${t.pattern})$`).test(m.text));
  const best = matches.slice().sort((a, b) => rank(a) - rank(b))[0]!;
  return { code: best.code, confidence: best.confidence };
}
