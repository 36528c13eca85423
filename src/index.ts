/**
 * The workbook's public surface: what the notebooks, the lab and the CLI use, grouped by pipeline stage in
 * the order data flows. Anything else is reachable from its stage's own module (`src/transform/index`,
 * `src/orchestrate/index`, …), as advanced users and the tests import it. Kept small on purpose: at most 120
 * runtime names (test/notebooks/public-api.test.ts counts them).
 *
 * @example
 * import * as wb from "./lib/index"; // in a notebook (the built library); scripts import src/index
 * const config = wb.loadConfig();
 * const result = await wb.runPipeline({ config, rows: 10 });
 */

/** Configuration: parsed once from `.env` and the environment, checked by zod, secrets never shown. */
export { loadConfig, describeConfig, findProjectRoot, APP_ENVS, type Config, type AppEnv } from "./config";

/** Errors: one hierarchy rooted at `PipelineError` (with the step and the cause); `toError` coerces anything thrown. */
export {
  PipelineError, ConfigError, OptionsError, InputError, LlmError, BudgetExceededError, BudgetStoppedError, QualityGateError,
  DatabaseError, UnknownRosterError, toError,
} from "./errors";

/** Typed events every step emits (`step:*`, `task:*`, `llm:*`, …); progress, ledger and alerts subscribe. */
export { PipelineEvents, type PipelineEventMap, type PipelineEventName } from "./events";

/** The records that flow through the stages (raw play, extraction, mapping, enriched play, reference rows). */
export type * from "./domain/index";

/** Extract: read the play-by-play (each row with its `play_id` and content `play_hash`), reference tables, ground truth. */
export { readPlays, readReferenceTables, readGroundTruth, playHash } from "./extract/index";

/** Transform: canonical mapping, key moments and excitement, the offline extractor's accuracy. */
export { createCanonicalMapper, analyzePlays, measureAccuracy, type FieldAccuracy } from "./transform/index";
/** Transform: roster discovery for another game's commentary (`npm start -- roster`). */
export { discoverRoster, rosterFiles, measureRosterCoverage, type ProposedRoster, type DiscoveredPerson } from "./transform/roster/index";
/** Transform: the LLM extractor's options (the lab tunes them). */
export type { LlmExtractorOptions } from "./transform/llm/index";

/** Validate: schemas, data-quality checks and the quarantine. */
export { validatePlays } from "./validate/index";

/** Load: the database (PGlite or a server), migrations, idempotent loads, held rows and row accounting. */
export { openDatabaseFromConfig, migrate, loadPlays, loadReferenceTables, type Database, type Queryable } from "./load/index";
export { listHeld, loadHeld } from "./load/held-writer";
export { readRunAccounting } from "./load/row-accounting";

/** Summarize: the analyses as SQL views and as danfojs DataFrames. */
export { excitementTimeline, pitcherStats, batterStats, pitchMix, batterStatsFrame, loadDanfo, type ExcitementPoint, type PitchMixRow } from "./summarize/index";

/**
 * The pipeline: `runPipeline` runs the ingest DAG in this process; its steps, each defined once, are what the DAG's
 * tasks and a notebook cell call (join, analyze, enrich, validate + gate); the AI steps, the forecast, the summary, exit codes.
 */
export {
  runPipeline, offlineAiSteps, llmAiSteps, joinExtracted, analyzeStep, enrichStep, validateStep, forecastLlmRun, formatSummary,
  EXIT_CODES, EXIT_CODES_HELP, exitCodeFor,
  type PipelineResult, type RunPipelineOptions, type AnalyzeStepResult, type ValidateStepResult,
} from "./pipeline/index";

/** Orchestration: DAGs on pg-boss with retries, resumes, schedules and an inbox watcher; run status. */
export {
  dag, Dag, openOrchestrator, ingestParams, defaultInput, formatRunStatus, formatRuns, formatDuration, listTasks, listRuns, getRun,
  scheduleDag, unscheduleDag, listSchedules, watchInbox, type RetryPolicy,
} from "./orchestrate/index";

/** Monitoring: the run ledger, progress, health views, cost per step, alerts. */
export {
  RunLedger, ProgressReporter, readHealth, readTaskDurations, readSuccessRate, readTaskSpans, costByStep, createAlertManager,
} from "./monitor/index";

/** Releases of the published data: blue-green switches, canaries, extractor versions, the release log. */
export {
  BlueGreenRelease, runCanary, readReleaseLog, readReleaseState, readCurrentExtractor, EXTRACTOR_VERSIONS, DEFAULT_EXTRACTOR, EXTRACTOR_ABOUT,
} from "./release/index";

/** Charts (vega-lite and plotly) and `showChart`, which displays one in the notebook. */
export {
  showChart, fieldAccuracyChart, qualityChecksChart, excitementArcChart, pitcherChart, batterChart, pitchMixChart, pitchUsageHeatmap,
  pitchInningRows, taskTimelineChart, costChart, costOverRunsChart, VEGA_LITE_SCHEMA, type VegaLiteSpec,
} from "./charts/index";

/** Notebook helpers: the setup table, tables, errors shown with a hint, the simulated model in a child process. */
export { showSetup, showTable, showError, withErrorDisplay, startSimulatedModelProcess, freePort } from "./notebook/index";

/** The lab: six self-checking exercises, their hints, and the types the learner's code implements. */
export {
  checkExercise1, checkExercise2, checkExercise3, checkExercise4, checkExercise5, checkExercise6, showHint, ENVIRONMENTS,
  type GateRow, type SchedulingPlan, type RecoveryPlan, type Dashboard, type Deploy, type Environments, type SmokeTest,
} from "./lab/index";
