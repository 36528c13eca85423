/**
 * Regenerate the workbook's dataset: `npm run data:generate [-- --out DIR] [-- --seed N] [-- --search]`.
 * Writes playbyplay.csv, pitchers.csv, batters.csv, pitch_types.csv and ground_truth.jsonl.
 * The output is a pure function of the seed: running it again gives byte-identical files.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findProjectRoot } from "../src/config";
import { DEFAULT_SEED, findSeed, generateDataset } from "./simulator/dataset";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const out = path.resolve(arg("out") ?? path.join(findProjectRoot(), "data"));
let seed = Number(arg("seed") ?? DEFAULT_SEED);
if (process.argv.includes("--search")) seed = findSeed(seed);
const { files, game, truth } = generateDataset({ seed });
mkdirSync(out, { recursive: true });
for (const [name, contents] of Object.entries(files)) writeFileSync(path.join(out, name), contents, "utf8");
const nonPitch = truth.filter((r) => r.event_kind !== "pitch").length;
console.log(
  `seed ${seed}: ${truth.length} rows (${nonPitch} non-pitch), ${game.innings} innings, final ${game.final.away}-${game.final.home} ` +
    `(away-home), written to ${out}`,
);
