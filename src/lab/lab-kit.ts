// Library pieces the exercises build with, re-exported so `wb.<name>` reaches them from a lab cell
// whatever the public barrel re-exports already (re-exporting the same binding twice is allowed).
export { dag, Dag, type TaskOptions, type TriggerRule } from "../orchestrate/dag";
export { watchInbox, type InboxWatcherOptions } from "../orchestrate/inbox-watcher";
export { readSuccessRate, readTaskDurations, type SuccessRateRow, type TaskDurationRow } from "../monitor/health";
export { BlueGreenRelease, type ValidationOutcome } from "../release/blue-green";
export { readReleaseLog } from "../release/release-log";
