import {
  PITCH_TYPE_CODES,
  PITCH_TYPE_NAMES,
  type Batter,
  type InningHalf,
  type Pitcher,
  type RawPlay,
  type ReferenceTables,
} from "../../domain/index";
import { foldName } from "../offline/name-parser";
import { findPitchTerms } from "../offline/pitch-vocabulary";
import { RuleExtractor } from "../offline/rule-extractor";
import { readGameState } from "../state/game-state-reader";
import { isFormOf, personKey, readParagraphNames, type ParagraphNames } from "./paragraph-names";
import { discoverTeams, type DiscoveredTeams } from "./team-discovery";

/** One person the text talks about, with the evidence for each role. */
export interface DiscoveredPerson {
  /** The fullest form the text gives ("Luis Ortega"), else the surname as written. */
  name: string;
  /** Every form written, with how often: "Ortega" 31, "Luis Ortega" 4, "L. Ortega" 1. */
  variants: Record<string, number>;
  pitcherVotes: number;
  batterVotes: number;
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

const sideOf = (role: "pitcher" | "batter", half: InningHalf | null): number =>
  half === null ? 0 : (role === "pitcher") === (half === "Top") ? 1 : -1;

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
  // The extractor without tables reads who pitches and bats by the grammar of each call; the game state gives
  // every row its half-inning (stated, carried, or after three outs, "middle of the 5th", "end of six").
  const extracted = new RuleExtractor({ onWarning: () => {} }).extract([...plays]);
  const rows = plays.map((p) => ({ ...p, ...extracted.get(p.play_hash)! }));
  const halves = readGameState(rows).states.map((st) => st.inning_half.value);
  const read = plays.map((p, i) => ({ ...readParagraphNames(p.playbyplay, halves[i] ?? null), half: halves[i] ?? null, pitcher: rows[i]!.pitcher_name, batter: rows[i]!.batter_name }));
  const teamWords = teamWordsOf(read);
  const isTeamWord = (name: string) => name.split(/\s+/).some((w) => teamWords.has(foldName(w)));

  // Full names per surname: two first names under one surname are two people ("Luis Ortega", "Mateo Ortega").
  const fulls = new Map<string, Map<string, number>>();
  for (const r of read) {
    for (const f of r.fullNames) {
      if (isTeamWord(f) || /\./.test(f.split(" ")[0]!)) continue;
      const forms = fulls.get(personKey(f)) ?? new Map<string, number>();
      forms.set(f, (forms.get(f) ?? 0) + 1);
      fulls.set(personKey(f), forms);
    }
  }
  const people = new Map<string, DiscoveredPerson>();
  const pending: Array<{ key: string; written: string; row: number }> = [];
  const fullySeen = (p: DiscoveredPerson) => p.name.includes(" ") && (fulls.get(personKey(p.name))?.get(p.name) ?? 0) >= 1;
  const personFor = (written: string, row: number): DiscoveredPerson | null => {
    if (isTeamWord(written)) return null;
    const key = personKey(written);
    if (key.length < 2) return null;
    const forms = [...(fulls.get(key)?.entries() ?? [])].sort((a, b) => b[1] - a[1]);
    const distinctFirst = new Set(forms.map(([f]) => foldName(f).split(" ")[0]));
    let name = forms[0]?.[0] ?? written;
    if (distinctFirst.size > 1) {
      // A shared surname: the form written here or elsewhere in the paragraph says which one.
      // (Only the form written for this role: the other full name in the paragraph may be the other player.)
      const here = written.includes(" ") && forms.some(([f]) => isFormOf(written, f)) ? written : undefined;
      const match = here && forms.find(([f]) => isFormOf(here, f));
      if (!match) {
        pending.push({ key, written, row });
        return null;
      }
      name = match[0];
    }
    const id = foldName(name);
    let person = people.get(id);
    if (!person) {
      person = { name, variants: {}, pitcherVotes: 0, batterVotes: 0, sideVotes: 0, pitcherSide: 0, batterSide: 0, cues: [], firstRow: row };
      people.set(id, person);
    }
    person.variants[written] = (person.variants[written] ?? 0) + 1;
    return person;
  };
  const vote = (person: DiscoveredPerson, role: "pitcher" | "batter", half: InningHalf | null) => {
    if (role === "pitcher") person.pitcherVotes++;
    else person.batterVotes++;
    person.sideVotes += sideOf(role, half);
    if (role === "pitcher") person.pitcherSide += sideOf(role, half);
    else person.batterSide += sideOf(role, half);
  };
  const ambiguous: Array<{ key: string; written: string; role: "pitcher" | "batter"; half: InningHalf | null }> = [];
  read.forEach((r, row) => {
    for (const role of ["pitcher", "batter"] as const) {
      const written = r[role];
      if (!written) continue;
      const before = pending.length;
      const person = personFor(written, row);
      if (pending.length > before) ambiguous.push({ key: pending[pending.length - 1]!.key, written, role, half: r.half });
      if (!person) continue;
      vote(person, role, r.half);
    }
    for (const cue of r.cues) {
      const person = people.get(foldName(cue.name)) ?? [...people.values()].find((p) => isFormOf(cue.name, p.name));
      if (person) person.cues.push(cue);
    }
  });

