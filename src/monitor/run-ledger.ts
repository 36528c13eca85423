import { OptionsError, PipelineError, toError } from "../errors";
import type { PipelineEventMap, PipelineEventName, PipelineEvents } from "../events";
import type { Queryable } from "../db/database";
import {
  describeRunRow, ensureEventRun, isExecutorRun, markRunEnded, markRunStarted, markTaskEnded, markTaskRetried, markTaskStarted, type RunFacts,
} from "../orchestrate/ledger";
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
export type RunDescription = RunFacts;

const LEDGER_EVENTS = new Set<string>([
  "run:start", "run:success", "run:error", "task:start", "task:success", "task:error", "task:retry", "step:start", "step:success", "step:error",
]);

const DEFAULTS = { dag: "ingest", env: "dev", trigger: "manual", clock: () => new Date() };

/**
 * Records runs in the ledger (`pipeline_runs`, `pipeline_tasks`, `task_attempts`) from pipeline
 * events, for runs that no executor of ours ran (a history replayed from events, another tool's
 * runs). Runs of the workbook's DAG, in-process (`runPipeline`) or on pg-boss, are recorded by their
 * executor; attaching this to them as well changes nothing (every write is an upsert keyed by run,
 * task and attempt, and the SQL is the ledger's own, in `orchestrate/ledger.ts`). LLM totals are
 * read from the call ledger when the run ends. Writes run in event order; `flush()` waits for them
 * and throws the first failure.
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
      await describeRunRow(this.db, runId, description);
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
    const db = this.db;
    if (LEDGER_EVENTS.has(name) && (await this.executorRuns(e.runId))) return;
    switch (name) {
      case "run:start": {
        const s = event as PipelineEventMap["run:start"];
        await this.ensureRun(s.runId, "running", at);
        await markRunStarted(db, s.runId, s.rows, at);
        return;
      }
      case "run:success": {
        const s = event as PipelineEventMap["run:success"];
        await this.ensureRun(s.runId, "running", at);
        await markRunEnded(db, s.runId, at, s.durationMs, { state: "success", loaded: s.loaded, quarantined: s.quarantined });
        return;
      }
      case "run:error": {
        const s = event as PipelineEventMap["run:error"];
        await this.ensureRun(s.runId, "running", at);
        await markRunEnded(db, s.runId, at, s.durationMs, { state: "failed", error: s.error.message });
        return;
      }
      case "task:start":
      case "step:start": {
        const s = event as { runId: string; task?: string; step?: string; attempt?: number };
        await this.ensureRun(s.runId, "running", at);
        await markTaskStarted(db, s.runId, (s.task ?? s.step)!, s.attempt ?? 1, at);
        return;
      }
      case "task:success":
      case "step:success": {
        const s = event as { runId: string; task?: string; step?: string; attempt?: number; durationMs: number; rowsIn?: number; rowsOut?: number };
        await this.ensureRun(s.runId, "running", at);
        await markTaskEnded(db, s.runId, (s.task ?? s.step)!, s.attempt ?? 1, at, s.durationMs, undefined, s.rowsIn, s.rowsOut);
        return;
      }
      case "task:error":
      case "step:error": {
        const s = event as { runId: string; task?: string; step?: string; attempt?: number; durationMs: number; error: Error };
        await this.ensureRun(s.runId, "running", at);
        await markTaskEnded(db, s.runId, (s.task ?? s.step)!, s.attempt ?? 1, at, s.durationMs, s.error.message);
        return;
      }
      case "task:retry": {
        const s = event as PipelineEventMap["task:retry"];
        await markTaskRetried(db, s.runId, s.task, s.attempt, at, s.error.message);
        return;
      }
      default:
        // LLM usage is recorded once, in the call ledger (`llm_calls`); a run's totals are read from it when it ends.
        return;
    }
  }

  private enqueue(write: () => Promise<void>): Promise<void> {
    const next = this.chain.then(write).catch((e) => {
      this.failures.push(toError(e));
    });
    this.chain = next;
    return next;
  }

  /** Runs an executor records itself; once one is, it stays so. */
  private readonly owned = new Set<string>();
  private async executorRuns(runId: string): Promise<boolean> {
    if (this.owned.has(runId)) return true;
    if (!(await isExecutorRun(this.db, runId))) return false;
    this.owned.add(runId);
    return true;
  }

  private ensureRun(runId: string, state: "queued" | "running", at = this.options.clock()): Promise<void> {
    return ensureEventRun(this.db, runId, state, this.options, at);
  }
}
