import { NUMBER_ORDINALS, NUMBER_TENS, NUMBER_UNITS, ZERO_WORDS } from "./lexicon";

/**
 * Numbers in words → digits, so every later parser matches one form only.
 * "ninety-five" → "95", "a hundred and one" → "101", "one-oh-two" → "102",
 * "seventh" → "7th", "oh-and-two" → "0-and-2".
 */
const UNITS = NUMBER_UNITS;
const TENS = NUMBER_TENS;
const ORDINALS = NUMBER_ORDINALS;

const UNIT_WORDS = Object.keys(UNITS).sort((a, b) => b.length - a.length).join("|");
const TEN_WORDS = Object.keys(TENS).join("|");
const ORDINAL_WORDS = Object.keys(ORDINALS).sort((a, b) => b.length - a.length).join("|");
const SMALL_UNITS = "one|two|three|four|five|six|seven|eight|nine";

// "ninety-five", "ninety five", "ninety"
const TENS_RE = new RegExp(`\\b(${TEN_WORDS})(?:[\\s-](${SMALL_UNITS}))?\\b`, "g");
// "a hundred and one", "one hundred two", "hundred"
// ("one" is already "1" when this runs: the units pass goes first.)
const HUNDRED_RE = new RegExp(`\\b(?:(?:a|one|1)[\\s-])?hundred(?:[\\s-](?:and[\\s-])?(\\d{1,2}))?\\b`, "g");
// radio style "one-oh-one", "one-oh-two"
const ONE_OH_RE = new RegExp(`\\bone[\\s-]oh[\\s-](${SMALL_UNITS})\\b`, "g");
const UNIT_OR_ORDINAL_RE = new RegExp(`\\b(?:${UNIT_WORDS}|${ORDINAL_WORDS})\\b`, "g");
const TENS_ANY = new RegExp(`\\b(?:${TEN_WORDS})`);
const ZERO_ANY = new RegExp(`\\b(?:${ZERO_WORDS})\\b`);
const ZERO_BEFORE = new RegExp(`\\b(?:${ZERO_WORDS})(?=[\\s-]+(?:(?:to|and)[\\s-]+)?(?:${ZERO_WORDS}|\\d)\\b)`, "g");
const ZERO_AFTER = new RegExp(`(\\d[\\s-]+(?:(?:to|and)[\\s-]+)?)(?:${ZERO_WORDS})\\b`, "g");
const TENS_ORDINAL_RE = new RegExp(`\\b(${TEN_WORDS})[\\s-](${ORDINAL_WORDS})\\b`, "g");

/** Standard suffix for an ordinal number: 1st, 2nd, 3rd, 4th, 11th, 21st. */
export function ordinalSuffix(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  const mod10 = n % 10;
  return `${n}${mod10 === 1 ? "st" : mod10 === 2 ? "nd" : mod10 === 3 ? "rd" : "th"}`;
}

/**
 * Lower-case the text, unify dashes and apostrophes, and write every number as digits.
 *
 * @example
 * normalizeNumbers("Ninety-five on the gun, oh-and-two") // "95 on the gun, 0-and-2"
 */
export function normalizeNumbers(text: string): string {
  let s = text
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, " ");
  // Each pass only where its words can be (most paragraphs have no "hundred", no "oh", no "nil").
  const oh = s.includes("oh");
  if (oh) s = s.replace(ONE_OH_RE, (_m, u: string) => String(100 + UNITS[u]!));
  if (TENS_ANY.test(s)) {
    s = s.replace(TENS_ORDINAL_RE, (_m, t: string, o: string) => ordinalSuffix(TENS[t]! + ORDINALS[o]!));
    s = s.replace(TENS_RE, (_m, t: string, u?: string) => String(TENS[t]! + (u ? UNITS[u]! : 0)));
  }
  // Units and ordinals in one pass ("one out in the first" → "1 out in the 1st").
  s = s.replace(UNIT_OR_ORDINAL_RE, (w: string) => (w in UNITS ? String(UNITS[w]!) : ordinalSuffix(ORDINALS[w]!)));
  if (s.includes("hundred")) s = s.replace(HUNDRED_RE, (_m, rest?: string) => String(100 + (rest ? Number(rest) : 0)));
  if (oh) {
    // "oh" as zero only where a count or score follows: "oh-and-2", "oh-2", "oh and 1".
    s = s.replace(/\boh([\s-]+and[\s-]+)oh\b/g, "0$10");
    // "Here's the oh-oh", "an oh-oh count": the first pitch's count said without "and".
    s = s.replace(/\b(the |an? )oh([\s-])oh\b/g, "$10$20").replace(/\boh([\s-])oh(?= (?:pitch|count|offering|delivery)\b)/g, "0$10");
    s = s.replace(/\boh(?=[\s-]+(?:and[\s-]+)?\d\b)/g, "0");
    s = s.replace(/\b(\d[\s-]+(?:and[\s-]+)?)oh\b/g, "$10");
  }
  if (ZERO_ANY.test(s)) {
    // "nothing and two", "nought and nought", "one-nil": zero words, only next to another number.
    s = s.replace(ZERO_BEFORE, "0");
    s = s.replace(ZERO_AFTER, "$10");
  }
  return s;
}
