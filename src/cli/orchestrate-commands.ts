import path from "node:path";
import type { Config } from "../config";
import { OptionsError, toError } from "../errors";
import { PipelineEvents } from "../events";
import { openDatabaseFromConfig, type Database } from "../db/database";
import { migrate } from "../load/migrator";
import { readRunAccounting } from "../load/row-accounting";
import { EXIT_CODES, exitCodeFor } from "../pipeline/exit-codes";
import {
  defaultInput, formatDuration, formatRunStatus, formatRuns, getRun, ingestParams, listRuns, listSchedules, listTasks,
  openOrchestrator, scheduleDag, unscheduleDag, watchInbox, type IngestParams, type OpenedOrchestrator, type RunRow,
} from "../orchestrate/index";
import { parseRowsOption } from "./row-option";
import { sleep } from "../util/sleep";

/**
 * CLI handlers for the orchestrator (`trigger`, `status`, `runs`, `resume`, `worker`, `schedule`,
 * `watch`). Each takes the parsed flags and positionals and the config, prints what a data engineer
 * needs to see, and resolves to the process exit code. The router (src/cli/main.ts) parses argv.
 */
export interface OrchestrateArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** `trigger [--rows N] [--input FILE] [--batch-rows N] [--provider P] [--force] [--detach]`: start (or find) a run and follow it. */
export async function trigger(args: OrchestrateArgs, config: Config): Promise<number> {
  const params = paramsFrom(args, config);
  const input = path.resolve(str(args, "input") ?? defaultInput(config));
  const detach = args.values.detach === true && config.database.kind === "postgres";
  const events = new PipelineEvents();
  const opened = await openOrchestrator(config, { events, work: !detach });
  try {
    followTasks(events, config);
    const { run, status } = await opened.orch.trigger("ingest", { inputPath: input, params: { ...params }, force: args.values.force === true });
    console.log(`${status === "started" ? "Started" : status === "resumed" ? "Resumed failed" : "Found existing"} run ${run.run_id} (key ${run.run_key.slice(0, 12)}…)`);
    if (status === "existing" && run.state === "success") console.log("Same input and settings as a finished run: nothing to redo.");
    if (detach) {
      console.log("Queued; workers on this database will run it. Follow with `status`.");
      return 0;
    }
    const code = await finish(opened, run.run_id);
    if (code === 0) await finishDownstream(opened, run.run_id);
    return code;
  } finally {
    await opened.close();
  }
}

/**
 * The runs a finished run started downstream (the `game_report` DAG after `ingest`), followed to the
 * end and shown under the run's own table, so the process does not stop half-way through them.
 */
async function finishDownstream(opened: OpenedOrchestrator, runId: string, appearWithinMs = 10_000): Promise<void> {
  const deadline = Date.now() + appearWithinMs;
  let downstream: RunRow[] = [];
  while (downstream.length === 0 && Date.now() < deadline) {
    downstream = (await listRuns(opened.db, 50)).filter((r) => r.upstream_run_id === runId);
    if (downstream.length === 0) await sleep(200);
  }
  if (downstream.length === 0) {
    console.log(`\nNo downstream run started yet for ${runId}; \`npm start -- runs\` shows it once a worker starts it.`);
    return;
  }
  for (const d of downstream) {
    const done = await opened.orch.waitForRun(d.run_id, 10 * 60_000);
    console.log(`\nDownstream (${done.dag}, started by ${runId}):\n${formatRunStatus(done, await listTasks(opened.db, d.run_id))}`);
  }
}

/** `status [run]`: a run (default: the latest) with its tasks. */
export async function status(args: OrchestrateArgs, config: Config): Promise<number> {
  return withLedger(config, async (opened) => {
    // Default: the latest ingest run (a downstream report run it started is listed by `runs`).
    const recent = await listRuns(opened.db, 50);
    const runId = args.positionals[0] ?? (recent.find((r) => r.dag === "ingest") ?? recent[0])?.run_id;
    if (!runId) {
      console.log("No runs yet.");
      return 0;
    }
    const run = await getRun(opened.db, runId);
    if (!run) {
      console.error(`No run ${runId}. \`npm start -- runs\` lists the recent runs.`);
      return 1;
    }
    console.log(formatRunStatus(run, await listTasks(opened.db, runId)));
    return 0;
  });
}

