import type { Queryable } from "../db/database";

/** `health_success_rate`: finished runs per DAG. */
export interface SuccessRateRow {
  dag: string;
  runs: number;
  succeeded: number;
  failed: number;
  /** 0..1 */
  success_rate: number;
  last_finished_at: Date | null;
}

/** `health_task_durations`: successful executions per task. */
export interface TaskDurationRow {
  task: string;
  executions: number;
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
}

/** `health_error_rate`: failed attempts over finished attempts, per task. */
export interface ErrorRateRow {
  task: string;
  attempts: number;
  failed_attempts: number;
  /** 0..1 */
  error_rate: number;
}

/** `health_retries`: executions that needed more than one attempt. */
export interface RetriesRow {
  task: string;
  executions: number;
  retried: number;
  retries: number;
  max_attempts: number;
}

/** `health_cost_per_run`. */
export interface RunCostRow {
  run_id: string;
  dag: string;
  state: string;
  env: string | null;
  started_at: Date | null;
  finished_at: Date | null;
  duration_ms: number | null;
  rows_in: number;
  rows_loaded: number;
  rows_quarantined: number;
  llm_requests: number;
  tokens_in: number;
  tokens_out: number;
  cost_usd: number;
  cache_hits: number;
  cost_per_row: number | null;
}

/** `health_cost_per_day` (UTC days, `YYYY-MM-DD`). */
export interface DailyCostRow {
  day: string;
  runs: number;
  llm_requests: number;
  tokens_in: number;
  tokens_out: number;
  cost_usd: number;
}

/** `health_quarantine_by_check`: rows quarantined by each check (a row failing two checks counts for both). */
export interface QuarantineByCheckRow {
  check_name: string;
  rows: number;
  reasons: number;
  runs: number;
}

/** Every health figure at once, as the `health` command and the notebooks show them. */
export interface HealthReport {
  successRate: SuccessRateRow[];
  taskDurations: TaskDurationRow[];
  errorRate: ErrorRateRow[];
  retries: RetriesRow[];
  costPerRun: RunCostRow[];
  costPerDay: DailyCostRow[];
  quarantineByCheck: QuarantineByCheckRow[];
}

/** @example const rows = await readSuccessRate(db); rows[0].success_rate // 0.75 */
export const readSuccessRate = (db: Queryable) =>
  db.query<SuccessRateRow>(`SELECT * FROM health_success_rate ORDER BY dag`);

export const readTaskDurations = (db: Queryable) =>
  db.query<TaskDurationRow>(`SELECT * FROM health_task_durations ORDER BY task`);

export const readErrorRate = (db: Queryable) =>
  db.query<ErrorRateRow>(`SELECT * FROM health_error_rate ORDER BY task`);

export const readRetries = (db: Queryable) =>
  db.query<RetriesRow>(`SELECT * FROM health_retries ORDER BY task`);

/** Runs newest first; `limit` keeps the last N (default 50). */
export const readCostPerRun = (db: Queryable, limit = 50) =>
  db.query<RunCostRow>(
    `SELECT * FROM health_cost_per_run ORDER BY coalesce(started_at, finished_at) DESC NULLS LAST, run_id LIMIT $1`,
    [limit],
  );

export const readCostPerDay = (db: Queryable) =>
  db.query<DailyCostRow>(`SELECT * FROM health_cost_per_day ORDER BY day`);

export const readQuarantineByCheck = (db: Queryable) =>
  db.query<QuarantineByCheckRow>(`SELECT * FROM health_quarantine_by_check ORDER BY rows DESC, check_name`);

/** Read every health view. */
export async function readHealth(db: Queryable): Promise<HealthReport> {
  return {
    successRate: await readSuccessRate(db),
    taskDurations: await readTaskDurations(db),
    errorRate: await readErrorRate(db),
    retries: await readRetries(db),
    costPerRun: await readCostPerRun(db),
    costPerDay: await readCostPerDay(db),
    quarantineByCheck: await readQuarantineByCheck(db),
  };
}
