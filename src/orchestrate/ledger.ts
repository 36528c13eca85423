import type { Queryable } from "../db/database";

/*
 * The run ledger's one writer: every INSERT and UPDATE on `pipeline_runs`, `pipeline_tasks` and
 * `task_attempts` is in this file (test/orchestrate/ledger-writer.test.ts checks it). Both executors
 * (pg-boss and in-process) and the event recorder (monitor/run-ledger.ts) call these functions.
 */
import type { TaskRow, TaskState } from "./readiness";
import type { RunMetrics, TaskMetrics } from "./task-context";

export type RunState = "queued" | "running" | "success" | "failed";
export type RunTrigger = "manual" | "schedule" | "event" | "upstream" | "resume";

/** A `pipeline_runs` row as the orchestrator reads it. */
export interface RunRow {
  run_id: string;
  dag: string;
  run_key: string;
  state: RunState;
  trigger: RunTrigger;
  env: string;
  input_path: string | null;
  params: Record<string, unknown>;
  upstream_run_id: string | null;
  rows_in: number | null;
  rows_loaded: number | null;
  rows_quarantined: number | null;
  llm_requests: number | null;
  tokens_in: number | null;
  tokens_out: number | null;
  cost_usd: number | null;
  cache_hits: number | null;
  error: string | null;
  resumes: number;
  scheduled_for: Date | null;
  started_at: Date | null;
  finished_at: Date | null;
  created_at: Date;
}

/** A `pipeline_tasks` row. */
export interface LedgerTaskRow extends TaskRow {
  run_id: string;
  attempts: number;
  started_at: Date | null;
  finished_at: Date | null;
  duration_ms: number | null;
  fan_index: number | null;
  generation: number;
  job_id: string | null;
  error: string | null;
  rows_in: number | null;
  rows_out: number | null;
  rows_quarantined: number | null;
  llm_requests: number | null;
  cost_usd: number | null;
}

const RUN_COLUMNS = `run_id, dag, run_key, state, trigger, env, input_path, params, upstream_run_id,
  rows_in, rows_loaded, rows_quarantined, llm_requests, tokens_in, tokens_out, cost_usd::float8 AS cost_usd,
  cache_hits, error, resumes, scheduled_for, started_at, finished_at, created_at`;

const TASK_COLUMNS = `run_id, task, state, attempts, started_at, finished_at, duration_ms, parent, fan_index,
  fan_out, branch, generation, job_id, error, rows_in, rows_out, rows_quarantined, llm_requests, cost_usd::float8 AS cost_usd`;

export async function getRun(db: Queryable, runId: string, lock = false): Promise<RunRow | undefined> {
  const rows = await db.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM pipeline_runs WHERE run_id = $1${lock ? " FOR UPDATE" : ""}`, [runId]);
  return rows[0];
}

export async function findRunByKey(db: Queryable, dag: string, runKey: string): Promise<RunRow | undefined> {
  const rows = await db.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM pipeline_runs WHERE dag = $1 AND run_key = $2`, [dag, runKey]);
  return rows[0];
}

/** Most recent runs first. */
export async function listRuns(db: Queryable, limit = 20): Promise<RunRow[]> {
  return db.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM pipeline_runs ORDER BY created_at DESC, run_id DESC LIMIT $1`, [limit]);
}

export interface NewRun {
  runId: string;
  dag: string;
  runKey: string;
  trigger: RunTrigger;
  env: string;
  inputPath: string | null;
  params: Record<string, unknown>;
  upstreamRunId: string | null;
  scheduledFor: Date | null;
}

/** Insert a queued run; false when a run with the same (dag, run_key) already exists. */
export async function insertRun(db: Queryable, run: NewRun): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO pipeline_runs (run_id, dag, run_key, state, trigger, env, input_path, params, upstream_run_id, scheduled_for)
     VALUES ($1, $2, $3, 'queued', $4, $5, $6, $7::jsonb, $8, $9)
     ON CONFLICT (dag, run_key) DO NOTHING RETURNING run_id`,
    [run.runId, run.dag, run.runKey, run.trigger, run.env, run.inputPath, JSON.stringify(run.params), run.upstreamRunId, run.scheduledFor],
  );
  return rows.length === 1;
}

