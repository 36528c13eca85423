import type { Confidence, PitchTypeCode } from "../../domain/index";

/** One way broadcasters name a pitch, and what it means. */
export interface PitchTerm {
  /** Regular-expression source, matched on lower-cased text at word boundaries. */
  pattern: string;
  code: PitchTypeCode;
  /** How sure the word alone makes us: "fastball" is usually a four-seamer, not always. */
  confidence: Confidence;
}

const SEP = "[\\s-]?";

/**
 * The pitch-type vocabulary, most specific first: the first term that matches wins,
 * so "knuckle curve" is read before "curve" and "cut fastball" before "fastball".
 */
export const PITCH_TERMS: PitchTerm[] = [
  { pattern: `knuckle${SEP}curve(?:ball)?s?|spiked?${SEP}curve(?:ball)?s?|knuckle${SEP}curves?`, code: "KC", confidence: "high" },
  { pattern: `(?:4|four)${SEP}seam(?:ed)?(?:er)?s?(?:${SEP}fast${SEP}balls?)?|(?:4|four)${SEP}seamers?`, code: "FF", confidence: "high" },
  { pattern: `(?:2|two)${SEP}seam(?:ed)?(?:er)?s?(?:${SEP}fast${SEP}balls?)?|(?:2|two)${SEP}seamers?`, code: "SI", confidence: "high" },
  { pattern: `sinking${SEP}fast${SEP}balls?|sinkers?|power sinkers?`, code: "SI", confidence: "high" },
  { pattern: `cut${SEP}fast${SEP}balls?|cutters?|cut balls?`, code: "FC", confidence: "high" },
  { pattern: `sweepers?|sweeping sliders?`, code: "ST", confidence: "high" },
  { pattern: `sliders?|slurves?`, code: "SL", confidence: "high" },
  { pattern: `circle${SEP}change(?:${SEP}ups?)?|change${SEP}ups?|changeups?|change of pace`, code: "CH", confidence: "high" },
  { pattern: `split${SEP}finger(?:ed)?(?:${SEP}fast${SEP}balls?)?|splitters?|splitty|splitties|split${SEP}fingers?|forkballs?|fork${SEP}balls?|splits?`, code: "FS", confidence: "high" },
  { pattern: `curve${SEP}balls?|curves?|(?:12|twelve)${SEP}to${SEP}(?:6|six)(?:${SEP}(?:curve(?:ball)?s?|hooks?|benders?))?|yakkers?|uncle charlie|benders?|hooks?|deuces?`, code: "CU", confidence: "high" },
  { pattern: `fast${SEP}balls?|heaters?|high heat|heat|cheese|hard ones?`, code: "FF", confidence: "medium" },
  { pattern: `changes?`, code: "CH", confidence: "medium" },
];

const COMPILED = PITCH_TERMS.map((t) => ({ ...t, re: new RegExp(`(?<![a-z0-9-])(?:${t.pattern})(?![a-z0-9])`, "g") }));

/** A pitch term found in a text, with where it was. */
export interface PitchTermMatch {
  text: string;
  index: number;
  code: PitchTypeCode;
  confidence: Confidence;
}

// Words that look like pitch names but are not, in these phrases.
const FALSE_FRIENDS = [
  /\bpitching changes?\b/g, /\bchange(?:s|d)? (?:pitchers|sides|of pitchers|the (?:pitcher|count))\b/g,
  /\b(?:gets?|got|give[sn]?|gave) (?:him )?the hook\b/g, /\bsplits? the (?:gap|outfielders|defense)\b/g,
  /\bno change\b/g, /\bchange in (?:the )?\w+/g, /\bchanges? (?:speeds|eye levels|his|the|things)\b/g,
  /\bheat (?:index|of the)\b/g, /\b(?:had |have |has |they )?split (?:the|a|their|both|these|those|\d|two|three)\b/g, /\bfeels? the heat\b/g,
];

/**
 * Every pitch term in a lower-cased text, in reading order, without overlaps
 * (the more specific term wins where two overlap).
 */
export function findPitchTerms(lowerText: string): PitchTermMatch[] {
  let masked = lowerText;
  for (const re of FALSE_FRIENDS) masked = masked.replace(re, (m) => " ".repeat(m.length));
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
  if (lower === "four-seam fb" || lower === "ff") return { code: "FF", confidence: "high" };
  // Scorer's abbreviations that are not codes of the reference table.
  const abbreviation: Record<string, PitchTypeCode> = { fb: "FF", ft: "SI", cb: "CU", ct: "FC", sf: "FS", spl: "FS" };
  if (abbreviation[lower]) return { code: abbreviation[lower]!, confidence: lower === "fb" ? "medium" : "high" };
  const matches = findPitchTerms(lower);
  if (matches.length === 0) return null;
  // The most specific match is the one from the earliest vocabulary entry.
  const rank = (m: PitchTermMatch) => PITCH_TERMS.findIndex((t) => new RegExp(`^(?:${t.pattern})$`).test(m.text));
  const best = matches.slice().sort((a, b) => rank(a) - rank(b))[0]!;
  return { code: best.code, confidence: best.confidence };
}
