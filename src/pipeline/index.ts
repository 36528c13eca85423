export { runPipeline, type RunPipelineOptions, type PipelineResult, type QualityGate } from "./run-pipeline";
export { formatSummary } from "./summary";
export { offlineAiSteps, llmAiSteps, type AiStepsResult, type LlmUsage } from "./ai-steps";
export { enrichPlays, extractionQuarantine } from "./enrich";
export type { StepTiming } from "./step-timer";
export { forecastLlmRun } from "./forecast";
export { EXIT_CODES, EXIT_CODES_HELP, exitCodeFor } from "./exit-codes";
// Each step of the pipeline, defined once: the ingest DAG's tasks call these (in-process and on pg-boss), and so can a notebook cell.
export { readStep, type ReadStepOptions, type ReadStepResult } from "./steps/read-step";
export { extractStep, type ExtractStepOptions, type ExtractStepResult, type RowFailure, type StepStop, type StepUsage } from "./steps/extract-step";
export { mapStep, type MapStepOptions, type MapStepResult } from "./steps/map-step";
export { analyzeStep, enrichStep, joinExtracted, type AnalyzeStepResult } from "./steps/analyze-step";
export { validateStep, runOutcomeOf, runFailureOf, type ValidateStepInput, type ValidateStepResult } from "./steps/validate-step";
export { loadStep, holdStep, type LoadStepInput } from "./steps/load-step";
export { summarizeStep, type RunSummary } from "./steps/summarize-step";
