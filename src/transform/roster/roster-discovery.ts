import {
  PITCH_TYPE_CODES,
  PITCH_TYPE_NAMES,
  type Batter,
  type InningHalf,
  type Pitcher,
  type RawPlay,
  type ReferenceTables,
} from "../../domain/index";
import { isStopWord } from "../offline/name-grammar";
import { foldName } from "../offline/name-parser";
import { findPitchTerms } from "../offline/pitch-vocabulary";
import { RuleExtractor } from "../offline/rule-extractor";
import { readGameState } from "../state/game-state-reader";
import { isFormOf, personKey, readParagraphNames, type ParagraphNames } from "./paragraph-names";
import { mentionsIn, type MentionRole } from "./mention-roles";
import { isNickname, nicknamesIn } from "./nicknames";
import { discoverTeams, type DiscoveredTeams } from "./team-discovery";

/** One person the text talks about, with the evidence for each role. */
export interface DiscoveredPerson {
  /** The fullest form the text gives ("Luis Ortega"), else the surname as written. */
  name: string;
  /** Every form written, with how often: "Ortega" 31, "Luis Ortega" 4, "L. Ortega" 1. */
  variants: Record<string, number>;
  pitcherVotes: number;
  batterVotes: number;
  /** Mentions running, fielding or at a position: a position player (listed as a batter). */
  playerVotes: number;
  /** + for home, − for away: pitching in the top half or batting in the bottom half says home. */
  sideVotes: number;
  /** The same, from his pitching and from his batting apart: a role whose side disagrees with the person's is a misreading. */
  pitcherSide: number;
  batterSide: number;
  cues: ParagraphNames["cues"];
  firstRow: number;
}

/** Proposed reference tables for a game, and what a reviewer should look at. */
export interface ProposedRoster extends ReferenceTables {
  teams: DiscoveredTeams;
  people: DiscoveredPerson[];
}

export interface DiscoverRosterOptions {
  /** Fewest role votes (paragraphs where the grammar of the call puts the person on the mound or at the plate). Default 2. */
  minVotes?: number;
  /** Share of a person's votes a role needs to be listed (a two-way player has both). Default 0.15. */
  minRoleShare?: number;
  /** First pitcher ID. Default 101, as in `data/`; start past the IDs a database already holds to keep both games. */
  firstPitcherId?: number;
  /** First batter ID. Default 201. */
  firstBatterId?: number;
}

/** + home, − away: the home team pitches and fields in the top half and bats and runs in the bottom. */
const sideOf = (role: MentionRole, half: InningHalf | null): number =>
  half === null || role === "position" || role === "staff" ? 0 : (role === "pitch" || role === "field") === (half === "Top") ? 1 : -1;

/**
 * Propose the reference tables of a game from its commentary alone, offline, by rules over the whole
 * text: who pitches and who bats (the grammar of each call, voted over every paragraph), the fullest
 * form of each name, the side from the half-innings (the home team pitches in the top), the teams'
 * names where the text says them. One ID each: pitchers from 101, batters from 201 (or the given first IDs), home team first.
 * A player voted into both roles (a two-way player) is listed in both tables.
 *
 * @example
 * const roster = discoverRoster(readPlays("my-game.csv").plays);
 * roster.pitchers[0] // { pitcher_id: 101, name: "Luis Ortega", team: "Otters", throws: "R" }
 */
