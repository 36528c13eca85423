import type { CanonicalMapping, EnrichedPlay, Extraction, RawPlay, StateFinding } from "../domain/index";
import type { MalformedRow } from "../extract/play-reader";
import type { LoadResult } from "../load/play-loader";
import type { ExtractStepResult, RowFailure, StepStop, StepUsage } from "../pipeline/steps/extract-step";
import type { RunSummary } from "../pipeline/steps/summarize-step";
import type { GateDecision, ValidateStepResult } from "../pipeline/steps/validate-step";
import { taskOutput } from "./task-outputs";

/** What `map_canonical` hands on: every record with its mapping, and what the AI step as a whole left or stopped on. */
export interface MappedOutput {
  records: [string, Extraction][];
  mappings: [string, CanonicalMapping][];
  failures: RowFailure[];
  stop?: StepStop;
  usage: StepUsage;
}

/**
 * What `analyze_plays` hands on: the plays ready to check (each joined with its settled mapping, its
 * analysis and the game state, read once), the plays without a record, and what the AI step left or
 * stopped on. Validation needs nothing else, so the records and mappings are not kept beside the rows.
 */
export interface AnalyzedOutput {
  enriched: EnrichedPlay[];
  missing: RawPlay[];
  failures: RowFailure[];
  stop?: StepStop;
  /** What the game-state reading found: the game-state check reports these instead of reading the game again (absent: it reads). */
  findings?: StateFinding[];
}

/**
 * The hand-offs of the `ingest` DAG, each declared once with its type and the task that stages it.
 * The pg-boss executor keeps them in `run_staging` (JSON), the in-process one in memory.
 */
export const INGEST = {
  plays: taskOutput<RawPlay[]>("load_csv", "plays"),
  malformed: taskOutput<MalformedRow[]>("load_csv", "malformed"),
  warnings: taskOutput<string[]>("load_csv", "warnings"),
  /** One per extract copy. */
  extracted: taskOutput<ExtractStepResult>("extract", "extracted"),
  reused: taskOutput<ExtractStepResult>("reuse_cache", "extracted"),
  mapped: taskOutput<MappedOutput>("map_canonical", "mapped"),
  analyzed: taskOutput<AnalyzedOutput>("analyze_plays", "analyzed"),
  validated: taskOutput<ValidateStepResult>("validate", "validated"),
  gate: taskOutput<GateDecision>("validate", "gate"),
  loaded: taskOutput<LoadResult>("load", "load"),
  held: taskOutput<LoadResult>("quarantine_report", "load"),
  topReasons: taskOutput<[string, number][]>("quarantine_report", "top_reasons"),
  alert: taskOutput<string>("alert", "alert"),
  summary: taskOutput<RunSummary>("summarize", "summary"),
} as const;