/**
 * Insert a run this process executes itself (in-process executor), queued. A row already there with
 * this id (described beforehand: trigger, schedule) is adopted: it keeps those facts, and tasks a
 * previous run with the same id left are cleared, so this run starts from its first task.
 */
export async function adoptRun(db: Queryable, run: Omit<NewRun, "upstreamRunId" | "scheduledFor">): Promise<void> {
  await db.query(
    `INSERT INTO pipeline_runs (run_id, dag, run_key, state, trigger, env, input_path, params)
     VALUES ($1, $2, $3, 'queued', $4, $5, $6, $7::jsonb)
     ON CONFLICT (run_id) DO UPDATE SET dag = EXCLUDED.dag, run_key = EXCLUDED.run_key, state = 'queued', env = EXCLUDED.env,
       input_path = EXCLUDED.input_path, params = EXCLUDED.params, error = NULL, started_at = NULL, finished_at = NULL`,
    [run.runId, run.dag, run.runKey, run.trigger, run.env, run.inputPath, JSON.stringify(run.params)],
  );
  await db.query(`DELETE FROM pipeline_tasks WHERE run_id = $1`, [run.runId]);
}

export async function listTasks(db: Queryable, runId: string): Promise<LedgerTaskRow[]> {
  return db.query<LedgerTaskRow>(
    `SELECT ${TASK_COLUMNS} FROM pipeline_tasks WHERE run_id = $1 ORDER BY started_at NULLS LAST, parent NULLS FIRST, fan_index, task`,
    [runId],
  );
}

export async function getTask(db: Queryable, runId: string, task: string): Promise<LedgerTaskRow | undefined> {
  const rows = await db.query<LedgerTaskRow>(`SELECT ${TASK_COLUMNS} FROM pipeline_tasks WHERE run_id = $1 AND task = $2`, [runId, task]);
  return rows[0];
}

export interface NewTask {
  task: string;
  state: TaskState;
  parent?: string;
  fanIndex?: number;
  fanOut?: number;
  error?: string;
}

export async function insertTask(db: Queryable, runId: string, t: NewTask): Promise<void> {
  const ended = t.state === "skipped" || t.state === "success" || t.state === "failed";
  await db.query(
    `INSERT INTO pipeline_tasks (run_id, task, state, parent, fan_index, fan_out, started_at, finished_at, error)
     VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::boolean THEN now() END, CASE WHEN $8::boolean THEN now() END, $9)
     ON CONFLICT (run_id, task) DO NOTHING`,
    [runId, t.task, t.state, t.parent ?? null, t.fanIndex ?? null, t.fanOut ?? null, ended || t.fanOut !== undefined, ended, t.error ?? null],
  );
}

/** Close a fan-out's parent row once its copies have all ended. */
export async function closeFan(db: Queryable, runId: string, task: string, state: "success" | "failed"): Promise<void> {
  await db.query(
    `UPDATE pipeline_tasks SET state = $3, finished_at = now(),
            duration_ms = (extract(epoch FROM now() - started_at) * 1000)::int
      WHERE run_id = $1 AND task = $2`,
    [runId, task, state],
  );
}

/**
 * Claim a task for an attempt: only the job of the current generation may, and only while the
 * task has not ended. Returns the attempt number, or undefined when the job is stale or done.
 */
export async function claimTask(db: Queryable, runId: string, task: string, generation: number, jobId: string): Promise<number | undefined> {
  const rows = await db.query<{ attempts: number }>(
    `UPDATE pipeline_tasks SET state = 'running', attempts = attempts + 1, job_id = $4,
            started_at = COALESCE(started_at, now()), error = NULL
      WHERE run_id = $1 AND task = $2 AND generation = $3 AND state IN ('pending', 'running')
      RETURNING attempts`,
    [runId, task, generation, jobId],
  );
  return rows[0]?.attempts;
}

