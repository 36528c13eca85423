import { type Batter, type Pitcher, type RawPlay } from "../../domain/index";
import { foldName } from "../offline/name-parser";
import type { DiscoveredPerson, ProposedRoster } from "./roster-discovery";
import { mentions, type RosterAnswer } from "./roster-prompt";

/** The merged proposal, and one line per decision a reviewer should check. */
export interface MergedRoster {
  roster: ProposedRoster;
  notes: string[];
}

type Player = RosterAnswer["players"][number];

/**
 * Merge the model's roster into the rules' proposal. The text is the judge: a name or variant the commentary
 * never writes is dropped (the model invented it), as is a bare surname two players claim. A player both know
 * keeps the rules' votes and takes the model's roles, team, hands and position where it gives them; one only
 * the model lists is added; one the rules listed but the model, asked about him, did not is left out. Every
 * such decision is a note. IDs are given anew from the first IDs, home team first, in order of appearance.
 */
export function mergeRosters(
  rules: ProposedRoster,
  answer: RosterAnswer,
  plays: readonly RawPlay[],
  ids: { firstPitcherId: number; firstBatterId: number },
): MergedRoster {
  const notes: string[] = [];
  const inText = (name: string) => plays.some((p) => mentions(p.playbyplay, name));
  const firstRow = (forms: string[]) => {
    const i = plays.findIndex((p) => forms.some((f) => mentions(p.playbyplay, f)));
    return i < 0 ? plays.length : i;
  };

  const players: Player[] = [];
  for (const p of answer.players) {
    const forms = [...new Set([p.name, ...p.variants])];
    const written = forms.filter(inText);
    const invented = forms.filter((f) => !written.includes(f));
    if (written.length === 0) {
      notes.push(`${p.name}: the model lists him, but the text never writes the name: left out`);
      continue;
    }
    if (invented.length > 0) notes.push(`${p.name}: variants not in the text dropped (${invented.join(", ")})`);
    if (!p.pitcher && !p.batter) continue;
    const name = written.includes(p.name) ? p.name : [...written].sort((a, b) => b.length - a.length)[0]!;
    players.push({ ...p, name, variants: written });
  }
  // A bare form two players claim ("Castillo") says neither.
  const claims = new Map<string, number>();
  for (const p of players) for (const v of p.variants) claims.set(foldName(v), (claims.get(foldName(v)) ?? 0) + 1);
  for (const p of players) p.variants = p.variants.filter((v) => v === p.name || claims.get(foldName(v)) === 1);

  const teams = { ...rules.teams };
  if (answer.home_team && answer.away_team && inText(answer.home_team) && inText(answer.away_team) && answer.home_team !== answer.away_team) {
    teams.home = answer.home_team;
    teams.away = answer.away_team;
    teams.evidence = `the model (one request), both names in the text; the rules said ${rules.teams.home} / ${rules.teams.away} (${rules.teams.evidence})`;
  }

  // The rules' person each player is: a full name in common, or the one bare form only he claims.
  const folded = (person: DiscoveredPerson) => new Set([person.name, ...Object.keys(person.variants)].map(foldName));
  const matched = new Set<DiscoveredPerson>();
  const entries = players.map((p) => {
    const forms = p.variants.map(foldName);
    const person = rules.people.find((r) => !matched.has(r) && forms.some((f) => folded(r).has(f) && (f.includes(" ") || !r.name.includes(" "))));
    if (person) matched.add(person);
    return { p, person };
  });
  const teamOf = (p: Player, person?: DiscoveredPerson) => {
    if (p.team && (p.team === teams.home || p.team === teams.away || inText(p.team))) return p.team;
    const rulesTeam = person && [...rules.pitchers, ...rules.batters].find((x) => x.name === person.name)?.team;
    return rulesTeam && rulesTeam !== "unknown" ? rulesTeam : p.team ?? "unknown";
  };
  for (const r of rules.people) {
    const roles = [rules.pitchers.some((x) => x.name === r.name) && "pitcher", rules.batters.some((x) => x.name === r.name) && "batter"].filter(Boolean);
    if (!matched.has(r) && roles.length > 0) notes.push(`${r.name}: the rules read a ${roles.join(" and ")}, the model lists no such player: left out (add him back if he is one)`);
  }

  const people: DiscoveredPerson[] = [];
  const rows = entries.map(({ p, person }) => {
    const variants: Record<string, number> = { ...(person?.variants ?? {}) };
    for (const v of p.variants) variants[v] ??= plays.filter((play) => mentions(play.playbyplay, v)).length;
    const merged: DiscoveredPerson = person
      ? { ...person, name: p.name.includes(" ") || !person.name.includes(" ") ? p.name : person.name, variants }
      : { name: p.name, variants, pitcherVotes: 0, batterVotes: 0, playerVotes: 0, sideVotes: 0, pitcherSide: 0, batterSide: 0, cues: [], firstRow: firstRow(p.variants) };
    people.push(merged);
    if (!person) notes.push(`${merged.name}: added by the model (the rules did not list him)`);
    const was = person && { pitcher: rules.pitchers.some((x) => x.name === person.name), batter: rules.batters.some((x) => x.name === person.name) };
    if (was && (was.pitcher !== p.pitcher || was.batter !== p.batter)) {
      notes.push(`${merged.name}: ${roleWords(p)} for the model, ${roleWords(was)} for the rules: the model's roles kept`);
    }
    return { p, person: merged, rulesName: person?.name ?? "", team: teamOf(p, person) };
  });
  const side = (team: string) => (team === teams.home ? 0 : team === teams.away ? 1 : 2);
  const ordered = rows.sort((a, b) => side(a.team) - side(b.team) || a.person.firstRow - b.person.firstRow);
  const rulesPitcher = (name: string) => rules.pitchers.find((x) => x.name === name);
  const rulesBatter = (name: string) => rules.batters.find((x) => x.name === name);
  const pitchers: Pitcher[] = ordered.filter((r) => r.p.pitcher).map((r, i) => ({
    pitcher_id: ids.firstPitcherId + i, name: r.person.name, team: r.team, throws: r.p.throws ?? rulesPitcher(r.rulesName)?.throws ?? "R",
  }));
  const batters: Batter[] = ordered.filter((r) => r.p.batter).map((r, i) => ({
    batter_id: ids.firstBatterId + i, name: r.person.name, team: r.team,
    position: r.p.position ?? rulesBatter(r.rulesName)?.position ?? "", bats: r.p.bats ?? rulesBatter(r.rulesName)?.bats ?? "R",
  }));
  return { roster: { pitchers, batters, pitchTypes: rules.pitchTypes, teams, people }, notes };
}

const roleWords = (r: { pitcher: boolean; batter: boolean }) =>
  r.pitcher && r.batter ? "pitcher and batter" : r.pitcher ? "pitcher" : r.batter ? "batter" : "neither";
