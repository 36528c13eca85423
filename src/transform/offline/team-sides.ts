import type { Extraction, ReferenceTables } from "../../domain/index";
import { foldName, surnameOf } from "./name-parser";

/**
 * Which team is home, learned from the game itself: in the top of an inning the away team bats
 * and the home team pitches. Each play whose half and player are known casts a vote.
 * One team voted for, of the two the tables name, settles the other. Null when the votes tie or no one votes.
 */
export function inferHomeAway(rows: Extraction[], refs: ReferenceTables): { home: string; away: string } | null {
  const teamOf = new Map<string, string>();
  for (const p of refs.pitchers) {
    teamOf.set(`p:${foldName(p.name)}`, p.team);
    teamOf.set(`p:${surnameOf(p.name)}`, p.team);
  }
  for (const b of refs.batters) {
    teamOf.set(`b:${foldName(b.name)}`, b.team);
    teamOf.set(`b:${surnameOf(b.name)}`, b.team);
  }
  const votes = new Map<string, number>(); // + means home
  const vote = (team: string | undefined, delta: number) => {
    if (team) votes.set(team, (votes.get(team) ?? 0) + delta);
  };
  for (const row of rows) {
    if (!row.inning_half) continue;
    const sign = row.inning_half === "Top" ? 1 : -1;
    if (row.pitcher_name) vote(teamOf.get(`p:${foldName(row.pitcher_name)}`) ?? teamOf.get(`p:${surnameOf(row.pitcher_name)}`), sign);
    if (row.batter_name) vote(teamOf.get(`b:${foldName(row.batter_name)}`) ?? teamOf.get(`b:${surnameOf(row.batter_name)}`), -sign);
  }
  const teams = [...votes.entries()].sort((a, b) => b[1] - a[1]);
  // One team voted for, of the two the tables name: the other is the other side.
  if (teams.length === 1 && teams[0]![1] !== 0) {
    const other = [...new Set([...refs.pitchers, ...refs.batters].map((p) => p.team))].filter((t) => t !== teams[0]![0]);
    if (other.length === 1) teams.push(teams[0]![1] > 0 ? [other[0]!, -Infinity] : [other[0]!, Infinity]);
    teams.sort((a, b) => b[1] - a[1]);
  }
  if (teams.length < 2 || teams[0]![1] === teams[teams.length - 1]![1]) return null;
  return { home: teams[0]![0], away: teams[teams.length - 1]![0] };
}
