import { grammarNames, isStopWord, type Names } from "./name-grammar";

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
/** A name's surname, folded ("José Peña Jr." → "pena"); names recur from row to row, so each is folded once. */
export function surnameOf(name: string): string {
  let sur = surnames.get(name);
  if (sur === undefined) {
    if (surnames.size > 10_000) surnames.clear();
    sur = foldName(name).replace(SUFFIX, "").split(" ").pop() ?? "";
    surnames.set(name, sur);
  }
  return sur;
}
const surnames = new Map<string, string>();

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
const FIELDER_AFTER = /^ (?:in|at) (?:center|centre|left|right|short|shortstop|second|third|first)\b|^ (?:camps|catches|makes the (?:catch|play|stop)|fields|throws (?:to|over|across|on to|him out)|fires (?:to|home)|dives|ranges|gloves|blocks it|relays|flips|steps on the bag|takes it himself|(?:is )?up with it|drifts|goes back|(?:is )?coming in|races in|looks him back|keeps it in front|squeezes|hauls|smothers|goes out to|heads out|takes a walk out|joins them|comes out)|^,[^.]{0,30}\b(?:he|she)(?:'s| has) got it/;
// Said of a runner, not of the batter: "Whitaker takes a step off third", "Carvalho has swiped second", "Halloway, running on
// the pitch, has to go back", "Brugger's being waved around third", "Pettibone stranded at first", "Whitaker ninety feet away".
const RUNNER_AFTER = new RegExp(
  "^(?:'s)?,?(?: (?:who [^,.;]{2,30}|running on the pitch|the runner),)?(?: and [a-z]+)?\\s+(?:(?:is|was|has|had|gets|got|takes|took|stays|still|just|already|now|both|then|'s|(?:has|had|have) to)\\s+){0,3}" +
    "(?:running|going\\b|goes on the pitch|runs on the pitch|swiped|swipes|steals|stole|stealing|retreats?|strolls|trots(?! (?:down )?to first)|jogs(?! (?:down )?to first)|lumbers|moves (?:up|to)|advances|holds(?! up)|hold(?! up)\\b|has to hold(?! up)|stays put|stayed put|" +
    "scores|scored|(?:out|safe) at (?:second|third|home)|being waved|waved (?:home|around)|dancing|taking (?:a|his|their)|thought about it|a good jump|an? (?:big |good |secondary )*lead\\b|leading off (?:first|second|third)|off (?:first|second|third)|(?:at|on) (?:first|second|third)\\b|" +
    "to (?:second|third|home)|into (?:second|third)|ninety feet|90 feet|a step off|(?:a )?(?:couple of |few )?steps? off|stranded|left stranded|left on|back to the bag|(?:[a-z]+ )?back to (?:the bag|first|second|third)|" +
    "tags|breaks|bluffs|(?:gets |is )mobbed|(?:a )?break (?:for|from)|with (?:a|his) (?:big |good |long )?lead|scampers?|jogging|motoring|cruises? into (?:second|third))",
);
// Warming up in the bullpen is not pitching: "is throwing in the Kettle Falls pen", "getting loose down the line".
const WARMING_UP = /^,?(?: is| was)? (?:up in the (?:[a-z]+ ){0,3}(?:pen|bullpen)|warming|getting loose|loosening|throwing (?:hard )?(?:out )?(?:down )?in the (?:[a-z]+ ){0,3}(?:pen|bullpen))/;
// A pitching decision ("Albers gets the win", "Brannigan, who doubled, gets the save") sums up the game: no one at work.
const DECISION = /^(?:,[^.;]{1,40},)?,? (?:gets|got|earns|earned|takes|took|picks up|picked up|is credited with|was credited with|is tagged with|was tagged with) (?:the |his [a-z0-9]+ )?(?:win|loss|save|hold|victory|decision)\b/;
// Words on a sign or a banner in the stands ("a sign that says MARLOWE FOR MAYOR") name no one at work.
const ON_A_SIGN = /\b(?:sign|banner|poster|placard|t-shirt|shirt)s? (?:that )?(?:says|said|reads|reading|saying|with)\s*["“']?$/;
// A play of earlier in the game: "Brugger's two-run shot", "Kaito Marlowe's two-run blast".
const PAST_PLAY_AFTER = /^'s (?:[a-z-]+ ){0,2}(?:shot|blast|homer|home run|double|single|triple|hit|sac fly|knock|rbi|bomb)\b/;
const AT_BAT = /^(?:,[^,.]{1,30},)? (?:steps|digs|swings|bats|is up|leads off|at the plate|takes(?! a (?:walk|trip|stroll) (?:out )?to)|fouls|watches|grounds|flies|lines|pops|singles|doubles|homers|walks|strikes out)/;
const ARRIVAL_AFTER = /^(?:,[^,.]{1,30},)?,? (?:comes? in|is coming in|jogs in|trots in|takes over|enters|from the bullpen|out of the bullpen|into the game|in to pitch|is summoned|gets the call|comes on|will pitch|takes the ball|takes the mound)/;
const ARRIVAL_BEFORE = /(?:in comes|here comes|brings? in|bringing in|calls? on|summons|call goes to|now pitching:?|new pitcher:?|entra|enter|welcome|and now it's|now it's) $/;

interface NamePattern {
  name: string;
  full: string;
  surname: string;
  re: RegExp;
}

/** Each roster name's folded forms and pattern, built once per roster rather than once per paragraph. */
interface RosterPatterns {
  pitchers: NamePattern[];
  batters: NamePattern[];
  /** How many people (not table rows) have each surname. */
  surnameCount: Map<string, number>;
  /** The surnames of each table, to tell at once whether a name the grammar found is one of them. */
  pitcherSurnames: Set<string>;
  batterSurnames: Set<string>;
}
const patternsByRoster = new WeakMap<NameRoster, RosterPatterns>();

function rosterPatterns(roster: NameRoster): RosterPatterns {
  const cached = patternsByRoster.get(roster);
  if (cached) return cached;
  const surnameCount = new Map<string, number>();
  // Per person, not per table: a two-way player listed as pitcher and batter keeps his surname unique.
  for (const n of new Set([...roster.pitchers, ...roster.batters].map(foldName))) surnameCount.set(surnameOf(n), (surnameCount.get(surnameOf(n)) ?? 0) + 1);
  const build = (names: string[]): NamePattern[] =>
    names.map((name) => {
      const full = foldName(name);
      const surname = surnameOf(name);
      const forms = [full, full.replace(SUFFIX, "")];
      // A surname several people share is still the name as written; which of them it is, the game state says.
      forms.push(surname);
      const re = new RegExp(`(?<![\\p{L}])(${[...new Set(forms)].sort((a, b) => b.length - a.length).map(esc).join("|")})(?![\\p{L}])`, "gu");
      return { name, full, surname, re };
    });
  const patterns = {
    pitchers: build(roster.pitchers), batters: build(roster.batters), surnameCount,
    pitcherSurnames: new Set(roster.pitchers.map(surnameOf)), batterSurnames: new Set(roster.batters.map(surnameOf)),
  };
  patternsByRoster.set(roster, patterns);
  return patterns;
}

function rosterMentions(original: string, roster: NameRoster): Mention[] {
  const { folded, map } = foldText(original);
  const found: Mention[] = [];
  const scan = (patterns: NamePattern[], role: Mention["role"]) => {
    for (const { full, surname: sur, re } of patterns) {
      // Every form of a name ends in the surname: a paragraph without it cannot name him.
      if (!folded.includes(sur)) continue;
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(folded)) !== null) {
        const start = map[m.index]!;
        const end = map[m.index + m[0].length] ?? original.length;
        const before = folded.slice(Math.max(0, m.index - 22), m.index);
        const after = folded.slice(m.index + m[0].length, m.index + m[0].length + 60);
        // A bare surname right after another capitalized name is someone else's full name ("Corey Webb" for Nate Webb).
        const prior = /(\p{Lu}[\p{L}'-]+)\s+$/u.exec(original.slice(Math.max(0, start - 20), start));
        if (m[0] === sur && full.includes(" ") && prior && !isStopWord(prior[1]!) && !/^(?:And|But|So|Then|Now|Here|Well|Oh|Yes|No)$/.test(prior[1]!)) continue;
        // A batter replaced by a pinch-hitter, or a runner who scores, is not the one at the plate.
        const departing = (role === "batter" && (/(?:(?:hitting|batting|running) for|in place of|replac(?:es|ing)|out goes) $/.test(before) ||
            /^,? (?:scored|scores|comes (?:around|in|home)|came (?:around|in|home)|crosses|crossed|races home|raced home|steals|stole|advances|advanced|is thrown out|was thrown out)/.test(after) ||
            // A runner: "with Odom standing on second", "Odom trots to third", "Odom takes off", "runner Odom".
            /^,?(?: is| was)? (?:standing |leading |dancing |taking (?:a|his) lead )?(?:on|at|off) (?:first|second|third|1st|2nd|3rd)\b|^,? (?:trots(?! (?:down )?to first)|jogs(?! (?:down )?to first)|moves up|takes off|breaks for|swipes|swiped|tags up|takes (?:second|third|2nd|3rd)|goes to (?:second|third|2nd|3rd))/.test(after) ||
            /(?:runner|pinch-runner|pinch runner|throw from|relay to|flips to|bounces off|off of) $/.test(before) ||
            RUNNER_AFTER.test(after) || PAST_PLAY_AFTER.test(after) ||
            ((FIELDER_BEFORE.test(before) || FIELDER_AFTER.test(after)) && !AT_BAT.test(after)))) ||
          (role === "pitcher" &&
          (/(?:replac(?:es|ing)|in place of|relieves|relieving|lifts?|lifted|pulls?|removes?|for|after|over from) $/.test(before) ||
            /^(?:'s? (?:night|work|day|outing)|,? (?:is|was) (?:done|finished|through)|,? hands the ball|,? heads to the showers|,? exits|,? departs|,? gave (?:them|us) )/.test(after) ||
            // Warming up in the bullpen is not pitching; an earlier play is not this one.
            WARMING_UP.test(after) ||
            PAST_PLAY_AFTER.test(after)));
        if (ON_A_SIGN.test(folded.slice(Math.max(0, m.index - 40), m.index))) continue;
        const out = departing || DECISION.test(after);
        found.push({ role, index: start, text: original.slice(start, end), full: m[0] !== sur || !full.includes(" "), departing: out,
          arriving: role === "pitcher" && (ARRIVAL_AFTER.test(after) || ARRIVAL_BEFORE.test(before)) });
      }
    }
  };
  const patterns = rosterPatterns(roster);
  scan(patterns.pitchers, "pitcher");
  scan(patterns.batters, "batter");
  // One mention per role and place (several people of one role may share the surname).
  const unique = found.filter((f, i) => found.findIndex((g) => g.role === f.role && g.index === f.index) === i);
  // "Ruiz to Delacroix": a ball thrown from one fielder to another; neither is the batter.
  for (const a of unique) {
    for (const b of unique) {
      // Unless the first can be the pitcher ("Webb to Webb": the pitcher to the batter).
      if (a.role === "batter" && b.role === "batter" && b.index > a.index && /^ to $/.test(original.slice(a.index + a.text.length, b.index)) &&
        !unique.some((p) => p.role === "pitcher" && p.index === a.index)) a.departing = b.departing = true;
    }
  }
  return resolveContested(unique, original, patterns.surnameCount).sort((a, b) => a.index - b.index);
}

/**
 * A bare surname that a pitcher and a batter share (Nate Webb pitching, Corey Webb batting) is one of them: the grammar
 * of the call says which ("Webb swings", "Webb's sinker"); "Webb to Webb" is the pitcher first. Undecided, it is neither.
 */
function resolveContested(mentions: Mention[], original: string, surnameCount: Map<string, number>): Mention[] {
  const contested = (m: Mention) => !m.full && (surnameCount.get(surnameOf(m.text)) ?? 0) > 1 &&
    mentions.some((o) => o.index === m.index && o.role !== m.role);
  if (!mentions.some(contested)) return mentions;
  const g = grammarNames(original, []);
  const says = (name: string | null, sur: string) => name !== null && surnameOf(name) === sur;
  const keep: Mention[] = [];
  const places = [...new Set(mentions.filter(contested).map((m) => m.index))].sort((a, b) => a - b);
  for (const m of mentions) {
    if (!contested(m)) {
      keep.push(m);
      continue;
    }
    const sur = surnameOf(m.text);
    const asPitcher = says(g.pitcher, sur) || says(g.duel?.[0] ?? null, sur);
    const asBatter = says(g.batter, sur) || says(g.duel?.[1] ?? null, sur);
    const same = places.filter((i) => mentions.some((o) => o.index === i && surnameOf(o.text) === sur));
    if (asPitcher && asBatter && same.length >= 2) {
      if ((m.role === "pitcher") === (m.index === same[0])) keep.push(m);
    } else if (asPitcher !== asBatter && (m.role === "pitcher") === asPitcher) keep.push(m);
  }
  return keep;
}

const CHANGE = /goes to (?:his|the) (?:bullpen|pen)|pitching change|hands the ball over|is done for|night (?:is|was) over|jogs in|trots in|call goes to|coming in|in comes|in came|from the bullpen|to the bullpen|new pitcher|now pitching|takes over|replaces|summon/i;

/**
 * Pitcher and batter as written in the paragraph. With a roster, known names are found directly
 * (full name or unique surname, accents and case ignored); otherwise the grammar of the call decides
 * ("Cole deals to Judge", "Judge swings", "righty Cole").
 */
export function parseNames(original: string, roster?: NameRoster): Names {
  const fromGrammar = grammarNames(original, roster?.teamWords ?? []);
  if (!roster) return { pitcher: fromGrammar.pitcher, batter: fromGrammar.batter };
  const mentions = rosterMentions(original, roster);
  const pick = (role: Mention["role"]): Mention | null => {
    const mine = mentions.filter((m) => m.role === role);
    const arriving = mine.filter((m) => !m.departing);
    if (role === "batter" && arriving.length === 0) return null;
    // In a pitching change the newcomer is named after the pitcher leaving.
    const change = role === "pitcher" && CHANGE.test(original);
    const marked = arriving.find((m) => m.arriving);
    // Everyone the roster knows is leaving: the newcomer is someone it does not know ("Marsh takes over from Whitlock").
    if (change && arriving.length === 0 && fromGrammar.pitcher && !mine.some((m) => surnameOf(m.text) === surnameOf(fromGrammar.pitcher!))) return null;
    // Outside a pitching change, a pitcher the text places elsewhere (warming up, leaving, an earlier play) is not on the mound.
    const first = (marked ?? (change ? arriving[arriving.length - 1] ?? mine[mine.length - 1] : arriving[0])) as Mention | undefined;
    if (!first) return null;
    const fuller = mine.find((m) => m.full && m.text.toLowerCase().endsWith(first.text.toLowerCase()));
    return { ...first, text: (fuller ?? first).text };
  };
  // A name the roster gives to the other role is not a guess worth keeping.
  const { pitcherSurnames, batterSurnames } = rosterPatterns(roster);
  const known = (name: string | null, surnames: Set<string>) => name !== null && surnames.has(surnameOf(name));
  // Nor is one the roster already placed as leaving or fielding.
  const placed = (name: string | null) => name !== null && mentions.some((m) => surnameOf(m.text) === surnameOf(name));
  const pitcherSaid = pick("pitcher");
  const batterSaid = pick("batter");
  let pitcher = pitcherSaid?.text ?? (known(fromGrammar.pitcher, batterSurnames) || placed(fromGrammar.pitcher) ? null : fromGrammar.pitcher);
  let batter = batterSaid?.text ?? (known(fromGrammar.batter, pitcherSurnames) || placed(fromGrammar.batter) ? null : fromGrammar.batter);
  // The same words read as both roles: one person (a two-way player, or a surname two players share) in one role.
  // Two mentions are two people ("Corey Webb steps in against Nate Webb", "Webb to Webb").
  const onePerson = pitcher !== null && batter !== null && surnameOf(pitcher) === surnameOf(batter) &&
    (pitcherSaid && batterSaid ? pitcherSaid.index === batterSaid.index : !(/\s/.test(pitcher) && /\s/.test(batter) && foldName(pitcher) !== foldName(batter)));
  // A two-way player (in both tables) is one person in one role: the other player named settles which,
  // else the grammar of the call ("Ishida bats now", "Ishida deals").
  if (onePerson && pitcher !== null && batter !== null) {
    const sur = surnameOf(pitcher);
    const other = (role: Mention["role"]) => mentions.find((m) => m.role === role && !m.departing && surnameOf(m.text) !== sur);
    const grammarSays = (name: string | null) => name !== null && surnameOf(name) === sur;
    const otherPitcher = other("pitcher");
    const otherBatter = other("batter");
    if (otherPitcher && !grammarSays(fromGrammar.pitcher)) pitcher = otherPitcher.text;
    else if (otherBatter && !grammarSays(fromGrammar.batter)) batter = otherBatter.text;
    else if (grammarSays(fromGrammar.batter) && !grammarSays(fromGrammar.pitcher)) pitcher = fromGrammar.pitcher;
    else batter = fromGrammar.batter !== null && !grammarSays(fromGrammar.batter) ? fromGrammar.batter : null;
  }
  // "Redcloud vs. Marsh": a known batter written first makes the other side the pitcher.
  const duel = fromGrammar.duel;
  if (pitcher === null && duel && known(duel[0], batterSurnames) && !known(duel[1], batterSurnames)) return { pitcher: duel[1], batter };
  return { pitcher, batter };
}
