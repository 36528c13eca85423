import { OptionsError, PipelineError, toError } from "../errors";
import type { PipelineEventMap, PipelineEventName, PipelineEvents } from "../events";
import type { Queryable } from "../db/database";
import { withDefaults } from "../util/defined";

export interface RunLedgerOptions {
  /** DAG recorded for runs first seen through `run:start`. Default `"ingest"`. */
  dag?: string;
  /** Environment recorded with each run (e.g. `config.appEnv`). Default `"dev"`. */
  env?: string;
  /** How runs were started. Default `"manual"`. */
  trigger?: string;
  /** Clock for timestamps; tests pass a fixed one. Default `() => new Date()`. */
  clock?: () => Date;
}

/** Facts about a run that events do not carry: set them before or after `run:start`. */
export interface RunDescription {
  dag?: string;
  trigger?: string;
  runKey?: string;
  inputPath?: string;
  scheduledFor?: Date;
}

const DEFAULTS = { dag: "ingest", env: "dev", trigger: "manual", clock: () => new Date() };

/**
 * Records the run ledger (`pipeline_runs`, `pipeline_tasks`, `task_attempts`) from pipeline
 * events, so the orchestrator and the simple in-process pipeline share one history. Every
 * write is an upsert keyed by run (and task, attempt): seeing the same state event twice leaves
 * the same rows. Writes run in event order; `flush()` waits for them and throws the first failure.
 *
 * @example
 * const ledger = new RunLedger(db, { env: config.appEnv });
 * const detach = ledger.attach(events);
 * await runPipeline({ events }); await ledger.flush(); detach();
 */
export class RunLedger {
  private readonly options: Required<RunLedgerOptions>;
  private chain: Promise<void> = Promise.resolve();
  private readonly failures: Error[] = [];

  constructor(private readonly db: Queryable, options: RunLedgerOptions = {}) {
    this.options = withDefaults(DEFAULTS, options);
    for (const field of ["dag", "env", "trigger"] as const) {
      if (!this.options[field].trim()) throw new OptionsError(field, "a non-empty string", this.options[field]);
    }
  }

  /** Subscribe to `events`; returns the function that unsubscribes. */
  attach(events: PipelineEvents): () => void {
    return events.onAny((name, event) => {
      const at = this.options.clock(); // when it happened, not when the queued write runs
      this.enqueue(() => this.record(name, event, at));
    });
  }

  /** Set the DAG, trigger, key, input or schedule of a run (creating its row as queued). */
  describeRun(runId: string, description: RunDescription): Promise<void> {
    return this.enqueue(async () => {
      await this.ensureRun(runId, "queued");
      await this.db.query(
        `UPDATE pipeline_runs SET dag = coalesce($2, dag), trigger = coalesce($3, trigger),
           run_key = coalesce($4, run_key), input_path = coalesce($5, input_path),
           scheduled_for = coalesce($6, scheduled_for)
         WHERE run_id = $1`,
        [runId, description.dag ?? null, description.trigger ?? null, description.runKey ?? null,
          description.inputPath ?? null, description.scheduledFor ?? null],
      );
    });
  }

  /** Wait for every write so far; throws if any failed (the failures are kept in `errors`). */
  async flush(): Promise<void> {
    await this.chain;
    if (this.failures.length > 0) {
      const first = this.failures[0]!;
      throw new PipelineError(`The run ledger could not record ${this.failures.length} event(s): ${first.message}`, { step: "monitor", cause: first });
    }
  }

  /** Writes that failed so far. */
  get errors(): readonly Error[] {
    return this.failures;
  }

