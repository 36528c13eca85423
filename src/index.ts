/**
 * The workbook's public surface: notebooks and the CLI import only from here.
 * Grouped by pipeline stage, in the order data flows.
 *
 * @example import * as wb from "./lib/index"; // in a notebook (the built library); tests and scripts import src/index const config = wb.loadConfig();
 */
export { loadConfig, describeConfig, findProjectRoot, redactUrl, APP_ENVS, type Config, type AppEnv } from "./config";
export * from "./errors";
export { PipelineEvents, type PipelineEventMap, type PipelineEventName } from "./events";
export * from "./domain/index";

// extract → transform → validate → load → summarize
export * from "./extract/index";
export * from "./transform/index";
export * from "./transform/llm/index";
export * from "./validate/index";
export * from "./load/index";
export * from "./summarize/index";

// the in-process pipeline and the orchestrated one
export * from "./pipeline/index";
export * from "./orchestrate/index";

// monitoring (ledger, health, progress, alerts, cost), releases, charts, notebooks
export * from "./monitor/index";
export * from "./release/index";
export * from "./charts/index";
export * from "./notebook/index";
export * from "./lab/index";

// Names two barrels share: the analysis/accuracy rows are the canonical ones (charts accept them).
export type { FieldAccuracy } from "./transform/index";
export type { ExcitementPoint, PitchMixRow } from "./summarize/index";
