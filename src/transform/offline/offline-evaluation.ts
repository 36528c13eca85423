import path from "node:path";
import type { CanonicalMapping, PlayAnalysis } from "../../domain/index";
import { readGroundTruth, readPlays, readReferenceTables } from "../../extract/index";
import { measureAccuracy, type AccuracyReport } from "../accuracy";
import { createCanonicalMapper } from "../canonical-mapper";
import { analyzePlays } from "../play-analyzer";
import { RuleExtractor } from "./rule-extractor";

/**
 * Run the whole offline provider (extract → map → analyze) over a data folder holding
 * `playbyplay.csv`, the reference tables and `ground_truth.jsonl`, and score it against the truth.
 *
 * @example
 * const report = evaluateOffline(config.dataDir);
 * console.log(formatAccuracyTable(report));
 */
export function evaluateOffline(dataDir: string): AccuracyReport {
  const references = readReferenceTables(dataDir);
  const truth = readGroundTruth(dataDir);
  const { plays } = readPlays(path.join(dataDir, "playbyplay.csv"));
  const extracted = new RuleExtractor({ references }).extract(plays);
  const mapper = createCanonicalMapper(references);
  const mappings = new Map<string, CanonicalMapping>();
  for (const [hash, e] of extracted) mappings.set(hash, mapper.map(e));
  const analysis = analyzePlays(plays.map((p) => ({ ...p, ...extracted.get(p.play_hash)! })));
  const analyses = new Map<string, PlayAnalysis>(plays.map((p, i) => [p.play_hash, analysis[i]!]));
  return measureAccuracy(extracted, truth, { mappings, analyses });
}
