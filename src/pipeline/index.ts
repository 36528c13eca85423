export { runPipeline, type RunPipelineOptions, type PipelineResult, type QualityGate } from "./run-pipeline";
export { formatSummary } from "./summary";
export { offlineAiSteps, llmAiSteps, type AiStepsResult, type LlmUsage } from "./ai-steps";
export { enrichPlays, extractionQuarantine } from "./enrich";
export { timedStep, type StepTiming } from "./step-timer";
export { forecastLlmRun } from "./forecast";
export { EXIT_CODES, EXIT_CODES_HELP, exitCodeFor } from "./exit-codes";
