import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Config } from "../config";
import type { EnrichedPlay, QuarantinedPlay } from "../domain/index";
import { BudgetExceededError, BudgetStoppedError, OptionsError, QualityGateError, toError } from "../errors";
import type { PipelineEvents } from "../events";
import { readPlays } from "../extract/play-reader";
import { readReferenceTables } from "../extract/reference-reader";
import type { Extraction, RawPlay } from "../domain/index";
import { openDatabaseFromConfig, type Database } from "../db/database";
import { migrate } from "../load/migrator";
import { releaseHeldLoadedBy, writeHeld } from "../load/held-writer";
import { loadPlays, type LoadResult } from "../load/play-loader";
import { quarantineMalformed, writeQuarantine } from "../load/quarantine-writer";
import { writeQualityReport } from "../load/quality-writer";
import { loadReferenceTables } from "../load/reference-loader";
import { recordRunAccounting, type RunOutcome } from "../load/row-accounting";
import { batterStatsRows, pitcherStatsRows } from "../summarize/play-analyses";
import type { BatterStatsRow, PitcherStatsRow } from "../summarize/analysis-rows";
import { analyzePlays } from "../transform/play-analyzer";
import { assertRosterCovers } from "../transform/roster/roster-coverage";
import { validatePlays } from "../validate/validate-plays";
import type { QualityReport } from "../validate/quality-report";
import { llmAiSteps, offlineAiSteps, type AiStepsResult, type LlmUsage } from "./ai-steps";
import { enrichPlays, extractionQuarantine } from "./enrich";
import { timedStep, type StepTiming } from "./step-timer";

export interface RunPipelineOptions {
  config: Config;
  /** CSV with a `playbyplay` column. Default: `<dataDir>/playbyplay.csv`. */
  input?: string;
  /** First N rows only (0 = all). Default: `config.rowLimit`. */
  rows?: number;
  /** Default: `config.llm.provider`. */
  provider?: "offline" | "openai";
  /** Spending cap of this run in USD. Default: `config.llm.maxCostUsd`. */
  maxCostUsd?: number;
  events?: PipelineEvents;
  /** The offline extractor to use (e.g. the one a canary promoted). Default: the rule-based extractor with the roster. */
  extract?: (plays: RawPlay[]) => Map<string, Extraction>;
  /** An open, migrated database to reuse; default: open the configured one (and close it at the end). */
  db?: Database;
  runId?: string;
}

/** Whether the share of quarantined rows stayed within the limit (ALERT_QUALITY_MAX_FAILED_RATE). */
export interface QualityGate {
  passed: boolean;
  rate: number;
  maxRate: number;
}

export interface PipelineResult {
  runId: string;
  provider: "offline" | "openai";
  /** Data rows in the input, malformed ones included. */
  rowsIn: number;
  load: LoadResult;
  /** Valid rows, as loaded. */
  plays: EnrichedPlay[];
  /** Valid rows the quality gate held back (not loaded) because too many rows failed. */
  held: EnrichedPlay[];
  gate: QualityGate;
  /** Every row that failed, with its reasons. `rowsIn === plays.length + held.length + quarantine.length`. */
  quarantine: QuarantinedPlay[];
  /**
   * How the run ended: `loaded` (exit 0), `held` by the quality gate (exit 3), `stopped` by the cost
   * budget (exit 4). Recorded in `run_outcomes`; the ledger says `failed` for the last two.
   */
  outcome: RunOutcome;
  /** Why the run did not load everything, in one sentence (also the ledger's `error`). */
  cause?: string;
  /** The budget the run had (LLM path), for the summary. */
  budgetUsd?: number;
  /** Input lines that were repaired (mis-decoded text), one message per repair. */
  warnings: string[];
  quality: QualityReport;
  llm: LlmUsage;
  stoppedReason?: string;
  steps: StepTiming[];
  topPitchers: PitcherStatsRow[];
  topBatters: BatterStatsRow[];
}

/**
 * Run the whole pipeline in this process: extract → transform (AI) → map → analyze → validate → load → summarize.
 * The orchestrated version of the same steps (a DAG on pg-boss, with retries and resumes) is in `src/orchestrate/`.
 *
 * @example
 * const result = await runPipeline({ config: loadConfig(), rows: 10 });
 * console.log(formatSummary(result));
 */
