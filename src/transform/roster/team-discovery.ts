import type { InningHalf, RawPlay } from "../../domain/index";
import { isStopWord } from "../offline/name-grammar";
import { foldName, foldText, surnameOf } from "../offline/name-parser";

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

/** One side as the text names it: its nicknames ("jackrabbits", "rabbits"), and its city ("prairie city"), folded. */
interface Side {
  nicknames: string[];
  cities: string[];
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Words a capitalized run before a nickname may start with that are not the city ("The Foxes", "Your Foxes"). */
const NOT_CITY = /^(?:the|and|but|so|as|for|at|of|your|our|their|my|his|by|with|from|to|in|on|when|while|if|then|now|here|there|top|bottom|middle|end|after|before|still|even|only|and|go|come|let's|that|this|these|those|home|road)$/i;

/**
 * The sides the team words make: a nickname and its short form are one side ("Jackrabbits" and "Rabbits": one
 * ends with the other), and a city goes to the nickname it is written before ("Prairie City Jackrabbits").
 */
function sidesOf(teamWords: ReadonlySet<string>, cities: ReadonlyMap<string, string>): Side[] {
  const words = [...teamWords].sort((a, b) => b.length - a.length);
  const sides: Side[] = [];
  for (const w of words) {
    const side = sides.find((s) => s.nicknames.some((n) => w.length >= 4 && n.endsWith(w)));
    if (side) side.nicknames.push(w);
    else sides.push({ nicknames: [w], cities: [] });
  }
  for (const [city, nick] of cities) {
    const side = sides.find((s) => s.nicknames.includes(nick));
    if (side && !sides.some((s) => s.cities.includes(city))) side.cities.push(city);
  }
  return sides;
}

/** Every way the text names a side, longest first, as a regex alternation over folded text. */
function aliasesOf(side: Side): string {
  const all = [...side.cities.flatMap((c) => side.nicknames.map((n) => `${c} ${n}`)), ...side.nicknames, ...side.cities];
  return `(?:${all.sort((a, b) => b.length - a.length).map(esc).join("|")})`;
}

/**
 * Which side is home and which away, from what the text says: "the visiting Otters", "your home-town Cedar
 * Falls Otters", "the Bison at the Otters", "the Otters host the Bison", a side that comes to bat or makes a
 * pitching change in a half-inning the game state knows (the visitors bat in the top), and players named next to
 * their team ("Otters right-hander Soto"), whose side the half-innings already told. A nickname and its short form
 * are one side, with its city. The full name is the city and the nickname as written together ("Cedar Falls Otters").
 */
export function discoverTeams(
  plays: readonly RawPlay[],
  halves: readonly (InningHalf | null)[],
  people: readonly Sided[],
  teamWords: ReadonlySet<string>,
  cities: ReadonlyMap<string, string> = new Map(),
): DiscoveredTeams {
  const text = plays.map((p) => p.playbyplay).join("\n");
  const folded = foldText(text).folded;
  const sides = sidesOf(teamWords, cities);
  const alias = new Map(sides.map((s) => [s, aliasesOf(s)]));
  const score = new Map<Side, number>(sides.map((s) => [s, 0]));
  const surnames = people.filter((p) => p.sideVotes !== 0).map((p) => ({ key: surnameOf(p.name), side: Math.sign(p.sideVotes) }));
  const count = (re: RegExp) => (folded.match(re) ?? []).length;
  for (const side of sides) {
    const W = alias.get(side)!;
    let s = 0;
    s += 5 * count(new RegExp(`\\b(?:home|home-town|hometown|home-standing|host|hosting|home of the|home of)\\s+${W}\\b|\\b${W},? (?:the )?(?:home (?:team|side|club|nine)|hosts)\\b|\\b${W} (?:are|were) (?:at )?home\\b`, "g"));
    s -= 5 * count(new RegExp(`\\b(?:visiting|road|visitors?,?)\\s+${W}\\b|\\b${W},? (?:the )?(?:visitors|visiting (?:team|side|club)|road (?:team|side|club)|guests)\\b`, "g"));
    // "the Jackrabbits at the Foxes", "Prairie City at Glenhollow": the visitors at the home side; "the Foxes host the Rabbits".
    for (const other of sides) {
      if (other === side) continue;
      const O = alias.get(other)!;
      s -= 5 * count(new RegExp(`\\b${W} (?:at|visit|visits|visiting|in to face|come to) (?:the )?${O}\\b`, "g"));
      s += 5 * count(new RegExp(`\\b${O} (?:at|visit|visits|visiting) (?:the )?${W}\\b|\\b${W} (?:host|hosts|hosting|welcome|welcomes) (?:the )?${O}\\b`, "g"));
    }
    for (const { key, side: sign } of surnames) {
      const K = esc(key);
      s += sign * count(new RegExp(`\\b${W}(?:'s?)?\\s+(?:[a-z-]+\\s+){0,2}(?:\\p{L}+\\s+)?${K}\\b|\\b${K},? (?:of|for) the ${W}\\b`, "gu"));
    }
    score.set(side, s);
  }
  // Sentence by sentence: a sentence naming one side and players ("Next up for the Coyotes, Carrow", "Arreola took the
  // mound for the Herons") votes the players' side; one saying the side comes to bat votes the half's batting side, one
  // saying it changes pitchers the half's fielding side.
  plays.forEach((play, i) => {
    for (const sentence of foldText(play.playbyplay).folded.split(/[.!?;]+/)) {
      const named = sides.filter((side) => new RegExp(`\\b${alias.get(side)!}\\b`).test(sentence));
      if (named.length !== 1) continue;
      const side = named[0]!;
      const W = alias.get(side)!;
      let s = 0;
      for (const { key, side: sign } of surnames) if (new RegExp(`\\b${esc(key)}\\b`).test(sentence)) s += sign;
      const half = halves[i];
      const batting = new RegExp(`\\b${W} (?:com(?:e|es|ing) (?:up )?to bat|batting|at bat|need (?:a |some )?(?:base ?runners|runs|a rally))|\\b(?:up|due(?: up)?|lead(?:s|ing)? (?:it )?off|leadoff man|hitting|to bat) for (?:the )?${W}\\b|\\b${W}(?:'s?)? (?:half|turn at bat|at-bats|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\\d+(?:st|nd|rd|th))(?: inning)?(?!\\s+(?:pitcher|starter)))\\b`);
      const pitching = new RegExp(`\\b(?:change|pitching change|new pitcher|to the mound|on the mound|to the hill|on the hill|on the bump|out of the (?:bull)?pen|from the (?:bull)?pen) for (?:the )?${W}\\b|\\b${W} (?:go(?:es)? to|bring(?:s)? (?:in|on)|call(?:s)? (?:on|for)|turn(?:s)? to|summon(?:s)?) (?!(?:the )?(?:plate|bat|dugout|top|bottom|extra)\\b)`);
      if (half && batting.test(sentence)) s += half === "Top" ? -2 : 2;
      else if (half && pitching.test(sentence)) s += half === "Top" ? 2 : -2;
      score.set(side, (score.get(side) ?? 0) + Math.sign(s));
    }
  });
  const ranked = sides.slice().sort((a, b) => (score.get(b) ?? 0) - (score.get(a) ?? 0));
  if (ranked.length >= 2) {
    const [home, away] = [ranked[0]!, ranked[ranked.length - 1]!];
    const sure = (score.get(home) ?? 0) > (score.get(away) ?? 0);
    return { home: fullNameOf(text, home), away: fullNameOf(text, away), evidence: sure ? `text votes home ${score.get(home)}, away ${score.get(away)}` : "no evidence which side is home: check" };
  }
  if (ranked.length === 1) {
    const only = ranked[0]!;
    const s = score.get(only) ?? 0;
    return s >= 0 ? { home: fullNameOf(text, only), away: "Visitors", evidence: "one team named" } : { home: "Home", away: fullNameOf(text, only), evidence: "one team named" };
  }
  return { home: "Home", away: "Visitors", evidence: "the text names no team" };
}

/**
 * A side's name as written: its city and longest nickname together ("Prairie City Jackrabbits") when the text
 * writes them together, else the nickname as written ("Otters").
 */
function fullNameOf(text: string, side: Side): string {
  const written = new Map<string, number>();
  let nickname: string | null = null;
  for (const nick of side.nicknames) {
    const re = new RegExp(`(?<![\\p{L}'’-])((?:\\p{Lu}[\\p{L}'’-]*\\s+){0,3})(\\p{Lu}[\\p{L}'’-]*)(?![\\p{L}'’-])`, "gu");
    for (const m of text.matchAll(re)) {
      if (foldName(m[2]!) !== nick) continue;
      nickname ??= m[2]!;
      const prefix = m[1]!.trim().split(/\s+/).filter(Boolean);
      while (prefix.length > 0 && (NOT_CITY.test(prefix[0]!) || isStopWord(prefix[0]!))) prefix.shift();
      const city = foldName(prefix.join(" "));
      if (prefix.length > 0 && side.cities.includes(city)) {
        const full = `${prefix.join(" ")} ${m[2]!}`;
        written.set(full, (written.get(full) ?? 0) + 1);
      }
    }
    if (written.size > 0) break;
  }
  const best = [...written].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]?.[0];
  if (best) return best;
  nickname ??= side.nicknames[0]![0]!.toUpperCase() + side.nicknames[0]!.slice(1);
  // A city the text speaks of as this side but never writes with the nickname ("Red Mesa down 1-0" and "the Coyotes").
  const city = side.cities.length === 1 ? cityAsWritten(text, side.cities[0]!) : null;
  return city ? `${city} ${nickname}` : nickname;
}

function cityAsWritten(text: string, city: string): string | null {
  for (const m of text.matchAll(/(?<![\p{L}'’-])\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?(?![\p{L}'’-])/gu)) if (foldName(m[0]) === city) return m[0];
  return null;
}
