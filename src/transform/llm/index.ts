export { LlmExtractor, assertProviderAnswered, type LlmRunContext, type LlmFailure, type LlmExtractResult, type LlmStepStats } from "./llm-extractor";
export { llmOptionsFromConfig, resolveLlmOptions, type LlmExtractorOptions } from "./llm-options";
export { type DeterministicMapper, type LlmMapResult, type NameItem, type NameKind } from "./llm-mapper";
export {
  DEFAULT_RETRY_POLICY as DEFAULT_LLM_RETRY_POLICY,
  resolveRetryPolicy as resolveLlmRetryPolicy,
  backoffDelayMs,
  type RetryPolicy as LlmRetryPolicy,
} from "./retry-policy";
export { secretRedactor } from "./chat-client";
export { EXTRACTION_SYSTEM_PROMPT, EXTRACTION_PROMPT_VERSION, MAPPING_PROMPT_VERSION, extractionMessages, playLine } from "./prompts";
export { EXTRACTION_JSON_SCHEMA, MAPPING_JSON_SCHEMA, EXTRACTION_SCHEMA_VERSION, MAPPING_SCHEMA_VERSION } from "./response-schemas";
export { settleByRules, type CascadeResult } from "./cascade";
export { calibrateCascade, type CascadeCalibration, type KeptFieldPrecision } from "./cascade-calibration";
export { fieldConfidence, isSettled, type FieldConfidence } from "./rule-confidence";
export { ANSWER_COLUMNS, encodeAnswerRow, decodeAnswerRow } from "./compact-answer";