  // A bare surname two people share ("Castillo against Castillo"): the one who already has this role, else the one
  // who has never had the other role, takes the vote.
  for (const a of ambiguous) {
    const other = a.role === "pitcher" ? "batterVotes" : "pitcherVotes";
    const mine = a.role === "pitcher" ? "pitcherVotes" : "batterVotes";
    // Every full name written with this surname is a candidate, even one the grammar never placed.
    for (const [f] of fulls.get(a.key) ?? []) {
      if (!people.has(foldName(f))) people.set(foldName(f), { name: f, variants: { [f]: 1 }, pitcherVotes: 0, batterVotes: 0, sideVotes: 0, pitcherSide: 0, batterSide: 0, cues: [], firstRow: plays.length });
    }
    const candidates = [...people.values()].filter((p) => personKey(p.name) === a.key);
    const withRole = candidates.filter((p) => p[mine] > 0);
    const pick = withRole.length === 1 ? withRole[0] : candidates.filter((p) => p[other] === 0).length === 1 ? candidates.find((p) => p[other] === 0) : undefined;
    if (pick) {
      vote(pick, a.role, a.half);
      pick.variants[a.written] = (pick.variants[a.written] ?? 0) + 1;
    }
  }
  // A name given in full once ("Now batting, Sam Odom") needs one vote; a bare surname needs `minVotes`.
  const votes = (p: DiscoveredPerson) => p.pitcherVotes + p.batterVotes;
  let kept = [...people.values()].filter((p) => votes(p) >= minVotes || (votes(p) >= 1 && fullySeen(p))).sort((a, b) => a.firstRow - b.firstRow);
  const teams0 = discoverTeams(plays, read.map((r) => r.half), kept, teamWords);
  // Not people: a pitch's nickname ("Uncle Charlie"), a ballpark ("Driftwood Park"), a team's city ("Granite Bay").
  const notPerson = (p: DiscoveredPerson) => findPitchTerms(p.name.toLowerCase()).length > 0 || PLACE.test(p.name) ||
    [teams0.home, teams0.away].some((t) => t.toLowerCase().startsWith(`${p.name.toLowerCase()} `));
  kept = kept.filter((p) => !notPerson(p));
  const teams = teams0;
  const teamOf = (p: DiscoveredPerson) => (p.sideVotes > 0 ? teams.home : p.sideVotes < 0 ? teams.away : "unknown");
  const order = (p: DiscoveredPerson) => (p.sideVotes > 0 ? 0 : p.sideVotes < 0 ? 1 : 2);
  const byTeam = (list: DiscoveredPerson[]) => list.slice().sort((a, b) => order(a) - order(b) || a.firstRow - b.firstRow);
  // A role needs its share of the votes, and a second role (a two-way player) as many votes as a person needs.
  const share = (votes: number, p: DiscoveredPerson, side: number) =>
    votes >= 1 && votes >= minRoleShare * (p.pitcherVotes + p.batterVotes) && (votes >= minVotes || votes === p.pitcherVotes + p.batterVotes) &&
    // Pitching while his own side bats is a misreading of the call (and batting while it fields).
    (votes === p.pitcherVotes + p.batterVotes || Math.sign(side) === 0 || Math.sign(side) === Math.sign(p.sideVotes));
  const has = (p: DiscoveredPerson, cue: ParagraphNames["cues"][number]["cue"]) => p.cues.filter((c) => c.cue === cue).length;
  const pitchers: Pitcher[] = byTeam(kept.filter((p) => share(p.pitcherVotes, p, p.pitcherSide))).map((p, i) => ({
    pitcher_id: firstPitcherId + i, name: p.name, team: teamOf(p), throws: has(p, "throws-left") > has(p, "throws-right") ? "L" : "R",
  }));
  const batters: Batter[] = byTeam(kept.filter((p) => share(p.batterVotes, p, p.batterSide))).map((p, i) => ({
    batter_id: firstBatterId + i, name: p.name, team: teamOf(p),
    position: has(p, "pinch-hitter") > 0 ? "PH" : mostCommon(p.cues.filter((c) => c.cue === "position").map((c) => c.value ?? "")) ?? "",
    bats: has(p, "bats-switch") > 0 ? "S" : has(p, "bats-left") > 0 ? "L" : "R",
  }));
  const pitchTypes = PITCH_TYPE_CODES.map((code) => ({ code, name: PITCH_TYPE_NAMES[code] }));
  return { pitchers, batters, pitchTypes, teams, people: kept };
}

const PLACE = /\b(?:Park|Field|Stadium|Yard|Grounds|Dome|Center|Centre|Coliseum|Gardens)$/;
// Plurals that follow "the" with a capital but name no team.
const NOT_TEAMS = /^(?:series|world|games?|playoffs|majors|minors|league|books|stands|bleachers|fans|people|umpires?|rules|stars|heavens|count|inning|bottom|top|ball|pitch|plate|mound|bullpen|dugout|crowd|park|field|stadium)$/;

/** Capitalized plurals after "the" that come back through the game ("the Otters"): team nicknames, folded. */
function teamWordsOf(read: ParagraphNames[]): Set<string> {
  const counts = new Map<string, number>();
  for (const r of read) for (const w of r.teamWords) counts.set(foldName(w), (counts.get(foldName(w)) ?? 0) + 1);
  const top = Math.max(0, ...counts.values());
  return new Set([...counts].filter(([w, n]) => n >= 3 && n >= top / 4 && !NOT_TEAMS.test(w)).map(([w]) => w));
}

function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
