// The chapter's six lab exercises: each check runs the learner's code for real and says pass or not yet.
export { reportCheck, formatCheck, showHint, PASSED_MARK, NOT_YET_MARK, type CheckResult, type Hint } from "./check-result";
export { checkExercise1, evaluateExercise1, EXERCISE_1_TASKS, type GateRow } from "./exercise-1-dag";
export { checkExercise2, evaluateExercise2, type SchedulingPlan } from "./exercise-2-schedule";
export { checkExercise3, evaluateExercise3, type LabPlay, type RecoveryPlan } from "./exercise-3-retry";
export { checkExercise4, evaluateExercise4, type LlmTuning } from "./exercise-4-performance";
export { checkExercise5, evaluateExercise5, type Dashboard, type DashboardBuilder } from "./exercise-5-dashboard";
export { checkExercise6, evaluateExercise6, ENVIRONMENTS, type Deploy, type EnvName, type Environments, type SmokeTest } from "./exercise-6-deploy";
