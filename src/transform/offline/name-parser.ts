import { grammarNames, type Names } from "./name-grammar";

/** Known players, when the reference tables are at hand: matching the roster beats guessing from grammar. */
export interface NameRoster {
  pitchers: string[];
  batters: string[];
  /** Lower-cased team words, so "Boston" is not read as a player. */
  teamWords?: string[];
}

export type { Names };

/** Strip accents and case so "Peña" matches "pena"; keeps a map back to the original positions. */
export function foldText(text: string): { folded: string; map: number[] } {
  let folded = "";
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // ASCII (nearly every character) folds to itself, lower-cased: no Unicode normalisation needed.
    if (code < 128) {
      map.push(i);
      folded += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i]!;
      continue;
    }
    const f = text[i]!.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\u2019\u2018]/g, "'");
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
  }
  map.push(text.length);
  return { folded, map };
}

export const foldName = (name: string) => foldText(name).folded.replace(/\s+/g, " ").trim();
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const SUFFIX = /\s+(?:jr\.?|sr\.?|ii|iii|iv)$/;
export const surnameOf = (name: string) => foldName(name).replace(SUFFIX, "").split(" ").pop() ?? "";

interface Mention {
  role: "pitcher" | "batter";
  index: number;
  text: string;
  full: boolean;
  /** Leaving (a relieved pitcher, a batter pinch-hit for, a runner scoring) or only fielding ("the catcher Tupou"). */
  departing: boolean;
  /** Said to be coming in: "entra Takeda, from the bullpen", "in comes Vance". */
  arriving: boolean;
}

const FIELDER_BEFORE = /(?:catcher|shortstop|baseman|fielder|outfielder|infielder|keeper) $/;
const FIELDER_AFTER = /^ (?:in|at) (?:center|centre|left|right|short|shortstop|second|third|first)\b|^ (?:camps|catches|makes the (?:catch|play)|fields|throws (?:to|over|across)|dives|ranges|gloves)/;
const AT_BAT = /^(?:,[^,.]{1,30},)? (?:steps|digs|swings|bats|is up|leads off|at the plate|takes|fouls|watches|grounds|flies|lines|pops|singles|doubles|homers|walks|strikes out)/;
const ARRIVAL_AFTER = /^(?:,[^,.]{1,30},)?,? (?:comes? in|is coming in|jogs in|trots in|takes over|enters|from the bullpen|out of the bullpen|into the game|in to pitch|is summoned|gets the call|comes on|will pitch|takes the ball|takes the mound)/;
const ARRIVAL_BEFORE = /(?:in comes|here comes|brings? in|bringing in|calls? on|summons|call goes to|now pitching:?|new pitcher:?|entra|enter|welcome) $/;

interface NamePattern {
  name: string;
  full: string;
  surname: string;
  re: RegExp;
}

/** Each roster name's folded forms and pattern, built once per roster rather than once per paragraph. */
const patternsByRoster = new WeakMap<NameRoster, { pitchers: NamePattern[]; batters: NamePattern[] }>();

function rosterPatterns(roster: NameRoster): { pitchers: NamePattern[]; batters: NamePattern[] } {
  const cached = patternsByRoster.get(roster);
  if (cached) return cached;
  const surnameCount = new Map<string, number>();
  for (const n of [...roster.pitchers, ...roster.batters]) surnameCount.set(surnameOf(n), (surnameCount.get(surnameOf(n)) ?? 0) + 1);
  const build = (names: string[]): NamePattern[] =>
    names.map((name) => {
      const full = foldName(name);
      const surname = surnameOf(name);
      const forms = [full, full.replace(SUFFIX, "")];
      if ((surnameCount.get(surname) ?? 0) === 1) forms.push(surname);
      const re = new RegExp(`(?<![\\p{L}])(${[...new Set(forms)].sort((a, b) => b.length - a.length).map(esc).join("|")})(?![\\p{L}])`, "gu");
      return { name, full, surname, re };
    });
  const patterns = { pitchers: build(roster.pitchers), batters: build(roster.batters) };
  patternsByRoster.set(roster, patterns);
  return patterns;
}

