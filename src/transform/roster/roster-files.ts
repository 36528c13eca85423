import type { ProposedRoster } from "./roster-discovery";

const cell = (v: string | number) => {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (header: string[], rows: Array<Array<string | number>>) => [header, ...rows].map((r) => r.map(cell).join(",")).join("\n") + "\n";

/**
 * The proposed tables as the files of `data/` (UTF-8, LF, RFC 4180), plus `name_variants.csv`: every form
 * of each name the text wrote and how often, for the reviewer (the run itself reads only the three tables).
 */
export function rosterFiles(roster: ProposedRoster): Record<string, string> {
  const idOf = new Map<string, string>();
  for (const p of roster.pitchers) idOf.set(p.name, `pitcher ${p.pitcher_id}`);
  for (const b of roster.batters) idOf.set(b.name, idOf.has(b.name) ? `${idOf.get(b.name)}; batter ${b.batter_id}` : `batter ${b.batter_id}`);
  return {
    "pitchers.csv": csv(["pitcher_id", "name", "team", "throws"], roster.pitchers.map((p) => [p.pitcher_id, p.name, p.team, p.throws])),
    "batters.csv": csv(["batter_id", "name", "team", "position", "bats"], roster.batters.map((b) => [b.batter_id, b.name, b.team, b.position, b.bats])),
    "pitch_types.csv": csv(["code", "name"], roster.pitchTypes.map((t) => [t.code, t.name])),
    "name_variants.csv": csv(
      ["ids", "name", "variant", "mentions", "on_the_mound", "at_the_plate"],
      roster.people.filter((p) => idOf.has(p.name)).flatMap((p) =>
        Object.entries(p.variants).sort((a, b) => b[1] - a[1]).map(([v, n]) => [idOf.get(p.name)!, p.name, v, n, p.pitcherVotes, p.batterVotes]),
      ),
    ),
  };
}
