import type { InningHalf, RawPlay } from "../../domain/index";
import { foldText, surnameOf } from "../offline/name-parser";

/** The two sides' names as the text gives them; "Home" / "Visitors" when it never does. */
export interface DiscoveredTeams {
  home: string;
  away: string;
  /** How each was decided, for the reviewer. */
  evidence: string;
}

interface Sided {
  name: string;
  /** + home, − away. */
  sideVotes: number;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Which nickname is home and which away, from what the text says: "the visiting Otters", "the Otters,
 * the home team", and players named next to their team ("Otters right-hander Soto", "Soto of the Otters"),
 * whose side the half-innings already told. The full name is the longest capitalized run before the
 * nickname that recurs ("the Cedar Falls Otters").
 */
export function discoverTeams(
  plays: readonly RawPlay[],
  halves: readonly (InningHalf | null)[],
  people: readonly Sided[],
  teamWords: ReadonlySet<string>,
): DiscoveredTeams {
  const text = plays.map((p) => p.playbyplay).join("\n");
  const folded = foldText(text).folded;
  const words = [...teamWords];
  const score = new Map<string, number>(words.map((w) => [w, 0]));
  const surnames = people.filter((p) => p.sideVotes !== 0).map((p) => ({ key: surnameOf(p.name), side: Math.sign(p.sideVotes) }));
  for (const w of words) {
    const W = esc(w);
    const count = (re: RegExp) => (folded.match(re) ?? []).length;
    let s = 0;
    s += 5 * count(new RegExp(`\\b(?:home|home-town|hometown|host|host(?:ing)?)\\s+${W}\\b|\\b${W},? (?:the )?(?:home (?:team|side|club|nine)|hosts)\\b|\\b${W} (?:are|were) (?:at )?home\\b`, "g"));
    s -= 5 * count(new RegExp(`\\b(?:visiting|road|visitors?,?)\\s+${W}\\b|\\b${W},? (?:the )?(?:visitors|visiting (?:team|side|club)|road (?:team|side|club)|guests)\\b`, "g"));
    for (const { key, side } of surnames) {
      const K = esc(key);
      s += side * count(new RegExp(`\\b${W}(?:'s?)?\\s+(?:[a-z-]+\\s+){0,2}(?:\\p{L}+\\s+)?${K}\\b|\\b${K},? (?:of|for) the ${W}\\b`, "gu"));
    }
    score.set(w, s);
  }
  // Sentence by sentence: a sentence naming one team and players ("Next up for the Coyotes, Carrow", "Arreola took the
  // mound for the Herons") votes the players' side; one saying the team comes to bat votes the half's batting side.
  plays.forEach((play, i) => {
    for (const sentence of foldText(play.playbyplay).folded.split(/[.!?;]+/)) {
      const named = words.filter((w) => new RegExp(`\\b${esc(w)}\\b`).test(sentence));
      if (named.length !== 1) continue;
      const w = named[0]!;
      let s = 0;
      for (const { key, side } of surnames) if (new RegExp(`\\b${esc(key)}\\b`).test(sentence)) s += side;
      const half = halves[i];
      if (half && new RegExp(`\\b${esc(w)} (?:com(?:e|es|ing) (?:up )?to bat|batting|at bat|need (?:a |some )?(?:base ?runners|runs|a rally))|\\bup for the ${esc(w)}\\b`).test(sentence)) {
        s += half === "Top" ? -2 : 2;
      }
      score.set(w, (score.get(w) ?? 0) + Math.sign(s));
    }
  });
  const fullNameOf = (w: string) => {
    const m = [...text.matchAll(new RegExp(`((?:\\p{Lu}\\p{Ll}+\\s+){0,2})(${esc(w)})\\b`, "giu"))]
      .map((x) => x[0].trim()).filter((x) => /^\p{Lu}/u.test(x));
    const counts = new Map<string, number>();
    for (const n of m) counts.set(n, (counts.get(n) ?? 0) + 1);
    const nick = m.find((x) => x.split(/\s+/).length === 1) ?? w[0]!.toUpperCase() + w.slice(1);
    const full = [...counts].filter(([n, c]) => n.includes(" ") && c >= 1 && !/^(?:The|And|But|So|As)\s/.test(n)).sort((a, b) => b[0].length - a[0].length)[0];
    return full?.[0] ?? nick;
  };
  const ranked = words.slice().sort((a, b) => (score.get(b) ?? 0) - (score.get(a) ?? 0));
  if (ranked.length >= 2) {
    const [home, away] = [ranked[0]!, ranked[ranked.length - 1]!];
    const sure = (score.get(home) ?? 0) > (score.get(away) ?? 0);
    return { home: fullNameOf(home), away: fullNameOf(away), evidence: sure ? `text votes home ${score.get(home)}, away ${score.get(away)}` : "no evidence which side is home: check" };
  }
  if (ranked.length === 1) {
    const only = ranked[0]!;
    const s = score.get(only) ?? 0;
    return s >= 0 ? { home: fullNameOf(only), away: "Visitors", evidence: "one team named" } : { home: "Home", away: fullNameOf(only), evidence: "one team named" };
  }
  return { home: "Home", away: "Visitors", evidence: "the text names no team" };
}
