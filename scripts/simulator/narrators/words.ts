/** Numbers, ordinals and counts as broadcasters say them: digits or words. */

const ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
  "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/** 0..199 in words: 97 → "ninety-seven", 101 → "a hundred and one". */
export function numberWord(n: number): string {
  if (n < 20) return ONES[n]!;
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 ? `-${ONES[n % 10]}` : "");
  if (n === 100) return "a hundred";
  return `a hundred and ${numberWord(n - 100)}`;
}

const ORDINAL_WORDS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"];

export function ordinalWord(n: number): string {
  return ORDINAL_WORDS[n] ?? `${n}th`;
}

/** 1 → "1st", 12 → "12th", 22 → "22nd". */
export function ordinalDigits(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

/** "0" as a broadcaster says it in a count. */
function countWord(n: number, oh: boolean): string {
  return n === 0 ? (oh ? "oh" : "no") : numberWord(n);
}

export type CountStyle = "digits" | "hyphen-words" | "long" | "and-words";

/** A count in one of several spoken forms: "2-1", "two-and-one", "two balls and one strike", "oh-and-two". */
export function countText(balls: number, strikes: number, style: CountStyle): string {
  switch (style) {
    case "digits":
      return `${balls}-${strikes}`;
    case "hyphen-words":
      return `${countWord(balls, true)}-and-${countWord(strikes, true)}`;
    case "and-words":
      return `${countWord(balls, true)} and ${countWord(strikes, true)}`;
    case "long": {
      const b = balls === 0 ? "no balls" : `${numberWord(balls)} ball${balls === 1 ? "" : "s"}`;
      const s = strikes === 0 ? "no strikes" : `${numberWord(strikes)} strike${strikes === 1 ? "" : "s"}`;
      return `${b} and ${s}`;
    }
  }
}

export function capitalize(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

/** Join clauses into one paragraph, making sure each sentence starts upper-case and ends with a stop. */
export function sentence(s: string): string {
  const t = capitalize(s.trim());
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
