import { readGroundTruth, readReferenceTables } from "../../src/extract";
import { blockLines } from "./answers";

/** A name of a roster request (`<roster_names>` block: one `{ name, context }` per line). */
export interface RosterName {
  name: string;
  context: string;
}

export function parseRosterNames(content: string): RosterName[] {
  return blockLines(content, "roster_names").filter((x): x is RosterName => !!x && typeof (x as RosterName).name === "string");
}

/** What the simulated model knows of a game's players: the reference tables of its data folder, and which side is home. */
export interface RosterBook {
  answer(names: RosterName[]): unknown;
}

const norm = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").trim().toLowerCase().replace(/\s+/g, " ");
const surname = (s: string) => norm(s).split(" ").pop() ?? "";

/**
 * The roster a careful model gives: every person of the tables one of the asked names denotes (the full name,
 * an initial and surname, or a surname no one else in the tables has), his roles, team, hands and position;
 * a surname two players share belongs to neither; names that denote no player are left out. The home team
 * is the one whose pitchers pitch in the top of an inning in the ground truth (null when it has none).
 */
export function loadRosterBook(dataDir: string): RosterBook {
  const refs = readReferenceTables(dataDir);
  let truth: ReturnType<typeof readGroundTruth> = [];
  try {
    truth = readGroundTruth(dataDir);
  } catch {
    // A folder with tables and no ground truth: the sides stay unknown.
  }
  const people = new Map<string, { name: string; team: string; pitcher?: (typeof refs.pitchers)[number]; batter?: (typeof refs.batters)[number] }>();
  for (const p of refs.pitchers) people.set(norm(p.name), { ...people.get(norm(p.name)), name: p.name, team: p.team, pitcher: p });
  for (const b of refs.batters) people.set(norm(b.name), { ...people.get(norm(b.name)), name: b.name, team: b.team, batter: b });
  const topPitcher = truth.find((r) => r.inning_half === "Top" && r.pitcher_id !== null);
  const home = refs.pitchers.find((p) => p.pitcher_id === topPitcher?.pitcher_id)?.team ?? null;
  const teams = [...new Set([...people.values()].map((p) => p.team))];
  const away = home ? teams.find((t) => t !== home) ?? null : null;
  const bySurname = (s: string) => [...people.values()].filter((p) => surname(p.name) === s);

  const denotes = (asked: string) => {
    const n = norm(asked);
    const exact = people.get(n);
    if (exact) return exact;
    const words = n.split(" ");
    const same = bySurname(words[words.length - 1]!);
    if (words.length === 1) return same.length === 1 ? same[0] : undefined;
    const initial = words[0]!.replace(/\.$/, "");
    const fits = same.filter((p) => norm(p.name).startsWith(initial));
    return fits.length === 1 && words.length === 2 ? fits[0] : undefined;
  };
  return {
    answer(names) {
      const found = new Map<string, { person: NonNullable<ReturnType<typeof denotes>>; variants: string[] }>();
      for (const { name } of names) {
        const person = denotes(name);
        if (!person) continue;
        const entry = found.get(person.name) ?? { person, variants: [] };
        entry.variants.push(name);
        found.set(person.name, entry);
      }
      return {
        home_team: home,
        away_team: away,
        players: [...found.values()].map(({ person, variants }) => ({
          name: person.name, team: person.team, pitcher: !!person.pitcher, batter: !!person.batter,
          throws: person.pitcher?.throws ?? null, bats: person.batter?.bats ?? null, position: person.batter?.position || null, variants,
        })),
      };
    },
  };
}