export async function startAttempt(db: Queryable, runId: string, task: string, attempt: number, worker: string): Promise<void> {
  await db.query(
    `INSERT INTO task_attempts (run_id, task, attempt, state, worker) VALUES ($1, $2, $3, 'running', $4)
     ON CONFLICT (run_id, task, attempt) DO NOTHING`,
    [runId, task, attempt, worker],
  );
  await db.query(
    `UPDATE pipeline_runs SET state = 'running', started_at = COALESCE(started_at, now())
      WHERE run_id = $1 AND state = 'queued'`,
    [runId],
  );
}

export async function finishAttempt(db: Queryable, runId: string, task: string, attempt: number, error: string | null): Promise<void> {
  await db.query(
    `UPDATE task_attempts SET state = $4, error = $5, finished_at = now(),
            duration_ms = (extract(epoch FROM now() - started_at) * 1000)::int
      WHERE run_id = $1 AND task = $2 AND attempt = $3`,
    [runId, task, attempt, error === null ? "success" : "failed", error],
  );
}

/** Mark the task ended (success or failed) or back to pending for a retry, fenced by generation. */
export async function settleTask(
  db: Queryable,
  runId: string,
  task: string,
  generation: number,
  outcome: { state: "success" | "failed" | "pending"; error?: string; branch?: string[]; metrics?: TaskMetrics },
): Promise<boolean> {
  const m = outcome.metrics ?? {};
  const ended = outcome.state !== "pending";
  const rows = await db.query(
    `UPDATE pipeline_tasks SET state = $4, error = $5, branch = $6,
            finished_at = CASE WHEN $7::boolean THEN now() END,
            duration_ms = CASE WHEN $7::boolean THEN (extract(epoch FROM now() - started_at) * 1000)::int END,
            rows_in = $8, rows_out = $9, rows_quarantined = $10, llm_requests = $11,
            tokens_in = $12, tokens_out = $13, cost_usd = $14, cache_hits = $15
      WHERE run_id = $1 AND task = $2 AND generation = $3 AND state IN ('running', 'pending')
      RETURNING task`,
    [
      runId, task, generation, outcome.state, outcome.error ?? null, outcome.branch ?? null, ended,
      m.rowsIn ?? null, m.rowsOut ?? null, m.rowsQuarantined ?? null, m.llmRequests ?? null,
      m.tokensIn ?? null, m.tokensOut ?? null, m.costUsd ?? null, m.cacheHits ?? null,
    ],
  );
  return rows.length === 1;
}

export async function recordRunMetrics(db: Queryable, runId: string, m: RunMetrics): Promise<void> {
  await db.query(
    `UPDATE pipeline_runs SET rows_in = COALESCE($2, rows_in), rows_loaded = COALESCE($3, rows_loaded),
            rows_quarantined = COALESCE($4, rows_quarantined) WHERE run_id = $1`,
    [runId, m.rowsIn ?? null, m.rowsLoaded ?? null, m.rowsQuarantined ?? null],
  );
}

/**
 * What the run's LLM requests cost, summed from the call ledger (`llm_calls`): a request's tokens
 * and cost are recorded once, there, and every total is read from it.
 */
const LLM_TOTALS = `SELECT count(*) FILTER (WHERE status <> 'cache_hit')::int AS llm_requests,
                           SUM(tokens_in)::int AS tokens_in, SUM(tokens_out)::int AS tokens_out,
                           SUM(cost_usd)::float8 AS cost_usd,
                           SUM(rows) FILTER (WHERE status = 'cache_hit')::int AS cache_hits
                      FROM llm_calls WHERE run_id = $1`;

/** Copy the run's LLM totals from `llm_calls` onto its ledger row (no calls: the figures stay empty). */
export async function settleRunLlmTotals(db: Queryable, runId: string): Promise<void> {
  await db.query(
    `UPDATE pipeline_runs r SET llm_requests = NULLIF(s.llm_requests, 0), tokens_in = s.tokens_in, tokens_out = s.tokens_out,
            cost_usd = s.cost_usd, cache_hits = s.cache_hits
       FROM (${LLM_TOTALS}) s
      WHERE r.run_id = $1`,
    [runId],
  );
}

