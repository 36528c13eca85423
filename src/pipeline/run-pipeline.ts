import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Config } from "../config";
import type { EnrichedPlay, Extraction, QuarantinedPlay, RawPlay } from "../domain/index";
import { OptionsError, PipelineError } from "../errors";
import { PipelineEvents } from "../events";
import { openDatabaseFromConfig, type Database } from "../db/database";
import { migrate } from "../load/migrator";
import type { LoadResult } from "../load/play-loader";
import type { RunOutcome } from "../load/row-accounting";
import { runDagInProcess } from "../orchestrate/in-process-executor";
import { listTasks } from "../orchestrate/ledger";
import type { RetryPolicy } from "../orchestrate/retry-policy";
import type { TaskOutput } from "../orchestrate/task-outputs";
import { workbookDag } from "../orchestrate/workbook-dag";
import { INGEST } from "../orchestrate/workbook-outputs";
import { ingestParams } from "../orchestrate/workbook-params";
import { INGEST_DROP_AFTER } from "../orchestrate/workbook-tasks";
import type { BatterStatsRow, PitcherStatsRow } from "../summarize/analysis-rows";
import type { QualityReport } from "../validate/quality-report";
import type { LlmUsage } from "./ai-steps";
import { runFailureOf, runOutcomeOf } from "./steps/validate-step";
import type { StepTiming } from "./step-timer";

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
  /** Plays per extract task (the DAG's fan-out). Default 100 (LLM), `OFFLINE_BATCH_ROWS` offline. */
  batchRows?: number;
  events?: PipelineEvents;
  /** The offline extractor to use (e.g. the one a canary promoted). Default: the rule-based extractor with the roster. */
  extract?: (plays: RawPlay[]) => Map<string, Extraction>;
  /** The DAG's task retry policies, over its defaults (see `WorkbookDagOptions.retry`). */
  retry?: { llm?: Partial<RetryPolicy>; local?: Partial<RetryPolicy> };
  /** An open, migrated database to reuse; default: open the configured one (and close it at the end). */
  db?: Database;
  runId?: string;
}

/**
 * Plays per offline extract task in this process. The rules read the whole input once whatever the
 * split (the same records), so a copy only costs its ledger rows: 10 copies for 100,000 plays, not 1,000.
 */
export const OFFLINE_BATCH_ROWS = 10_000;

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
  /** Requests, tokens and cost read from the call ledger (`llm_calls`) for this run. */
  llm: LlmUsage;
  stoppedReason?: string;
  /** The DAG's tasks that ran, in the order they started (a fan-out's copies one by one). */
  steps: StepTiming[];
  topPitchers: PitcherStatsRow[];
  topBatters: BatterStatsRow[];
}

/**
 * Run the whole pipeline in this process: the `ingest` DAG (`workbookDag`: read → extract → map →
 * analyze → validate + gate → load → summarize) on the in-process executor, with the same tasks,
 * budget, gate, retries, ledger rows and events as `npm start -- trigger` on pg-boss.
 *
 * @example
 * const result = await runPipeline({ config: loadConfig(), rows: 10 });
 * console.log(formatSummary(result));
 */
export async function runPipeline(options: RunPipelineOptions): Promise<PipelineResult> {
  const { config } = options;
  const events = options.events ?? new PipelineEvents();
  const rows = options.rows ?? config.rowLimit;
  if (!Number.isInteger(rows) || rows < 0) throw new OptionsError("rows", "an integer ≥ 0", rows);
  const provider = options.provider ?? config.llm.provider;
  const runId = options.runId ?? `run-${new Date().toISOString().replace(/[-:.TZ]/g, "").slice(0, 14)}-${randomUUID().slice(0, 6)}`;
  const input = options.input ?? path.join(config.dataDir, "playbyplay.csv");
  const batchRows = options.batchRows ?? (provider === "offline" ? OFFLINE_BATCH_ROWS : undefined);
  const params = ingestParams(config, { rows, provider, maxCostUsd: options.maxCostUsd, batchRows });
  const db = options.db ?? (await openDatabaseFromConfig(config));
  try {
    if (!options.db) await migrate(db, path.join(config.projectRoot, "migrations"));
    const dag = workbookDag(config, { extract: options.extract, retry: options.retry, onLongWait: "stop" });
    const run = await runDagInProcess(dag, { db, events, runId, inputPath: input, params: { ...params }, env: config.appEnv, dropAfter: INGEST_DROP_AFTER });
    const out = <T>(o: TaskOutput<T>) => run.staging.get<T>(runId, o.task, o.key);
    const validated = await out(INGEST.validated);
    const failure = validated ? runFailureOf(validated.gate) : undefined;
    // A held or stopped run fails in the ledger but returns its result; any other failure is thrown as its task threw it.
    if (run.error && !(failure && run.error.message === failure.message)) throw run.error;
    if (!validated || run.run.state === "running" || run.run.state === "queued") {
      throw new PipelineError(`Run ${runId} ended ${run.run.state} before its quality gate: ${run.run.error ?? "no task failed"}`, { step: "orchestrate" });
    }
    const { gate } = validated;
    const summary = await out(INGEST.summary);
    const load = (await out(INGEST.loaded)) ?? (await out(INGEST.held)) ?? { inserted: 0, updated: 0, unchanged: 0, quarantined: 0 };
    const retries = [...run.metrics.values()].reduce((n, m) => n + (m.llmRetries ?? 0), 0);
    return {
      runId, provider, rowsIn: gate.rows, load,
      plays: gate.passed ? validated.valid : [], held: gate.passed ? [] : validated.valid,
      gate: { passed: gate.passed, rate: gate.rate, maxRate: gate.maxRate },
      quarantine: validated.quarantined, outcome: runOutcomeOf(gate), cause: failure?.message,
      budgetUsd: provider === "openai" ? params.maxCostUsd : undefined,
      warnings: (await out(INGEST.warnings)) ?? [], quality: validated.report,
      llm: { ...(await llmUsageOf(db, runId)), retries },
      stoppedReason: gate.stop?.message,
      steps: await stepTimings(db, runId),
      topPitchers: summary?.topPitchers ?? [], topBatters: summary?.topBatters ?? [],
    };
  } finally {
    if (!options.db) await db.close();
  }
}

/** The run's LLM figures, summed from the call ledger: each request is recorded there once. */
async function llmUsageOf(db: Database, runId: string): Promise<Omit<LlmUsage, "retries">> {
  const [u] = await db.query<Omit<LlmUsage, "retries">>(
    `SELECT count(*) FILTER (WHERE status <> 'cache_hit')::int AS requests,
            coalesce(sum(tokens_in), 0)::int AS "tokensIn", coalesce(sum(tokens_out), 0)::int AS "tokensOut",
            coalesce(sum(cost_usd), 0)::float8 AS "costUsd",
            coalesce(sum(rows) FILTER (WHERE status = 'cache_hit' AND step = 'extract'), 0)::int AS "cachedRows"
       FROM llm_calls WHERE run_id = $1`,
    [runId],
  );
  return u!;
}

/** Time and rows of each task that ran (not the skipped ones, nor a fan-out's own row). */
async function stepTimings(db: Database, runId: string): Promise<StepTiming[]> {
  const tasks = await listTasks(db, runId);
  return tasks
    .filter((t) => t.state !== "skipped" && t.fan_out === null)
    .map((t) => ({ step: t.task, durationMs: t.duration_ms ?? 0, rowsIn: t.rows_in ?? 0, rowsOut: t.rows_out ?? 0 }));
}
