import { createHash, randomBytes } from "node:crypto";
import type { JobWithMetadata, PgBoss } from "pg-boss";
import { OptionsError, PipelineError } from "../errors";
import { PipelineEvents } from "../events";
import type { Database } from "../db/database";
import { advanceRun, type EngineDeps } from "./advance";
import { startBoss, type BossOptions } from "./boss";
import type { Dag } from "./dag";
import { findRunByKey, getRun, getTask, insertRun, type RunRow, type RunTrigger } from "./ledger";
import { completedEvent, deadLetterQueue, ensureQueues, taskQueue, triggerQueue, type TaskJobData, type TriggerJobData } from "./queues";
import { resumeRun, type ResumeResult } from "./resume";
import { failTaskAndRun, runTaskJob } from "./task-runner";
import { sleep } from "../util/sleep";

export interface OrchestratorOptions {
  /** The pipeline's database; pg-boss keeps its queues in the same database. */
  db: Database;
  /** The DAGs this process knows (it can trigger them and work their tasks). */
  dags: Dag[];
  /** Environment name recorded on each run. Default `dev`. */
  env?: string;
  /** Where `task:*` and `run:*` events go. Default: a new emitter (see `events`). */
  events?: PipelineEvents;
  /** pg-boss settings; see `BossOptions`. */
  boss?: BossOptions;
  /** Seconds between a worker's polls when no notification wakes it (≥ 0.5). Default 0.5. */
  pollingIntervalSeconds?: number;
}

export interface TriggerOptions {
  inputPath?: string | null;
  params?: Record<string, unknown>;
  trigger?: Exclude<RunTrigger, "resume">;
  upstreamRunId?: string | null;
  scheduledFor?: Date | null;
  /** Start a new run even if one with the same key exists. Default false. */
  force?: boolean;
}

export interface TriggerResult {
  run: RunRow;
  /** started: a new run; existing: the same key already ran or is running; resumed: it had failed. */
  status: "started" | "existing" | "resumed";
}

/**
 * Runs DAGs on pg-boss: triggers runs, works their task queues, resumes them.
 *
 * @example
 * const orch = await Orchestrator.start({ db, dags: [workbookDag()] });
 * await orch.work();
 * const { run } = await orch.trigger("ingest", { inputPath: "data/playbyplay.csv" });
 * await orch.waitForRun(run.run_id);
 * await orch.stop();
 */
export class Orchestrator {
  readonly events: PipelineEvents;
  private readonly deps: EngineDeps;
  private readonly dags = new Map<string, Dag>();
  private working = false;

  private constructor(readonly db: Database, readonly boss: PgBoss, private readonly options: OrchestratorOptions) {
    this.events = options.events ?? new PipelineEvents();
    for (const d of options.dags) this.dags.set(d.name, d);
    this.deps = { db, boss, events: this.events, dagFor: (name) => this.dag(name) };
  }

  /** Start pg-boss on `db` and create the queues of every DAG (idempotent). */
  static async start(options: OrchestratorOptions): Promise<Orchestrator> {
    const poll = options.pollingIntervalSeconds ?? 0.5;
    if (!(poll >= 0.5)) throw new OptionsError("pollingIntervalSeconds", "a number ≥ 0.5", poll);
    const boss = await startBoss(options.db, options.boss);
    const orch = new Orchestrator(options.db, boss, options);
    for (const d of orch.dags.values()) await ensureQueues(boss, d);
    for (const d of orch.dags.values()) {
      if (d.upstream) await boss.subscribe(completedEvent(d.upstream), triggerQueue(d.name));
    }
    return orch;
  }

  dag(name: string): Dag {
    const d = this.dags.get(name);
    if (!d) throw new OptionsError("dag", `one of ${[...this.dags.keys()].join(", ")}`, name);
    return d;
  }