/** `runs [--limit N]`: recent runs. */
export async function runs(args: OrchestrateArgs, config: Config): Promise<number> {
  return withLedger(config, async (opened) => {
    console.log(formatRuns(await listRuns(opened.db, int(args, "limit") ?? 20)));
    return 0;
  });
}

/** `resume <run>`: continue a failed or interrupted run; finished tasks are not redone. */
export async function resume(args: OrchestrateArgs, config: Config): Promise<number> {
  const runId = args.positionals[0];
  if (!runId) throw new OptionsError("run", "a run id (see `runs`)", undefined);
  const db = await openDatabaseFromConfig(config);
  try {
    // Look the run up before pg-boss starts: an unknown id gets its answer at once.
    await migrate(db, path.join(config.projectRoot, "migrations"));
    if (!(await getRun(db, runId))) {
      console.error(`No run ${runId}. \`npm start -- runs\` lists the recent runs.`);
      return 1;
    }
    const events = new PipelineEvents();
    const opened = await openOrchestrator(config, { events, db });
    try {
      followTasks(events, config);
      const r = await opened.orch.resume(runId);
      if (!r.resumed) {
        console.log(`Run ${runId} already succeeded: nothing to resume.`);
        return 0;
      }
      console.log(`Resuming ${runId}: ${r.requeued.length} unfinished task(s) sent again (${r.requeued.join(", ") || "none"}).`);
      return await finish(opened, runId);
    } finally {
      await opened.close();
    }
  } finally {
    await db.close();
  }
}

/** `worker`: work every queue on the configured (server) database until SIGINT/SIGTERM. */
export async function worker(_args: OrchestrateArgs, config: Config): Promise<number> {
  const events = new PipelineEvents();
  const opened = await openOrchestrator(config, { events, boss: { instanceName: "worker" } });
  followTasks(events, config);
  console.log(`Worker ${process.pid} working dags ingest, game_report on ${config.database.kind} (schema ${config.database.schema}); Ctrl-C to stop.`);
  if (config.database.kind === "pglite") console.log("Note: on PGlite only this process can use the database; start workers against a server to share runs.");
  await untilSignal();
  console.log("Stopping: waiting for running tasks…");
  await opened.close();
  return 0;
}

/** `schedule [--remove]`: register this environment's cron schedule for `ingest` and show it. */
export async function schedule(args: OrchestrateArgs, config: Config): Promise<number> {
  const opened = await openOrchestrator(config, { work: false });
  try {
    if (args.values.remove === true) {
      await unscheduleDag(opened.orch, "ingest", config.appEnv);
      console.log(`Removed the ${config.appEnv} schedule of ingest.`);
    } else {
      const params = paramsFrom(args, config);
      await scheduleDag(opened.orch, "ingest", { ...config.schedule, key: config.appEnv, inputPath: path.resolve(str(args, "input") ?? defaultInput(config)), params: { ...params } });
    }
    const all = await listSchedules(opened.orch);
    if (all.length === 0) console.log("No schedules.");
    for (const s of all) {
      console.log(`${s.name} [${s.key || "default"}]  cron "${s.cron}"  tz ${s.timezone}`);
      console.log(`  next: ${s.next.map((d) => d.toISOString().replace("T", " ").slice(0, 16) + "Z").join(", ")}`);
    }
    console.log("Runs start when a `worker` (or `watch`) process is running against this database.");
    return 0;
  } finally {
    await opened.close();
  }
}