  /** Record one event now (what `attach` does for each event, in order). */
  async record<K extends PipelineEventName>(name: K, event: PipelineEventMap[K], at = this.options.clock()): Promise<void> {
    const e = event as PipelineEventMap[PipelineEventName] & { runId?: string };
    if (!e.runId) return;
    switch (name) {
      case "run:start": {
        const s = event as PipelineEventMap["run:start"];
        await this.ensureRun(s.runId, "running", at);
        await this.db.query(
          `UPDATE pipeline_runs SET state = 'running', rows_in = $2, started_at = coalesce(started_at, $3),
             finished_at = NULL, error = NULL WHERE run_id = $1`,
          [s.runId, s.rows, at],
        );
        return;
      }
      case "run:success": {
        const s = event as PipelineEventMap["run:success"];
        await this.ensureRun(s.runId, "running", at);
        await this.db.query(
          `UPDATE pipeline_runs SET state = 'success', finished_at = $2, rows_loaded = $3, rows_quarantined = $4,
             error = NULL, started_at = coalesce(started_at, $2::timestamptz - make_interval(secs => $5::float8 / 1000))
           WHERE run_id = $1`,
          [s.runId, at, s.loaded, s.quarantined, s.durationMs],
        );
        return;
      }
      case "run:error": {
        const s = event as PipelineEventMap["run:error"];
        await this.ensureRun(s.runId, "running", at);
        await this.db.query(
          `UPDATE pipeline_runs SET state = 'failed', finished_at = $2, error = $3,
             started_at = coalesce(started_at, $2::timestamptz - make_interval(secs => $4::float8 / 1000))
           WHERE run_id = $1`,
          [s.runId, at, s.error.message, s.durationMs],
        );
        return;
      }
      case "task:start":
      case "step:start": {
        const s = event as { runId: string; task?: string; step?: string; attempt?: number };
        await this.taskStarted(s.runId, (s.task ?? s.step)!, s.attempt ?? 1, at);
        return;
      }
      case "task:success":
      case "step:success": {
        const s = event as { runId: string; task?: string; step?: string; attempt?: number; durationMs: number; rowsIn?: number; rowsOut?: number };
        await this.taskFinished(s.runId, (s.task ?? s.step)!, s.attempt ?? 1, at, s.durationMs, undefined, s.rowsIn, s.rowsOut);
        return;
      }
      case "task:error":
      case "step:error": {
        const s = event as { runId: string; task?: string; step?: string; attempt?: number; durationMs: number; error: Error };
        await this.taskFinished(s.runId, (s.task ?? s.step)!, s.attempt ?? 1, at, s.durationMs, s.error.message);
        return;
      }
      case "task:retry": {
        const s = event as PipelineEventMap["task:retry"];
        await this.upsertAttempt(s.runId, s.task, s.attempt, "failed", at, s.error.message);
        await this.db.query(`UPDATE pipeline_tasks SET error = $3 WHERE run_id = $1 AND task = $2`, [s.runId, s.task, s.error.message]);
        return;
      }
      case "llm:response": {
        const s = event as PipelineEventMap["llm:response"];
        const params = [s.runId, s.tokensIn, s.tokensOut, s.costUsd];
        await this.ensureRun(s.runId, "running", at);
        await this.db.query(
          `UPDATE pipeline_runs SET llm_requests = coalesce(llm_requests, 0) + 1, tokens_in = coalesce(tokens_in, 0) + $2,
             tokens_out = coalesce(tokens_out, 0) + $3, cost_usd = coalesce(cost_usd, 0) + $4 WHERE run_id = $1`,
          params,
        );
        await this.db.query(
          `UPDATE pipeline_tasks SET llm_requests = coalesce(llm_requests, 0) + 1, tokens_in = coalesce(tokens_in, 0) + $2,
             tokens_out = coalesce(tokens_out, 0) + $3, cost_usd = coalesce(cost_usd, 0) + $4 WHERE run_id = $1 AND task = $5`,
          [...params, s.step],
        );
        return;
      }
      case "llm:cache-hit": {
        const s = event as PipelineEventMap["llm:cache-hit"];
        await this.ensureRun(s.runId, "running", at);
        await this.db.query(`UPDATE pipeline_runs SET cache_hits = coalesce(cache_hits, 0) + $2 WHERE run_id = $1`, [s.runId, s.rows]);
        await this.db.query(`UPDATE pipeline_tasks SET cache_hits = coalesce(cache_hits, 0) + $2 WHERE run_id = $1 AND task = $3`, [s.runId, s.rows, s.step]);
        return;
      }
      default:
        return; // progress, requests and alerts change no ledger figure
    }
  }

  private enqueue(write: () => Promise<void>): Promise<void> {
    const next = this.chain.then(write).catch((e) => {
      this.failures.push(toError(e));
    });
    this.chain = next;
    return next;
  }

  private async ensureRun(runId: string, state: "queued" | "running", at = this.options.clock()): Promise<void> {
    await this.db.query(
      `INSERT INTO pipeline_runs (run_id, dag, run_key, state, trigger, env, created_at)
       VALUES ($1, $2, $1, $3, $4, $5, $6) ON CONFLICT (run_id) DO NOTHING`,
      [runId, this.options.dag, state, this.options.trigger, this.options.env, at],
    );
  }

  private async taskStarted(runId: string, task: string, attempt: number, at: Date): Promise<void> {
    await this.ensureRun(runId, "running", at);
    await this.db.query(
      `INSERT INTO pipeline_tasks (run_id, task, state, attempts, started_at) VALUES ($1, $2, 'running', $3, $4)
       ON CONFLICT (run_id, task) DO UPDATE SET state = 'running', attempts = greatest(pipeline_tasks.attempts, EXCLUDED.attempts),
         started_at = coalesce(pipeline_tasks.started_at, EXCLUDED.started_at), finished_at = NULL`,
      [runId, task, attempt, at],
    );
    await this.upsertAttempt(runId, task, attempt, "running", at, null);
  }

  private async taskFinished(
    runId: string, task: string, attempt: number, at: Date, durationMs: number,
    error: string | undefined, rowsIn?: number, rowsOut?: number,
  ): Promise<void> {
    const state = error === undefined ? "success" : "failed";
    await this.taskStarted(runId, task, attempt, new Date(at.getTime() - durationMs));
    await this.db.query(
      `UPDATE pipeline_tasks SET state = $3, finished_at = $4, duration_ms = $5, error = $6,
         rows_in = coalesce($7, rows_in), rows_out = coalesce($8, rows_out)
       WHERE run_id = $1 AND task = $2`,
      [runId, task, state, at, Math.round(durationMs), error ?? null, rowsIn ?? null, rowsOut ?? null],
    );
    await this.upsertAttempt(runId, task, attempt, state, at, error ?? null, durationMs);
  }

  /** Update the attempt's row, inserting it the first time (no ON CONFLICT: works without a key). */
  private async upsertAttempt(
    runId: string, task: string, attempt: number, state: string, at: Date, error: string | null, durationMs?: number,
  ): Promise<void> {
    const ms = durationMs === undefined ? null : Math.round(durationMs);
    const running = state === "running";
    const updated = await this.db.query(
      `UPDATE task_attempts SET state = CASE WHEN $4 = 'running' AND state <> 'running' THEN state ELSE $4 END,
         finished_at = CASE WHEN $6 THEN finished_at ELSE $5 END, error = coalesce($7, error),
         duration_ms = coalesce($8, duration_ms)
       WHERE run_id = $1 AND task = $2 AND attempt = $3 RETURNING attempt`,
      [runId, task, attempt, state, at, running, error, ms],
    );
    if (updated.length > 0) return;
    await this.db.query(
      `INSERT INTO task_attempts (run_id, task, attempt, state, started_at, finished_at, error, duration_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [runId, task, attempt, state, at, running ? null : at, error, ms],
    );
  }
}