export async function runPipeline(options: RunPipelineOptions): Promise<PipelineResult> {
  const { config, events } = options;
  const rows = options.rows ?? config.rowLimit;
  if (!Number.isInteger(rows) || rows < 0) throw new OptionsError("rows", "an integer ≥ 0", rows);
  const provider = options.provider ?? config.llm.provider;
  const runId = options.runId ?? `run-${new Date().toISOString().replace(/[-:.TZ]/g, "").slice(0, 14)}-${randomUUID().slice(0, 6)}`;
  const input = options.input ?? path.join(config.dataDir, "playbyplay.csv");
  const ctx = { runId, events, timings: [] as StepTiming[] };
  const db = options.db ?? (await openDatabaseFromConfig(config));
  const started = Date.now();
  try {
    if (!options.db) await migrate(db, path.join(config.projectRoot, "migrations"));
    const { plays, malformed, warnings } = await timedStep(ctx, "extract", 0, () => readPlays(input, { limit: rows }), (r) => r.plays.length);
    const rowsIn = plays.length + malformed.length;
    events?.emit("run:start", { runId, rows: rowsIn, provider });
    const refs = readReferenceTables(config.referencesDir);
    assertRosterCovers(plays, refs, { input, referencesDir: config.referencesDir });
    const ai: AiStepsResult = await timedStep(
      ctx, "transform", plays.length,
      () => (provider === "openai" ? llmAiSteps(plays, refs, { config, db, events, runId, maxCostUsd: options.maxCostUsd }) : offlineAiSteps(plays, refs, options.extract)),
      (r) => r.records.size,
    );
    const done = (p: { play_hash: string }) => ai.records.has(p.play_hash) && ai.mappings.has(p.play_hash);
    const extracted = plays.filter(done).map((p) => ({ ...p, ...ai.records.get(p.play_hash)! }));
    const analyses = await timedStep(ctx, "analyze", extracted.length, () => analyzePlays(extracted), (r) => r.length);
    // The game state, with the tables: resolved values beside the stated ones, and IDs a paragraph leaves open settled.
    const enriched = enrichPlays(extracted, ai.mappings, analyses, refs);
    const validation = await timedStep(ctx, "validate", enriched.length, () => validatePlays(enriched, refs, { runId }), (r) => r.valid.length);
    // Every row the AI step left without a record or a mapping is quarantined, with its reason when it gave one.
    const reasons = new Map<string, string>();
    for (const f of ai.failures) if (!reasons.has(f.play_hash)) reasons.set(f.play_hash, f.reason);
    const missing = plays.filter((p) => !done(p));
    const quarantine = [
      ...quarantineMalformed(malformed),
      ...extractionQuarantine(plays, missing.map((p) => ({ play_hash: p.play_hash, reason: reasons.get(p.play_hash) ?? "the AI step returned no record or mapping for this row" })), "transform"),
      ...validation.quarantined,
    ];
    // The quality gate, as in the orchestrated DAG: past the limit nothing loads, and the valid rows are held.
    const rate = rowsIn === 0 ? 0 : quarantine.length / rowsIn;
    const gate: QualityGate = { passed: rate <= config.alerts.qualityMaxFailedRate, rate, maxRate: config.alerts.qualityMaxFailedRate };
    const loaded = gate.passed ? validation.valid : [];
    const held = gate.passed ? [] : validation.valid;
    const outcome: RunOutcome = ai.stopped ? "stopped" : gate.passed ? "loaded" : "held";
    const failure =
      outcome === "stopped" ? new BudgetStoppedError(ai.stopped instanceof BudgetExceededError ? ai.stopped.budgetUsd : ai.budgetUsd, missing.length, ai.stopped instanceof BudgetExceededError ? undefined : ai.stoppedReason)
      : outcome === "held" ? new QualityGateError(held.length, quarantine.length, rowsIn, rate, gate.maxRate)
      : undefined;
    const load = await timedStep(ctx, "load", validation.valid.length, async () => {
      await loadReferenceTables(db, refs);
      let result: LoadResult;
      if (gate.passed) {
        result = await loadPlays(db, { runId, plays: loaded, quarantined: quarantine, report: validation.report });
        await releaseHeldLoadedBy(db, runId, loaded);
      } else {
        await writeQualityReport(db, runId, validation.report);
        result = { inserted: 0, updated: 0, unchanged: 0, quarantined: await writeQuarantine(db, runId, quarantine) };
        await writeHeld(db, runId, held);
      }
      // Where every input row ended, queryable per run (view run_row_accounting).
      await recordRunAccounting(db, runId, {
        rowsIn, loaded, held, quarantined: quarantine.map((q) => q.play), outcome, cause: failure?.message,
      });
      return result;
    }, (r) => r.inserted + r.updated + r.unchanged);
    // This run's plays only (the database may hold other games); the same analyses the SQL views give.
    const [topPitchers, topBatters] = await timedStep(ctx, "summarize", loaded.length, async () => [
      pitcherStatsRows(loaded, refs).slice(0, 5),
      batterStatsRows(loaded, refs).slice(0, 5),
    ] as const, () => loaded.length);
    // A run that held or stopped is a failed run for the ledger and the alerts, though it returns its result.
    if (failure) events?.emit("run:error", { runId, durationMs: Date.now() - started, error: failure });
    else events?.emit("run:success", { runId, durationMs: Date.now() - started, loaded: loaded.length, quarantined: quarantine.length });
    return {
      runId, provider, rowsIn, load, plays: loaded, held, gate, quarantine, outcome, cause: failure?.message, budgetUsd: ai.budgetUsd,
      warnings, quality: validation.report, llm: ai.usage,
      stoppedReason: ai.stoppedReason, steps: ctx.timings, topPitchers: [...topPitchers], topBatters: [...topBatters],
    };
  } catch (e) {
    // The ledger, alerts and progress hear about a failed run too; the caller gets the error.
    const error = toError(e);
    events?.emit("run:error", { runId, durationMs: Date.now() - started, error });
    throw error;
  } finally {
    if (!options.db) await db.close();
  }
}