/** End a run: state, error, and its LLM totals read from the call ledger. */
export async function finishRun(db: Queryable, runId: string, state: "success" | "failed", error: string | null): Promise<void> {
  await db.query(`UPDATE pipeline_runs SET state = $2, error = $3, finished_at = now() WHERE run_id = $1`, [runId, state, error]);
  await settleRunLlmTotals(db, runId);
}

// ── Resume: reopen what did not finish ────────────────────────────────────────────────────────

/** A fan-out's own row only tracks its copies: it reopens and closes again with them. */
export async function reopenFan(db: Queryable, runId: string, task: string): Promise<void> {
  await db.query("UPDATE pipeline_tasks SET state = 'running', error = NULL, finished_at = NULL, duration_ms = NULL WHERE run_id = $1 AND task = $2", [runId, task]);
}

/** Back to pending under a new generation: jobs of the old one become stale. */
export async function requeueTask(db: Queryable, runId: string, task: string): Promise<void> {
  await db.query(
    `UPDATE pipeline_tasks SET state = 'pending', generation = generation + 1, error = NULL,
            finished_at = NULL, duration_ms = NULL WHERE run_id = $1 AND task = $2`,
    [runId, task],
  );
}

/** The run is running again, as a resume; attempts cut short by a killed process are closed as failed. */
export async function markRunResumed(db: Queryable, runId: string): Promise<void> {
  await db.query(
    `UPDATE pipeline_runs SET state = 'running', trigger = 'resume', error = NULL, finished_at = NULL,
            resumes = resumes + 1 WHERE run_id = $1`,
    [runId],
  );
  // So the Gantt shows where it died.
  await db.query(
    `UPDATE task_attempts SET state = 'failed', finished_at = now(), error = COALESCE(error, 'interrupted (worker stopped or killed)'),
            duration_ms = (extract(epoch FROM now() - started_at) * 1000)::int
      WHERE run_id = $1 AND state = 'running'`,
    [runId],
  );
}

// ── Runs recorded from events (monitor/run-ledger.ts), for runs no executor of ours ran ──────

/** How a run first seen through an event is described. */
export interface EventRunDefaults {
  dag: string;
  trigger: string;
  env: string;
}

/**
 * Whether an executor of ours runs this run (its parameters name the executor): its executor
 * records it, and events about it must not (a late "task started" would reopen a finished task).
 */
export async function isExecutorRun(db: Queryable, runId: string): Promise<boolean> {
  const rows = await db.query<{ owned: boolean }>(`SELECT (params ? 'executor') AS owned FROM pipeline_runs WHERE run_id = $1`, [runId]);
  return rows[0]?.owned === true;
}

/** Create the run's row if it is new (its key is its id). */
export async function ensureEventRun(db: Queryable, runId: string, state: "queued" | "running", d: EventRunDefaults, at: Date): Promise<void> {
  await db.query(
    `INSERT INTO pipeline_runs (run_id, dag, run_key, state, trigger, env, created_at)
     VALUES ($1, $2, $1, $3, $4, $5, $6) ON CONFLICT (run_id) DO NOTHING`,
    [runId, d.dag, state, d.trigger, d.env, at],
  );
}

/** Facts about a run that events do not carry. */
export interface RunFacts {
  dag?: string;
  trigger?: string;
  runKey?: string;
  inputPath?: string;
  scheduledFor?: Date;
}

export async function describeRunRow(db: Queryable, runId: string, f: RunFacts): Promise<void> {
  await db.query(
    `UPDATE pipeline_runs SET dag = coalesce($2, dag), trigger = coalesce($3, trigger),
       run_key = coalesce($4, run_key), input_path = coalesce($5, input_path),
       scheduled_for = coalesce($6, scheduled_for)
     WHERE run_id = $1`,
    [runId, f.dag ?? null, f.trigger ?? null, f.runKey ?? null, f.inputPath ?? null, f.scheduledFor ?? null],
  );
}

export async function markRunStarted(db: Queryable, runId: string, rows: number, at: Date): Promise<void> {
  await db.query(
    `UPDATE pipeline_runs SET state = 'running', rows_in = $2, started_at = coalesce(started_at, $3),
       finished_at = NULL, error = NULL WHERE run_id = $1`,
    [runId, rows, at],
  );
}

