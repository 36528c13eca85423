import { hostname } from "node:os";
import { AbortError, PipelineError, toError } from "../errors";
import { isRetryableTaskError } from "./retry-policy";
import type { LedgerDeps } from "./advance";
import type { Queryable } from "../db/database";
import { claimTask, finishAttempt, finishRun, getRun, getTask, recordRunMetrics, settleTask, startAttempt, type RunRow } from "./ledger";
import { taskType } from "./queues";
import type { Staging } from "./staging";
import { addMetrics, type RunMetrics, type TaskContext, type TaskMetrics, type TaskResult } from "./task-context";

/** An attempt ran longer than its policy's `timeoutSeconds`. */
export class TaskTimeoutError extends PipelineError {
  constructor(readonly task: string, readonly timeoutSeconds: number) {
    super(`task ${task} timed out after ${timeoutSeconds}s`, { step: "orchestrate" });
  }
}

/** `host:pid`, recorded on each attempt so a run shared by several workers shows who ran what. */
export const WORKER_ID = `${hostname()}:${process.pid}`;

/** Which task of which run, under which generation (a resume bumps it), and the job that carries it. */
export interface AttemptJob {
  runId: string;
  task: string;
  generation: number;
  jobId: string;
}

export type AttemptOutcome =
  /** The run ended, or the task did (another worker, a resume): nothing ran. */
  | { kind: "stale" }
  | { kind: "success"; attempt: number; metrics: TaskMetrics }
  | { kind: "failed"; attempt: number; metrics: TaskMetrics; error: Error; retryable: boolean; durationMs: number };


/**
 * One attempt of one task, the same for both executors: claim it in the ledger (a stale or finished
 * task does nothing), run it with its timeout and a context over `staging`, and record the attempt.
 * On success the task is settled; on failure the caller decides (retry, or `failTaskAndRun`).
 */
export async function runAttempt(deps: LedgerDeps, staging: Staging, job: AttemptJob, stop?: AbortSignal): Promise<AttemptOutcome> {
  const { runId, task, generation } = job;
  const run = await getRun(deps.db, runId);
  if (!run || (run.state !== "queued" && run.state !== "running")) return { kind: "stale" };
  const spec = deps.dagFor(run.dag).spec(taskType(task));
  const attempt = await claimTask(deps.db, runId, task, generation, job.jobId);
  if (attempt === undefined) return { kind: "stale" };
  await startAttempt(deps.db, runId, task, attempt, WORKER_ID);
  deps.events.emit("task:start", { runId, task, attempt });
  const row = await getTask(deps.db, runId, task);
  const fanOut = row?.parent ? (await getTask(deps.db, runId, row.parent))?.fan_out ?? 0 : 0;
  let metrics: TaskMetrics = {};
  const runMetrics: RunMetrics = {};
  const timer = new AbortController();
  const signal = stop ? AbortSignal.any([timer.signal, stop]) : timer.signal;
  const ctx: TaskContext = {
    runId, dag: run.dag, task, attempt, params: run.params, inputPath: run.input_path, db: deps.db, signal, events: deps.events,
    fan: row?.parent ? { index: row.fan_index ?? 0, count: fanOut } : undefined,
    put: (key, value) => staging.put(runId, task, key, value),
    get: (t, key) => staging.get(runId, t, key),
    getAll: (t, key) => staging.getAll(runId, t, key),
    record: (m) => void (metrics = addMetrics(metrics, m)),
    recordRun: (m) => void Object.assign(runMetrics, m),
  };
  const started = Date.now();
  const timeout = setTimeout(() => timer.abort(new TaskTimeoutError(task, spec.retry.timeoutSeconds)), spec.retry.timeoutSeconds * 1000);
  try {
    const result = await Promise.race([Promise.resolve().then(() => spec.fn(ctx)), rejectOnAbort(signal)]);
    const branch = chosenBranches(spec.name, spec.branches, result);
    const settled = await deps.db.transaction(async (tx) => {
      const ok = await settleTask(tx, runId, task, generation, { state: "success", branch, metrics });
      if (ok) {
        await finishAttempt(tx, runId, task, attempt, null);
        await recordRunMetrics(tx, runId, runMetrics);
      }
      return ok;
    });
    if (!settled) return { kind: "stale" }; // resumed meanwhile: a newer generation owns the task
    deps.events.emit("task:success", { runId, task, attempt, durationMs: Date.now() - started });
    return { kind: "success", attempt, metrics };
  } catch (e) {
    const error = toError(e);
    await finishAttempt(deps.db, runId, task, attempt, error.message);
    return { kind: "failed", attempt, metrics, error, retryable: isRetryableTaskError(error), durationMs: Date.now() - started };
  } finally {
    clearTimeout(timeout);
  }
}

/** Put a failed attempt's task back to pending for its next attempt, and say so. */
export async function markForRetry(deps: LedgerDeps, job: AttemptJob, failed: Extract<AttemptOutcome, { kind: "failed" }>, delayMs: number): Promise<void> {
  await settleTask(deps.db, job.runId, job.task, job.generation, { state: "pending", error: failed.error.message, metrics: failed.metrics });
  deps.events.emit("task:retry", { runId: job.runId, task: job.task, attempt: failed.attempt, delayMs, error: failed.error });
}

/**
 * Out of attempts: the task and its run fail with the reason (once, fenced by generation). When the
 * database refuses a transaction (a disk too full for one more), the same writes are made one by one,
 * so the ledger still says `failed`.
 */
export async function failTaskAndRun(deps: LedgerDeps, runId: string, task: string, generation: number, attempts: number, message: string): Promise<void> {
  const reason = `task ${task} failed after ${attempts} attempt(s): ${message}`;
  const fail = async (db: Queryable, lock: boolean) => {
    const run = await getRun(db, runId, lock);
    if (!(await settleTask(db, runId, task, generation, { state: "failed", error: message }))) return undefined;
    if (!run || (run.state !== "queued" && run.state !== "running")) return undefined;
    await finishRun(db, runId, "failed", reason);
    return run;
  };
  let failedRun: RunRow | undefined;
  try {
    failedRun = await deps.db.transaction((tx) => fail(tx, true));
  } catch {
    failedRun = await fail(deps.db, false);
  }
  if (failedRun) {
    const durationMs = Date.now() - (failedRun.started_at ?? failedRun.created_at).getTime();
    deps.events.emit("run:error", { runId, durationMs, error: new PipelineError(reason, { step: "orchestrate" }) });
  }
}

/** The retry-after a provider asked for, when the error carries one (ms). */
export function retryAfterOf(error: Error): number | undefined {
  const ms = (error as { retryAfterMs?: unknown }).retryAfterMs;
  return typeof ms === "number" && ms > 0 ? ms : undefined;
}

function chosenBranches(task: string, declared: string[], result: TaskResult): string[] | undefined {
  if (declared.length === 0) return undefined;
  const picked = result && typeof result === "object" && "branch" in result ? result.branch : undefined;
  const list = picked === undefined ? [] : Array.isArray(picked) ? picked : [picked];
  const bad = list.filter((b) => !declared.includes(b));
  if (list.length === 0 || bad.length > 0) {
    throw new AbortError(`task ${task} must return { branch } with one of ${declared.join(", ")}, got ${JSON.stringify(picked)}`, { step: "orchestrate" });
  }
  return list;
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const fail = () => reject(signal.reason instanceof Error ? signal.reason : new PipelineError("task aborted", { step: "orchestrate" }));
    if (signal.aborted) fail();
    else signal.addEventListener("abort", fail, { once: true });
  });
}

