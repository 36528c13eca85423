import { PipelineError } from "../errors";
import { advanceRun, type EngineDeps } from "./advance";
import { IN_PROCESS } from "./in-process-executor";
import { getRun, listTasks, markRunResumed, reopenFan, requeueTask, type RunRow } from "./ledger";
import { jobId, taskQueue, taskType, type TaskJobData } from "./queues";

export interface ResumeResult {
  run: RunRow;
  /** Tasks sent again (those that had not finished). */
  requeued: string[];
  /** false when the run had already succeeded: nothing to do. */
  resumed: boolean;
}

/**
 * Continue a failed or interrupted (e.g. SIGKILL'd) run from what did not finish. Tasks that
 * succeeded or were skipped keep their results and are not run again; every other task gets a new
 * generation, so a job of the interrupted attempt that pg-boss might still retry becomes stale and
 * does nothing, and is sent again. The run keeps its id, so staged data and loaded rows line up.
 */
export async function resumeRun(deps: EngineDeps, runId: string): Promise<ResumeResult> {
  const before = await getRun(deps.db, runId);
  if (!before) throw new Error(`No run ${runId}`);
  if (before.state === "success") return { run: before, requeued: [], resumed: false };
  if (before.params.executor === IN_PROCESS) {
    throw new PipelineError(
      `Run ${runId} ran in one process (npm start): its tasks handed their data over in memory, so it cannot be resumed. ` +
        `Run it again (rows already answered come from the cache), or use \`npm start -- trigger\` for resumable runs.`,
      { step: "orchestrate" },
    );
  }
  const stale: { queue: string; id: string }[] = [];
  const jobs = await deps.db.transaction(async (tx) => {
    await getRun(tx, runId, true);
    const rows = await listTasks(tx, runId);
    const out: TaskJobData[] = [];
    for (const row of rows) {
      if (row.state === "success" || row.state === "skipped") continue;
      if (row.fan_out !== null) {
        await reopenFan(tx, runId, row.task);
        continue;
      }
      stale.push({ queue: taskQueue(before.dag, taskType(row.task)), id: jobId(runId, row.task, row.generation) });
      await requeueTask(tx, runId, row.task);
      out.push({ runId, task: row.task, generation: row.generation + 1 });
    }
    await markRunResumed(tx, runId);
    return out;
  });
  // The interrupted generation's jobs would otherwise wait out their expiry and retry for nothing.
  for (const s of stale) await deps.boss.cancel(s.queue, s.id).catch(() => undefined);
  for (const data of jobs) {
    await deps.boss.send(taskQueue(before.dag, taskType(data.task)), data, { id: jobId(runId, data.task, data.generation) });
  }
  await advanceRun(deps, runId);
  const run = (await getRun(deps.db, runId))!;
  deps.events.emit("run:start", { runId, rows: Number(run.params.rows ?? 0), provider: String(run.params.provider ?? "n/a") });
  return { run, requeued: jobs.map((j) => j.task), resumed: true };
}
