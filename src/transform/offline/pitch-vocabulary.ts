import type { Confidence, PitchTypeCode } from "../../domain/index";
import { PITCH_FALSE_FRIENDS, PITCH_TERMS, SCORER_CODES, codeConfidence, type PitchTerm } from "./lexicon";

export { PITCH_TERMS, type PitchTerm };


const COMPILED = PITCH_TERMS.map((t) => ({ ...t, re: new RegExp(`(?<![a-z0-9-])(?:${t.pattern})(?![a-z0-9])`, "g") }));

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
  // The parsers of one paragraph ask about the same text several times in a row: remember the last few answers.
  const cached = recentTerms.get(lowerText);
  if (cached) return cached;
  const found = scanPitchTerms(lowerText);
  if (recentTerms.size >= 8) recentTerms.delete(recentTerms.keys().next().value!);
  recentTerms.set(lowerText, found);
  return found;
}
const recentTerms = new Map<string, readonly PitchTermMatch[]>();

function scanPitchTerms(lowerText: string): readonly PitchTermMatch[] {
  let masked = lowerText;
  for (const re of PITCH_FALSE_FRIENDS) masked = masked.replace(re, (m) => " ".repeat(m.length));
  const taken: boolean[] = new Array(masked.length).fill(false);
  const found: PitchTermMatch[] = [];
  for (const term of COMPILED) {
    term.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = term.re.exec(masked)) !== null) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.slice(start, end).some(Boolean)) continue;
      for (let i = start; i < end; i++) taken[i] = true;
      found.push({ text: lowerText.slice(start, end), index: start, code: term.code, confidence: term.confidence });
    }
  }
  return found.sort((a, b) => a.index - b.index);
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