/** End a run seen through events; its LLM totals come from the call ledger, as for every run. */
export async function markRunEnded(
  db: Queryable, runId: string, at: Date, durationMs: number,
  end: { state: "success"; loaded: number; quarantined: number } | { state: "failed"; error: string },
): Promise<void> {
  const since = `coalesce(started_at, $2::timestamptz - make_interval(secs => $3::float8 / 1000))`;
  if (end.state === "success") {
    await db.query(
      `UPDATE pipeline_runs SET state = 'success', finished_at = $2, rows_loaded = $4, rows_quarantined = $5,
         error = NULL, started_at = ${since} WHERE run_id = $1`,
      [runId, at, durationMs, end.loaded, end.quarantined],
    );
  } else {
    await db.query(
      `UPDATE pipeline_runs SET state = 'failed', finished_at = $2, error = $4, started_at = ${since} WHERE run_id = $1`,
      [runId, at, durationMs, end.error],
    );
  }
  await settleRunLlmTotals(db, runId);
}

/** A task attempt seen starting (idempotent: the same event twice leaves the same rows). */
export async function markTaskStarted(db: Queryable, runId: string, task: string, attempt: number, at: Date): Promise<void> {
  await db.query(
    `INSERT INTO pipeline_tasks (run_id, task, state, attempts, started_at) VALUES ($1, $2, 'running', $3, $4)
     ON CONFLICT (run_id, task) DO UPDATE SET state = 'running', attempts = greatest(pipeline_tasks.attempts, EXCLUDED.attempts),
       started_at = coalesce(pipeline_tasks.started_at, EXCLUDED.started_at), finished_at = NULL`,
    [runId, task, attempt, at],
  );
  await upsertAttempt(db, runId, task, attempt, "running", at, null);
}

export async function markTaskEnded(
  db: Queryable, runId: string, task: string, attempt: number, at: Date, durationMs: number,
  error: string | undefined, rowsIn?: number, rowsOut?: number,
): Promise<void> {
  const state = error === undefined ? "success" : "failed";
  await markTaskStarted(db, runId, task, attempt, new Date(at.getTime() - durationMs));
  await db.query(
    `UPDATE pipeline_tasks SET state = $3, finished_at = $4, duration_ms = $5, error = $6,
       rows_in = coalesce($7, rows_in), rows_out = coalesce($8, rows_out)
     WHERE run_id = $1 AND task = $2`,
    [runId, task, state, at, Math.round(durationMs), error ?? null, rowsIn ?? null, rowsOut ?? null],
  );
  await upsertAttempt(db, runId, task, attempt, state, at, error ?? null, durationMs);
}

export async function markTaskRetried(db: Queryable, runId: string, task: string, attempt: number, at: Date, error: string): Promise<void> {
  await upsertAttempt(db, runId, task, attempt, "failed", at, error);
  await db.query(`UPDATE pipeline_tasks SET error = $3 WHERE run_id = $1 AND task = $2`, [runId, task, error]);
}

/** Update the attempt's row, inserting it the first time. */
async function upsertAttempt(
  db: Queryable, runId: string, task: string, attempt: number, state: string, at: Date, error: string | null, durationMs?: number,
): Promise<void> {
  const ms = durationMs === undefined ? null : Math.round(durationMs);
  const running = state === "running";
  const updated = await db.query(
    `UPDATE task_attempts SET state = CASE WHEN $4 = 'running' AND state <> 'running' THEN state ELSE $4 END,
       finished_at = CASE WHEN $6 THEN finished_at ELSE $5 END, error = coalesce($7, error),
       duration_ms = coalesce($8, duration_ms)
     WHERE run_id = $1 AND task = $2 AND attempt = $3 RETURNING attempt`,
    [runId, task, attempt, state, at, running, error, ms],
  );
  if (updated.length > 0) return;
  await db.query(
    `INSERT INTO task_attempts (run_id, task, attempt, state, started_at, finished_at, error, duration_ms)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [runId, task, attempt, state, at, running ? null : at, error, ms],
  );
}