export function discoverRoster(plays: readonly RawPlay[], options: DiscoverRosterOptions = {}): ProposedRoster {
  const { minVotes = 2, minRoleShare = 0.15, firstPitcherId = 101, firstBatterId = 201 } = options;
  // The extractor without tables and the game state give every row its half-inning (stated, carried, or after
  // three outs, "middle of the 5th", "end of six").
  const extracted = new RuleExtractor({ onWarning: () => {} }).extract([...plays]);
  const rows = plays.map((p) => ({ ...p, ...extracted.get(p.play_hash)! }));
  const halves = readGameState(rows).states.map((st) => st.inning_half.value);
  const read = plays.map((p, i) => ({ ...readParagraphNames(p.playbyplay, halves[i] ?? null), half: halves[i] ?? null }));
  const mentions = plays.map((p) => mentionsIn(p.playbyplay));
  const { words: teamWords, cities } = teamWordsOf(plays, read);
  const allText = plays.map((p) => p.playbyplay).join("\n");
  const nicknames = nicknamesIn(allText);
  const notAName = (name: string) => {
    const folded = foldName(name);
    if (!name.includes(" ") && isCommonWord(allText, name)) return true;
    if (isNickname(name, nicknames)) return true;
    return name.split(/\s+/).some((w) => teamWords.has(foldName(w).replace(/'s?$/, ""))) || cities.has(folded) || [...cities.keys()].some((c) => folded.startsWith(`${c} `)) ||
findPitchTerms(folded).some((t) => t.text.length >= folded.length - 1);
  };

  // One person per full name ("Luis Ortega", "Mateo Ortega"); a three-word run whose last two words are a full
  // name of their own is that name with a word of the call before it.
  const fullCounts = new Map<string, number>();
  for (const list of mentions) {
    for (const m of list) {
      const name = m.name.split(" ").filter((w, i, all) => !(i === 0 && all.length > 2 && /'s?$/.test(w))).join(" ");
      if (name.includes(" ") && !/\./.test(name.split(" ")[0]!) && !notAName(name)) fullCounts.set(name, (fullCounts.get(name) ?? 0) + 1);
    }
  }
  const teamish = (w: string) => { const f = foldName(w).replace(/'s?$/, ""); return teamWords.has(f) || cities.has(f); };
  const canonical = (written: string): string => {
    // "Sentinels' Ian Moss", "Brookhaven's Cole Brannigan": the team before the name is not part of it.
    const words = written.split(" ");
    while (words.length > 1 && teamish(words[0]!)) words.shift();
    const name = words.join(" ");
    return words.length >= 3 && fullCounts.has(words.slice(-2).join(" ")) ? words.slice(-2).join(" ") : name;
  };
  const people = new Map<string, DiscoveredPerson & { staff: number }>();
  const bySurname = new Map<string, Array<DiscoveredPerson & { staff: number }>>();
  const newPerson = (name: string, row: number) => {
    const person = { name, variants: {}, pitcherVotes: 0, batterVotes: 0, playerVotes: 0, sideVotes: 0, pitcherSide: 0, batterSide: 0, cues: [], firstRow: row, staff: 0 };
    people.set(foldName(name), person);
    bySurname.set(personKey(name), [...(bySurname.get(personKey(name)) ?? []), person]);
    return person;
  };
  // "The Tollivers", "Different Tollivers", "both Ortegas": a known surname in the plural names a family, not a person.
  const surnames = new Set([...fullCounts.keys()].map(personKey));
  const plural = (name: string) => { const key = personKey(name); return [key.replace(/s$/, ""), key.replace(/es$/, "")].some((k) => k !== key && surnames.has(k)); };
  for (const [name] of fullCounts) if (canonical(name) === name && !people.has(foldName(name)) && !plural(name)) newPerson(name, plays.length);

  // Each mention's person: a full name is itself; "L. Ortega" the one Ortega whose first name fits; a bare surname
  // the one person with it, or, when several share it, the one whose side the half-inning and the role say (later).
  type Vote = { person: DiscoveredPerson & { staff: number }; roles: MentionRole[]; half: InningHalf | null; row: number; written: string };
  const votes: Vote[] = [];
  const shared: Array<Omit<Vote, "person"> & { candidates: Array<DiscoveredPerson & { staff: number }> }> = [];
  const bare = new Map<string, Vote[]>();
  mentions.forEach((list, row) => {
    const half = halves[row] ?? null;
    for (const m of list) {
      const name = canonical(m.name);
      if (notAName(name) || plural(name)) continue;
      const candidates = (bySurname.get(personKey(name)) ?? []).filter((p) => isFormOf(name, p.name));
      const exact = people.get(foldName(name));
      if (exact && name.includes(" ")) votes.push({ person: exact, roles: m.roles, half, row, written: m.name });
      else if (candidates.length === 1) votes.push({ person: candidates[0]!, roles: m.roles, half, row, written: m.name });
      else if (candidates.length > 1) shared.push({ candidates, roles: m.roles, half, row, written: m.name });
      else if (!name.includes(" ") && m.roles.some((r) => r === "pitch" || r === "bat" || r === "field")) {
        // A surname never written in full: a person if the calls put him on the mound or at the plate often enough.
        const key = personKey(name);
        bare.set(key, [...(bare.get(key) ?? []), { person: undefined as never, roles: m.roles, half, row, written: name }]);
      }
    }
  });
  // Or if he takes a throw from a known player ("Hollander to Pellegrini"): a fielder, so a position player.
  const throwFromKnown = (v: Omit<Vote, "person">) => v.roles.includes("field") &&
    mentions[v.row]!.some((o) => o.roles.includes("field") && personKey(o.name) !== personKey(v.written) && bySurname.has(personKey(o.name)));
  for (const [, list] of bare) {
    if (list.filter((v) => v.roles.includes("pitch") || v.roles.includes("bat")).length < minVotes && !list.some(throwFromKnown)) continue;
    const person = newPerson(list[0]!.written, list[0]!.row);
    for (const v of list) votes.push({ ...v, person });
  }
  const placed: Array<{ row: number; person: DiscoveredPerson; roles: MentionRole[] }> = [];
  const count = (v: Omit<Vote, "person">, person: DiscoveredPerson & { staff: number }) => {
    placed.push({ row: v.row, person, roles: v.roles });
    person.variants[v.written] = (person.variants[v.written] ?? 0) + 1;
    person.firstRow = Math.min(person.firstRow, v.row);
    if (v.roles.includes("staff")) person.staff++;
    for (const role of v.roles) {
      const side = sideOf(role, v.half);
      if (role === "pitch") (person.pitcherVotes++, (person.pitcherSide += side));
      else if (role === "bat") (person.batterVotes++, (person.batterSide += side));
      else if (role !== "staff") person.playerVotes++;
      if (role !== "staff" && role !== "position") person.sideVotes += side;
    }
  };
  for (const v of votes) count(v, v.person);
  // A surname several people share: the one on the side the role and the half-inning give (the home team pitches
  // and fields in the top), else the only one who has that role at all.
  for (const v of shared) {
    const sides = v.roles.map((r) => sideOf(r, v.half)).filter((s) => s !== 0);
    const bySide = sides.length > 0 && sides.every((s) => s === sides[0]) ? v.candidates.filter((p) => Math.sign(p.sideVotes) === sides[0]) : [];
    const strong = v.roles.find((r) => r === "pitch" || r === "bat");
    const byRole = strong ? v.candidates.filter((p) => (strong === "pitch" ? p.pitcherVotes : p.batterVotes + p.playerVotes) > 0) : [];
    const pick = bySide.length === 1 ? bySide[0] : byRole.length === 1 ? byRole[0] : undefined;
    if (pick) count(v, pick);
  }
  // No half-inning said where he played: the other side from the players he faced in the same paragraph
  // (a pitcher facing a home batter is a visitor; a batter facing a home pitcher too).
  const fielding = (roles: MentionRole[]) => roles.includes("pitch") || roles.includes("field");
  const batting = (roles: MentionRole[]) => roles.includes("bat") || roles.includes("run");
  const faced = new Map<DiscoveredPerson, number>();
  for (const a of placed) {
    if (a.person.sideVotes !== 0) continue;
    for (const b of placed) {
      if (b.row !== a.row || b.person === a.person || b.person.sideVotes === 0) continue;
      if ((fielding(a.roles) && batting(b.roles)) || (batting(a.roles) && fielding(b.roles))) faced.set(a.person, (faced.get(a.person) ?? 0) - Math.sign(b.person.sideVotes));
    }
  }
  for (const [person, side] of faced) person.sideVotes = Math.sign(side);
  read.forEach((r) => {
    for (const cue of r.cues) {
      const person = people.get(foldName(cue.name)) ?? [...people.values()].find((p) => isFormOf(cue.name, p.name));
      if (person) person.cues.push(cue);
    }
  });

  // A player: someone the text puts to work (not only a coach, a manager, an umpire named).
  const work = (p: DiscoveredPerson) => p.pitcherVotes + p.batterVotes + p.playerVotes;
  let kept = [...people.values()].filter((p) => work(p) >= 1 && work(p) >= 3 * p.staff).sort((a, b) => a.firstRow - b.firstRow);
  // A place the text never names with its nickname ("Granite Bay leads it", "Kettle Falls goes to the bullpen"): a
  // "name" never shortened to a surname, spoken of as a team at least half the times it is written.
  const spokenOfAsTeam = (p: DiscoveredPerson) => {
    if (Object.keys(p.variants).some((v) => !v.includes(" "))) return false;
    const all = [...allText.matchAll(new RegExp(`(?<![\\p{L}])${p.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])(.{0,40})`, "gu"))];
    return all.length >= 2 && all.filter((m) => TEAM_VERB.test(m[1]!)).length * 2 >= all.length;
  };
  // A ballpark ("Driftwood Park", "Millrace Field"), unless the calls put it on the mound or at the plate (Chan Ho Park).
  kept = kept.filter((p) => !spokenOfAsTeam(p) && !(PLACE.test(p.name) && p.pitcherVotes + p.batterVotes < 2));
  const teams = discoverTeams(plays, read.map((r) => r.half), kept, teamWords, cities);
  kept = kept.filter((p) => ![teams.home, teams.away].some((t) => t.toLowerCase().startsWith(`${p.name.toLowerCase()} `)));
  const teamOf = (p: DiscoveredPerson) => (p.sideVotes > 0 ? teams.home : p.sideVotes < 0 ? teams.away : "unknown");
  const order = (p: DiscoveredPerson) => (p.sideVotes > 0 ? 0 : p.sideVotes < 0 ? 1 : 2);
  const byTeam = (list: DiscoveredPerson[]) => list.slice().sort((a, b) => order(a) - order(b) || a.firstRow - b.firstRow);
  // Roles: pitching, and batting (at the plate, or running, fielding, a position: a position player). Someone with
  // both is a two-way player when the lesser role has its share of the votes and as many votes as a person needs;
  // a vote in a half-inning where his side does the other thing (pitching while his team bats) is a misreading.
  const isPitcher = (p: DiscoveredPerson) => {
    const other = p.batterVotes + p.playerVotes;
    if (p.pitcherVotes === 0) return false;
    if (other === 0) return true;
    const wrongSide = p.pitcherSide !== 0 && p.sideVotes !== 0 && Math.sign(p.pitcherSide) !== Math.sign(p.sideVotes);
    return !wrongSide && (p.pitcherVotes >= other || (p.pitcherVotes >= minVotes && p.pitcherVotes >= minRoleShare * (p.pitcherVotes + other)));
  };
  const isBatter = (p: DiscoveredPerson) => {
    const own = p.batterVotes + p.playerVotes;
    if (own === 0) return false;
    if (p.pitcherVotes === 0) return true;
    const wrongSide = p.batterSide !== 0 && p.sideVotes !== 0 && Math.sign(p.batterSide) !== Math.sign(p.sideVotes);
    return !wrongSide && p.batterVotes >= 1 && own >= minVotes && own >= minRoleShare * (p.pitcherVotes + own);
  };
  const has = (p: DiscoveredPerson, cue: ParagraphNames["cues"][number]["cue"]) => p.cues.filter((c) => c.cue === cue).length;
  const pitchers: Pitcher[] = byTeam(kept.filter(isPitcher)).map((p, i) => ({
    pitcher_id: firstPitcherId + i, name: p.name, team: teamOf(p), throws: has(p, "throws-left") > has(p, "throws-right") ? "L" : "R",
  }));
  const batters: Batter[] = byTeam(kept.filter(isBatter)).map((p, i) => ({
    batter_id: firstBatterId + i, name: p.name, team: teamOf(p),
    position: has(p, "pinch-hitter") > 0 ? "PH" : mostCommon(p.cues.filter((c) => c.cue === "position").map((c) => c.value ?? "")) ?? "",
    // Seen batting from both sides, or called a switch-hitter: S.
    // A hitter who pitches no one called "the lefty" ("the lefty Porter Vaughn will hit") bats left.
    bats: has(p, "bats-switch") > 0 || (has(p, "bats-left") > 0 && has(p, "bats-right") > 0) ? "S" :
      has(p, "bats-left") > 0 || (!isPitcher(p) && has(p, "throws-left") > has(p, "throws-right")) ? "L" : "R",
  }));
  const pitchTypes = PITCH_TYPE_CODES.map((code) => ({ code, name: PITCH_TYPE_NAMES[code] }));
  const listed = new Set([...pitchers, ...batters].map((p) => p.name));
  return { pitchers, batters, pitchTypes, teams, people: kept.filter((p) => listed.has(p.name)).map(({ staff: _, ...p }) => p as DiscoveredPerson) };
}

const PLACE = /\b(?:Park|Field|Stadium|Yard|Grounds|Dome|Center|Centre|Coliseum|Gardens)$/;
// Plurals that follow "the" with a capital but name no team.
const NOT_TEAMS = /^(?:series|world|games?|playoffs|majors|minors|league|books|stands|bleachers|fans|people|umpires?|rules|stars|heavens|count|inning|bottom|top|ball|pitch|plate|mound|bullpen|dugout|crowd|park|field|stadium)$/;

/**
 * The teams' nicknames (folded) and cities: capitalized words that come back through the game as a team does
 * ("the Otters", "Sentinels have a man on", "four-two, Sentinels", "Foxes four, Jackrabbits three", "the Pilots'
 * bullpen"), and the capitalized words written before a nickname ("Granite Bay Sentinels": "granite bay" →
 * "sentinels"), which name a place when written alone ("Granite Bay leads it"), not a player.
 */
function teamWordsOf(plays: readonly RawPlay[], read: ParagraphNames[]): { words: Set<string>; cities: Map<string, string> } {
  const counts = new Map<string, number>();
  for (const r of read) for (const w of r.teamWords) counts.set(foldName(w), (counts.get(foldName(w)) ?? 0) + 1);
  const top = Math.max(0, ...counts.values());
  const words = new Set([...counts].filter(([w, n]) => n >= 3 && n >= top / 4 && !NOT_TEAMS.test(w)).map(([w]) => w));
  // A word spoken of as a team: with a plural verb, after a score, as a plural possessive, in a score of two sides.
  const text = plays.map((p) => p.playbyplay).join("\n");
  const alone = new Map<string, { n: number; team: number }>();
  for (const m of text.matchAll(/(?<![\p{L}'’-])(\p{Lu}\p{Ll}{2,})(?![\p{L}-])/gu)) {
    const w = foldName(m[1]!);
    const i = m.index ?? 0;
    const before = text.slice(Math.max(0, i - 30), i);
    const after = text.slice(i + m[1]!.length, i + m[1]!.length + 30);
    const c = alone.get(w) ?? { n: 0, team: 0 };
    c.n++;
    if (TEAM_AFTER.test(after) || TEAM_BEFORE.test(before)) c.team++;
    alone.set(w, c);
  }
  // "Foxes four, Jackrabbits three", "Herons 2, Coyotes 1": two capitalized words, each with its runs.
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}'’-])(\\p{Lu}\\p{Ll}{2,}) ${SCORE_NUMBER},? (?:and |to )?(\\p{Lu}\\p{Ll}{2,}) ${SCORE_NUMBER}(?![\\p{L}-])`, "gu"))) {
    for (const w of [m[1]!, m[2]!]) {
      const c = alone.get(foldName(w));
      if (c) c.team++;
    }
  }
  for (const [w, c] of alone) if (c.n >= 3 && c.team >= 2 && c.team >= c.n / 3 && !NOT_TEAMS.test(w) && !isStopWord(w)) words.add(w);
  // A place spoken of as a team ("Red Mesa down 1-0", "Cedar Flats has the lead"): its last word came in as a team
  // word, but it follows the same capitalized word nearly every time and is never "the Mesa", as a nickname is.
  const cities = new Map<string, string>();
  for (const w of [...words]) {
    if ((counts.get(w) ?? 0) > 0) continue;
    const before = new Map<string, number>();
    let n = 0;
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}'’-])(?:(\\p{Lu}\\p{Ll}+)\\s+)?(\\p{Lu}\\p{Ll}+)(?![\\p{L}'’-])`, "gu"))) {
      if (foldName(m[2]!) !== w) continue;
      n++;
      if (m[1] && !isStopWord(m[1]) && !CALL_WORD.test(m[1])) before.set(m[1], (before.get(m[1]) ?? 0) + 1);
    }
    const [first, k] = [...before].sort((a, b) => b[1] - a[1])[0] ?? ["", 0];
    if (k >= 2 && k * 3 >= n * 2) {
      words.delete(w);
      cities.set(foldName(`${first} ${w}`), "");
    }
  }
  // The city of a nickname: one or two capitalized words right before it (not a word of the call: "The", "Your");
  // a team word written there is the city spoken of alone ("Brookhaven bullpen", "Brookhaven Otters").
  const run = new RegExp(`(?<![\\p{L}'’-])((?:\\p{Lu}\\p{Ll}+\\s+)+)(\\p{Lu}\\p{Ll}+)(?![\\p{L}'’-])`, "gu");
  const found: Array<[string, string]> = [];
  for (const m of text.matchAll(run)) {
    // The nickname, or its long form written after the city ("Stone Harbor Redwings" beside "the Wings").
    const f = foldName(m[2]!);
    const long = !words.has(f) && [...words].some((x) => x.length >= 4 && f.endsWith(x));
    if (!words.has(f) && !long) continue;
    const city = m[1]!.trim().split(/\s+/).slice(-3);
    while (city.length > 0 && (isStopWord(city[0]!) || CALL_WORD.test(city[0]!))) city.shift();
    if (city.length === 0 || city.length > 2) continue;
    // The long form only with a city also written alone ("for Stone Harbor"), not a player's name ("Tom Grays").
    if (long && !new RegExp(`(?<![\\p{L}])${city.join("\\s+")}(?![\\p{L}'’-])(?!\\s+\\p{Lu})`, "u").test(text)) continue;
    const w = f;
    found.push([foldName(city.join(" ")), w]);
  }
  for (const [city, w] of found) {
    if (!words.has(w) && ![...words].some((x) => x.length >= 4 && w.endsWith(x))) continue;
    words.add(w);
    for (const part of city.split(" ")) words.delete(part);
    cities.set(city, w);
  }
  // A place left over names the other side when one side has its city ("Red Mesa": the Coyotes, beside the Harbor Bay
  // Herons): the nickname written most often of those with no city.
  const withCity = new Set([...cities.values()].filter(Boolean));
  const cityless = [...words].filter((w) => ![...withCity].some((o) => o.endsWith(w) || w.endsWith(o)))
    .sort((a, b) => (alone.get(b)?.n ?? 0) - (alone.get(a)?.n ?? 0));
  const loose = [...cities].filter(([, w]) => w === "");
  if (loose.length === 1 && cityless.length > 0 && withCity.size === 1) cities.set(loose[0]![0], cityless[0]!);
  return { words, cities };
}
const CALL_WORD = /^(?:The|And|But|So|As|For|At|Of|Your|Our|Their|My|His|By|With|From|To|In|On|When|While|If|Then|Now|Here|There|Top|Bottom|Middle|End|After|Before|Still|Even|Only|That|This|Go|Come|Home|Road)$/;
const SCORE_NUMBER = "(?:\\d{1,2}|zero|nothing|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
const TEAM_VERB = /^(?:'s?)?\s+(?:leads(?! off)|lead(?! off)|trails|brings|goes to (?:the|its|his) (?:bull)?pen|bullpen|dugout|fans|faithful|lineup|pen\b|has the lead|takes the lead|is up by|is down by|up by|down by|\d+,)/;
const TEAM_AFTER = /^(?:'|’)?\s+(?:nursing (?:a|the)|protecting (?:a|the)|clinging to|have|had|are|were|lead|led|trail|trailed|win|won|need|needed|go|come|get|got|score|scored|take|took|bring|turn|hold|send|up|down|ahead|behind|threaten|'re|’re|bullpen|dugout|fans|faithful|nine|pen)\b|^(?:'|’)\s/;
const TEAM_BEFORE = /(?:\d+-\d+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)-(?:one|two|three|four|five|six|seven|eight|nine|ten|nothing)),?\s+$|\b(?:the|beat|beats)\s+$/i;

/**
 * A capitalized word the text also writes in lower case, and writes capitalized only where a sentence starts
 * ("First-pitch splitter" and "a first-pitch slider", "Sinker, low" and "a sinker"): a word of the call, no name.
 */
function isCommonWord(text: string, word: string): boolean {
  const w = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const lower = word.toLowerCase();
  if (lower === word) return false;
  let lowerSeen = false;
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}'’-])${w}(?![\\p{L}'’-])`, "giu"))) {
    if (m[0] === lower) { lowerSeen = true; continue; }
    const before = text.slice(Math.max(0, (m.index ?? 0) - 3), m.index);
    if (!(m.index === 0 || /(?:^|[.!?…:"\n])\s*["“]?$/.test(before))) return false;
  }
  return lowerSeen;
}

function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