  /** Start a run, or find the run that already has this key (and resume it if it failed). */
  async trigger(dagName: string, options: TriggerOptions = {}): Promise<TriggerResult> {
    const d = this.dag(dagName);
    const params = options.params ?? {};
    const inputPath = options.inputPath ?? null;
    const material = await d.runKey(params, inputPath);
    const nonce = options.force ? `\u0000${randomBytes(8).toString("hex")}` : "";
    const runKey = createHash("sha256").update(`${d.name}\u0000${material}${nonce}`).digest("hex").slice(0, 24);
    const existing = await findRunByKey(this.db, d.name, runKey);
    if (existing) {
      if (existing.state === "failed") return { run: (await this.resume(existing.run_id)).run, status: "resumed" };
      return { run: existing, status: "existing" };
    }
    const runId = `${d.name}-${compactTime(new Date())}-${runKey.slice(0, 6)}`;
    const inserted = await insertRun(this.db, {
      // The executor is named in the run's parameters (not its key), so event recorders leave the run to it.
      runId, dag: d.name, runKey, trigger: options.trigger ?? "manual", env: this.options.env ?? "dev", inputPath, params: { ...params, executor: "pg-boss" },
      upstreamRunId: options.upstreamRunId ?? null, scheduledFor: options.scheduledFor ?? null,
    });
    if (!inserted) return { run: (await findRunByKey(this.db, d.name, runKey))!, status: "existing" };
    this.events.emit("run:start", { runId, rows: Number(params.rows ?? 0), provider: String(params.provider ?? "n/a") });
    await advanceRun(this.deps, runId);
    return { run: (await getRun(this.db, runId))!, status: "started" };
  }

  /** Continue a failed or interrupted run from what did not finish. */
  resume(runId: string): Promise<ResumeResult> {
    return resumeRun(this.deps, runId);
  }

  /**
   * Work every queue of every DAG in this process: task queues, trigger queues (cron schedules,
   * upstream DAGs) and dead-letter queues. Several processes may do this on one server database.
   */
  async work(): Promise<void> {
    if (this.working) return;
    this.working = true;
    const poll = this.options.pollingIntervalSeconds ?? 0.5;
    // Retries wake no NOTIFY (their start time is in the future), so the backstop poll stays short.
    const polling = { pollingIntervalSeconds: poll, notifyPollingIntervalSeconds: poll };
    for (const d of this.dags.values()) {
      for (const spec of d.tasks) {
        await this.boss.work<TaskJobData>(
          taskQueue(d.name, spec.name),
          { ...polling, batchSize: 1, localConcurrency: spec.concurrency, includeMetadata: true, perJobResults: true },
          async ([job]) => [await runTaskJob(this.deps, job as JobWithMetadata<TaskJobData>)],
        );
      }
      await this.boss.work<TriggerJobData>(triggerQueue(d.name), polling, async ([job]) => {
        const data = job!.data ?? {};
        await this.trigger(d.name, {
          trigger: data.trigger ?? "schedule",
          inputPath: data.inputPath ?? null,
          params: { ...(data.params ?? {}), ...(data.upstreamRunId ? { upstreamRunId: data.upstreamRunId } : {}) },
          upstreamRunId: data.upstreamRunId ?? null,
          scheduledFor: data.trigger === "schedule" || data.trigger === undefined ? new Date() : null,
        });
      });
      await this.boss.work<TaskJobData>(deadLetterQueue(d.name), { ...polling, includeMetadata: true }, async ([job]) => {
        await this.onDeadLetter(job as JobWithMetadata<TaskJobData>);
      });
    }
  }

  /** Wait until a run succeeds or fails; rejects after `timeoutMs` (default 10 minutes). */
  async waitForRun(runId: string, timeoutMs = 600_000): Promise<RunRow> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const run = await getRun(this.db, runId);
      if (!run) throw new PipelineError(`No run ${runId}`, { step: "orchestrate" });
      if (run.state === "success" || run.state === "failed") return run;
      if (Date.now() > deadline) throw new PipelineError(`Run ${runId} still ${run.state} after ${timeoutMs} ms`, { step: "orchestrate" });
      await sleep(200);
    }
  }

  /** Stop the workers (waiting up to `timeoutMs` for running tasks) and pg-boss. The database stays open. */
  async stop(timeoutMs = 10_000): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: timeoutMs, close: true });
  }

  /**
   * A job that ran out of attempts. Usually the task already failed itself; this catches the case
   * where pg-boss gave up on it (a worker died holding it past its expiry on the last attempt).
   */
  private async onDeadLetter(job: JobWithMetadata<TaskJobData>): Promise<void> {
    const { runId, task, generation } = job.data ?? ({} as TaskJobData);
    if (!runId || !task) return;
    const row = await getTask(this.db, runId, task);
    if (!row || row.generation !== generation || row.state === "failed" || row.state === "success" || row.state === "skipped") return;
    const output = job.sourceOutput as { message?: string } | null;
    await failTaskAndRun(this.deps, runId, task, generation, row.attempts, output?.message ?? "gave up by pg-boss (expired)");
  }
}

function compactTime(d: Date): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "");
}
