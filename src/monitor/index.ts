export { RunLedger, type RunDescription, type RunLedgerOptions } from "./run-ledger";
export {
  readHealth, readSuccessRate, readTaskDurations, readErrorRate, readRetries, readCostPerRun, readCostPerDay, readQuarantineByCheck,
  type HealthReport, type SuccessRateRow, type TaskDurationRow, type ErrorRateRow, type RetriesRow, type RunCostRow, type DailyCostRow,
  type QuarantineByCheckRow,
} from "./health";
export { ProgressReporter, formatProgress, type ProgressDisplay, type ProgressOptions, type ProgressSnapshot } from "./progress";
export * from "./alerts/index";
export * from "./cost/index";
export { readTaskSpans } from "./task-spans";