/** `watch <folder>`: start an ingest run for each complete CSV dropped into the folder. */
export async function watch(args: OrchestrateArgs, config: Config): Promise<number> {
  const folder = args.positionals[0];
  if (!folder) throw new OptionsError("folder", "a folder to watch", undefined);
  const params = paramsFrom(args, config);
  const events = new PipelineEvents();
  const opened = await openOrchestrator(config, { events });
  followTasks(events, config);
  events.on("run:success", (e) => console.log(`run ${e.runId} succeeded in ${formatDuration(e.durationMs)}: ${e.loaded} loaded, ${e.quarantined} quarantined`));
  events.on("run:error", (e) => console.log(`run ${e.runId} FAILED: ${e.error.message}`));
  const watcher = watchInbox({
    folder: path.resolve(folder),
    onFile: async (file) => {
      const { run, status: s } = await opened.orch.trigger("ingest", { inputPath: file, params: { ...params }, trigger: "event" });
      console.log(`${path.basename(file)} → ${s === "existing" ? "already ingested as" : "run"} ${run.run_id}`);
    },
    onError: (file, e) => console.error(`${path.basename(file)}: ${toError(e).message}`),
  });
  console.log(`Watching ${path.resolve(folder)} for .csv files; Ctrl-C to stop.`);
  await untilSignal();
  watcher.close();
  await opened.close();
  return 0;
}

function paramsFrom(args: OrchestrateArgs, config: Config): IngestParams {
  const provider = str(args, "provider");
  return ingestParams(config, {
    rows: parseRowsOption(str(args, "rows")),
    batchRows: int(args, "batch-rows"),
    provider: provider === undefined ? undefined : (provider as IngestParams["provider"]),
  });
}

function str(args: OrchestrateArgs, key: string): string | undefined {
  const v = args.values[key];
  return typeof v === "string" ? v : undefined;
}

function int(args: OrchestrateArgs, key: string): number | undefined {
  const v = str(args, key);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new OptionsError(`--${key}`, "an integer ≥ 1", v);
  return n;
}

async function finish(opened: OpenedOrchestrator, runId: string): Promise<number> {
  const run: RunRow = await opened.orch.waitForRun(runId, 24 * 3600_000);
  console.log(`\n${formatRunStatus(run, await listTasks(opened.db, runId))}`);
  if (run.state === "success") return EXIT_CODES.loaded;
  // A failed run that held rows or was stopped by the budget says so in its exit code (3, 4); any other failure is 1.
  const outcome = (await readRunAccounting(opened.db, runId))?.outcome;
  return outcome === "held" || outcome === "stopped" ? exitCodeFor(outcome) : EXIT_CODES.error;
}

/** Reading the ledger needs only the database, not pg-boss. */
async function withLedger(config: Config, fn: (o: { db: Database }) => Promise<number>): Promise<number> {
  const db = await openDatabaseFromConfig(config);
  try {
    await migrate(db, path.join(config.projectRoot, "migrations"));
    return await fn({ db });
  } finally {
    await db.close();
  }
}

/**
 * One line per task event, unless LOG_LEVEL=silent. Tasks of another DAG than `dag` (the downstream
 * `game_report` run an ingest run starts) are labelled with their DAG: `▸ game_report/innings`.
 */
function followTasks(events: PipelineEvents, config: Config, dag = "ingest"): void {
  if (config.logLevel === "silent") return;
  const name = (e: { runId: string; task: string }) => (dagOfRun(e.runId) === dag ? e.task : `${dagOfRun(e.runId)}/${e.task}`);
  events.on("task:start", (e) => console.log(`  ▸ ${name(e)}${e.attempt > 1 ? ` (attempt ${e.attempt})` : ""}`));
  events.on("task:success", (e) => console.log(`  ✓ ${name(e)}  ${formatDuration(e.durationMs)}`));
  events.on("task:retry", (e) => console.log(`  ↻ ${name(e)} attempt ${e.attempt} failed: ${e.error.message}; retrying in ≥ ${formatDuration(e.delayMs)}`));
  events.on("task:error", (e) => console.log(`  ✗ ${name(e)} failed after ${e.attempt} attempt(s): ${e.error.message}`));
  events.on("alert:fired", (e) => console.log(`  ! ALERT [${e.severity}] ${e.message}`));
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
}

/** Run ids start with their DAG's name (`ingest-20260301T060000-ab12cd`; DAG names have no "-"). */
function dagOfRun(runId: string): string {
  return runId.split("-")[0] ?? runId;
}