function rosterMentions(original: string, roster: NameRoster): Mention[] {
  const { folded, map } = foldText(original);
  const found: Mention[] = [];
  const scan = (patterns: NamePattern[], role: Mention["role"]) => {
    for (const { full, surname: sur, re } of patterns) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(folded)) !== null) {
        const start = map[m.index]!;
        const end = map[m.index + m[0].length] ?? original.length;
        const before = folded.slice(Math.max(0, m.index - 22), m.index);
        const after = folded.slice(m.index + m[0].length, m.index + m[0].length + 30);
        // A batter replaced by a pinch-hitter, or a runner who scores, is not the one at the plate.
        const departing = (role === "batter" && (/(?:(?:hitting|batting|running) for|in place of|replac(?:es|ing)|out goes) $/.test(before) ||
            /^,? (?:scored|scores|comes (?:around|in|home)|came (?:around|in|home)|crosses|crossed|races home|raced home|steals|stole|advances|advanced|is thrown out|was thrown out)/.test(after) ||
            ((FIELDER_BEFORE.test(before) || FIELDER_AFTER.test(after)) && !AT_BAT.test(after)))) ||
          (role === "pitcher" &&
          (/(?:replac(?:es|ing)|in place of|relieves|relieving|lifts?|lifted|pulls?|removes?|for|after|over from) $/.test(before) ||
            /^(?:'s? (?:night|work|day|outing)|,? (?:is|was) (?:done|finished|through)|,? hands the ball|,? heads to the showers|,? exits|,? departs)/.test(after)));
        found.push({ role, index: start, text: original.slice(start, end), full: m[0] !== sur || !full.includes(" "), departing,
          arriving: role === "pitcher" && (ARRIVAL_AFTER.test(after) || ARRIVAL_BEFORE.test(before)) });
      }
    }
  };
  const patterns = rosterPatterns(roster);
  scan(patterns.pitchers, "pitcher");
  scan(patterns.batters, "batter");
  return found.sort((a, b) => a.index - b.index);
}

const CHANGE = /pitching change|hands the ball over|is done for|night (?:is|was) over|jogs in|trots in|call goes to|coming in|in comes|in came|from the bullpen|to the bullpen|new pitcher|now pitching|takes over|replaces|summon/i;

/**
 * Pitcher and batter as written in the paragraph. With a roster, known names are found directly
 * (full name or unique surname, accents and case ignored); otherwise the grammar of the call decides
 * ("Cole deals to Judge", "Judge swings", "righty Cole").
 */
export function parseNames(original: string, roster?: NameRoster): Names {
  const fromGrammar = grammarNames(original, roster?.teamWords ?? []);
  if (!roster) return { pitcher: fromGrammar.pitcher, batter: fromGrammar.batter };
  const mentions = rosterMentions(original, roster);
  const pick = (role: Mention["role"]) => {
    const mine = mentions.filter((m) => m.role === role);
    const arriving = mine.filter((m) => !m.departing);
    if (role === "batter" && arriving.length === 0) return null;
    // In a pitching change the newcomer is named after the pitcher leaving.
    const change = role === "pitcher" && CHANGE.test(original);
    const marked = arriving.find((m) => m.arriving);
    // Everyone the roster knows is leaving: the newcomer is someone it does not know ("Marsh takes over from Whitlock").
    if (change && arriving.length === 0 && fromGrammar.pitcher && !mine.some((m) => surnameOf(m.text) === surnameOf(fromGrammar.pitcher!))) return null;
    const first = (marked ?? (change ? arriving[arriving.length - 1] ?? mine[mine.length - 1] : arriving[0] ?? mine[0])) as Mention | undefined;
    if (!first) return null;
    const fuller = mine.find((m) => m.full && m.text.toLowerCase().endsWith(first.text.toLowerCase()));
    return (fuller ?? first).text;
  };
  // A name the roster gives to the other role is not a guess worth keeping.
  const known = (name: string | null, names: string[]) => name !== null && names.some((n) => surnameOf(n) === surnameOf(name));
  // Nor is one the roster already placed as leaving or fielding.
  const placed = (name: string | null) => name !== null && mentions.some((m) => surnameOf(m.text) === surnameOf(name));
  const pitcher = pick("pitcher") ?? (known(fromGrammar.pitcher, roster.batters) || placed(fromGrammar.pitcher) ? null : fromGrammar.pitcher);
  const batter = pick("batter") ?? (known(fromGrammar.batter, roster.pitchers) || placed(fromGrammar.batter) ? null : fromGrammar.batter);
  // "Redcloud vs. Marsh": a known batter written first makes the other side the pitcher.
  const duel = fromGrammar.duel;
  if (pitcher === null && duel && known(duel[0], roster.batters) && !known(duel[1], roster.batters)) return { pitcher: duel[1], batter };
  return { pitcher, batter };
}
