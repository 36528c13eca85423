import { PITCH_TYPE_CODES, PITCH_TYPE_NAMES, type GroundTruthRow } from "../../src/domain";
import { csvEscape } from "../../src/extract/csv-parser";
import { BATTERS, PITCHERS, TEAMS } from "./roster";

/** File name → contents, every file UTF-8 without BOM and with LF line ends. */
export type DataFiles = Record<string, string>;

const lines = (rows: string[]) => rows.map((r) => `${r}\n`).join("");

export function playByPlayCsv(texts: string[]): string {
  return lines(["playbyplay", ...texts.map(csvEscape)]);
}

/** One JSON object per line; keys in the order `truthRow` builds them. */
export function groundTruthJsonl(rows: GroundTruthRow[]): string {
  return lines(rows.map((r) => JSON.stringify(r)));
}

export function referenceCsvs(): DataFiles {
  const team = (side: "home" | "away") => TEAMS[side].name;
  return {
    "pitchers.csv": lines(["pitcher_id,name,team,throws", ...PITCHERS.map((p) => [p.id, p.name, team(p.side), p.throws].map(csvEscape).join(","))]),
    "batters.csv": lines(["batter_id,name,team,position,bats", ...BATTERS.map((b) => [b.id, b.name, team(b.side), b.position, b.bats].map(csvEscape).join(","))]),
    "pitch_types.csv": lines(["code,name", ...PITCH_TYPE_CODES.map((c) => [c, PITCH_TYPE_NAMES[c]].map(csvEscape).join(","))]),
  };
}
