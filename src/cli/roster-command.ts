import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { OptionsError } from "../errors";
import { readPlays } from "../extract/play-reader";
import type { ReferenceTables } from "../domain/index";
import { discoverRoster, rosterFiles } from "../transform/roster/index";

export interface RosterArgs {
  input?: string;
  out?: string;
  force?: boolean;
}

/**
 * `npm start -- roster --input game.csv --out DIR`: propose the reference tables of a game from its
 * commentary, offline, and write them to DIR for review. Existing tables are kept unless `--force`.
 * IDs start past those of `current` (the tables in use), so both games can share one database.
 */
export function rosterCommand(args: RosterArgs, current?: ReferenceTables): number {
  if (!args.input) throw new OptionsError("--input", "the CSV of the game (a playbyplay column)", args.input ?? null);
  if (!args.out) throw new OptionsError("--out", "a folder to write the proposed tables to", args.out ?? null);
  const out = path.resolve(args.out);
  if (!args.force && existsSync(path.join(out, "pitchers.csv"))) {
    throw new OptionsError("--out", "a folder without reference tables (or add --force to replace them)", args.out);
  }
  const { plays, malformed } = readPlays(args.input);
  // IDs past the tables in use, so this game's players do not overwrite those of the game already loaded.
  const roster = discoverRoster(plays, {
    firstPitcherId: Math.max(100, ...(current?.pitchers ?? []).map((p) => p.pitcher_id)) + 1,
    firstBatterId: Math.max(200, ...(current?.batters ?? []).map((b) => b.batter_id)) + 1,
  });
  mkdirSync(out, { recursive: true });
  for (const [name, text] of Object.entries(rosterFiles(roster))) writeFileSync(path.join(out, name), text);

  const mentions = (name: string) => Object.values(roster.people.find((p) => p.name === name)?.variants ?? {}).reduce((s, n) => s + n, 0);
  console.log(`Read ${plays.length} plays${malformed.length ? ` (${malformed.length} malformed rows skipped)` : ""} from ${args.input}.`);
  console.log(`Teams: home ${roster.teams.home}, away ${roster.teams.away} (${roster.teams.evidence})`);
  console.log(`\nPitchers (${roster.pitchers.length})`);
  for (const p of roster.pitchers) console.log(`  ${p.pitcher_id}  ${p.name.padEnd(24)} ${p.team.padEnd(22)} throws ${p.throws}   ${mentions(p.name)} mentions`);
  console.log(`\nBatters (${roster.batters.length})`);
  for (const b of roster.batters) console.log(`  ${b.batter_id}  ${b.name.padEnd(24)} ${b.team.padEnd(22)} ${(b.position || "-").padEnd(3)} bats ${b.bats}   ${mentions(b.name)} mentions`);
  const twoWay = roster.pitchers.filter((p) => roster.batters.some((b) => b.name === p.name));
  if (twoWay.length > 0) console.log(`\nIn both tables (two-way players): ${twoWay.map((p) => p.name).join(", ")}`);
  console.log(`\nWrote pitchers.csv, batters.csv, pitch_types.csv and name_variants.csv to ${out}.`);
  console.log("Review them (throws, bats and positions are guesses where the text does not say; fix names and teams), then run:");
  console.log(`  npm start -- --input ${args.input} --references ${args.out}`);
  return 0;
}
