import path from "node:path";
import type { CanonicalMapping, Extraction } from "../../domain/index";
import { readGroundTruth, readPlays, readReferenceTables } from "../../extract/index";
import { measureAccuracy, type AccuracyReport, type FieldAccuracy } from "../accuracy";
import { createCanonicalMapper } from "../canonical-mapper";
import { analyzePlays } from "../play-analyzer";
import { readGameState } from "../state/game-state-reader";
import { RuleExtractor } from "./rule-extractor";

export interface OfflineEvaluation extends AccuracyReport {
  /**
   * The batter at the plate and the pitcher on the mound as the game-state reader resolves them, on the pitch rows,
   * when the ground truth gives them (`batter_resolved_id`, `pitcher_resolved_id`; the blind sets do, `data/` does not).
   */
  resolved: FieldAccuracy[];
  /** How many rows the game-state reader flagged as contradicting the running state (quality warnings). */
  stateFindings: number;
}

/**
 * Run the whole offline provider (extract → map → game state → analyze) over a data folder holding
 * `playbyplay.csv`, the reference tables and `ground_truth.jsonl`, and score it against the truth, row by row
 * in order (a row whose mis-decoded punctuation was repaired when read has a new hash, not a new place).
 *
 * @example
 * const report = evaluateOffline(config.dataDir);
 * console.log(formatAccuracyTable(report));
 */
export function evaluateOffline(dataDir: string): OfflineEvaluation {
  const references = readReferenceTables(dataDir);
  const truth = readGroundTruth(dataDir);
  const { plays } = readPlays(path.join(dataDir, "playbyplay.csv"));
  if (plays.length !== truth.length) throw new Error(`${dataDir}: ${plays.length} plays but ${truth.length} ground-truth rows`);
  const byHash = new RuleExtractor({ references, onWarning: () => {} }).extract(plays);
  const rows = plays.map((p, i) => ({ ...p, play_hash: truth[i]!.play_hash, ...byHash.get(p.play_hash)! }));
  const extracted = new Map<string, Extraction>(plays.map((p, i) => [truth[i]!.play_hash, byHash.get(p.play_hash)!]));
  const mapper = createCanonicalMapper(references);
  const mapped = new Map<string, CanonicalMapping>(rows.map((r) => [r.play_hash, mapper.map(r)]));
  // The game state settles what a paragraph leaves open: a surname two players share is the one whose side is at bat.
  const state = readGameState(rows, mapped, references);
  const analysis = analyzePlays(rows, state.states);
  const analyses = new Map(rows.map((r, i) => [r.play_hash, analysis[i]!]));
  const report = measureAccuracy(extracted, truth, { mappings: state.mappings, analyses });
  const pitches = truth.map((t, i) => ({ t, s: state.states[i]! })).filter(({ t }) => t.event_kind === "pitch");
  const resolved: FieldAccuracy[] = [];
  for (const [field, truthOf, got] of [
    ["resolved batter_id", (t) => t.batter_resolved_id, (s) => s.batter_id],
    ["resolved pitcher_id", (t) => t.pitcher_resolved_id, (s) => s.pitcher_id],
  ] as const satisfies ReadonlyArray<readonly [string, (t: (typeof truth)[number]) => number | null | undefined, (s: (typeof pitches)[number]["s"]) => number | null]>) {
    if (pitches.length === 0 || pitches.some(({ t }) => truthOf(t) === undefined)) continue;
    const correct = pitches.filter(({ t, s }) => got(s) === truthOf(t)).length;
    resolved.push({ field, correct, total: pitches.length, accuracy: correct / pitches.length });
  }
  return { ...report, resolved, stateFindings: new Set(state.findings.map((f) => f.play_id)).size };
}
