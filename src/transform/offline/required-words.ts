/**
 * Words one of which every match of a pattern must contain, read from its source: a text with none of them cannot
 * match, so the pattern need not be run on it (a substring test costs far less than a failed search). Null when the
 * source has a branch with no word it must contain, or syntax this reader does not know (then the pattern always runs).
 * Conservative: only literal characters that every match consumes count; lookarounds, classes, escapes other than an
 * escaped punctuation mark, and anything optional or repeated count for nothing. For patterns without the `i` flag.
 */
export function requiredWords(source: string): string[] | null {
  let at = 0;
  const fail = () => {
    throw new Error("unknown");
  };
  // A branch list: every branch must give words; the union is the answer.
  const alternation = (): string[] | null => {
    const out: string[] = [];
    let ok = true;
    for (;;) {
      const words = sequence();
      if (words === null) ok = false;
      else out.push(...words);
      if (source[at] !== "|") break;
      at++;
    }
    return ok ? [...new Set(out)] : null;
  };
  // A sequence: the best of its mandatory literal runs and its mandatory groups' word sets.
  const sequence = (): string[] | null => {
    const candidates: string[][] = [];
    let run = "";
    const endRun = () => {
      if (run !== "") candidates.push([run]);
      run = "";
    };
    while (at < source.length && source[at] !== "|" && source[at] !== ")") {
      const c = source[at]!;
      let literal: string | null = null;
      let group: string[] | null = null;
      let zeroWidth = false;
      if (c === "(") {
        at++;
        let look = false;
        if (source.startsWith("?:", at)) at += 2;
        else if (source.startsWith("?=", at) || source.startsWith("?!", at)) [at, look] = [at + 2, true];
        else if (source.startsWith("?<=", at) || source.startsWith("?<!", at)) [at, look] = [at + 3, true];
        else if (source[at] === "?") fail();
        const inner = alternation();
        if (source[at] !== ")") fail();
        at++;
        if (look) zeroWidth = true;
        else group = inner ?? [];
      } else if (c === "[") {
        at++;
        if (source[at] === "^") at++;
        if (source[at] === "]") at++;
        while (at < source.length && source[at] !== "]") at += source[at] === "\\" ? 2 : 1;
        if (source[at] !== "]") fail();
        at++;
      } else if (c === "\\") {
        const e = source[at + 1];
        if (e === undefined) fail();
        at += 2;
        if (/[bB]/.test(e!)) zeroWidth = true;
        else if (/[dDsSwW]/.test(e!)) { /* a class */ }
        else if (/[.\-\/?*+()[\]{}|^$\\'"!:,;&#%=<>~@`]/.test(e!)) literal = e!;
        else fail();
      } else if (c === "^" || c === "$") {
        at++;
        zeroWidth = true;
      } else if (c === ".") {
        at++;
      } else if (/[*+?{]/.test(c)) {
        fail();
      } else {
        at++;
        literal = c;
      }
      // The quantifier, if any: optional or repeated makes the item count for nothing (a "+" keeps one occurrence).
      let mandatory = !zeroWidth;
      let single = true;
      const q = source[at];
      if (q === "?" || q === "*") {
        at++;
        mandatory = false;
      } else if (q === "+") {
        at++;
        single = false;
      } else if (q === "{") {
        const m = /^\{(\d+)(,\d*)?\}/.exec(source.slice(at));
        if (!m) fail();
        at += m![0].length;
        if (Number(m![1]) === 0) mandatory = false;
        single = false;
      }
      if (q === "?" || q === "*" || q === "+" || q === "{") {
        if (source[at] === "?") at++; // a lazy quantifier
      }
      if (literal !== null && mandatory && single) {
        run += literal;
        continue;
      }
      endRun();
      if (literal !== null && mandatory) candidates.push([literal]);
      if (group !== null && mandatory && group.length > 0) candidates.push(group);
    }
    endRun();
    if (candidates.length === 0) return null;
    // The rarest-looking choice: the longest shortest word, then the fewest words.
    const score = (ws: string[]) => Math.min(...ws.map((w) => w.length)) * 100 - ws.length;
    return candidates.reduce((best, c) => (score(c) > score(best) ? c : best));
  };
  try {
    const words = alternation();
    if (at !== source.length || words === null) return null;
    // A word with another of the list in it adds nothing: a text that has it has the other.
    return words.filter((w) => !words.some((o) => o !== w && w.includes(o)));
  } catch {
    return null;
  }
}
