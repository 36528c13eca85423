import { advanceRun, type EngineDeps } from "./advance";
import { getRun, listTasks, type RunRow } from "./ledger";
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
  const stale: { queue: string; id: string }[] = [];
  const jobs = await deps.db.transaction(async (tx) => {
    await getRun(tx, runId, true);
    const rows = await listTasks(tx, runId);
    const out: TaskJobData[] = [];
    for (const row of rows) {
      if (row.state === "success" || row.state === "skipped") continue;
      if (row.fan_out !== null) {
        // A fan-out's own row only tracks its copies; it reopens and closes again with them.
        await tx.query("UPDATE pipeline_tasks SET state = 'running', error = NULL, finished_at = NULL, duration_ms = NULL WHERE run_id = $1 AND task = $2", [runId, row.task]);
        continue;
      }
      stale.push({ queue: taskQueue(before.dag, taskType(row.task)), id: jobId(runId, row.task, row.generation) });
      await tx.query(
        `UPDATE pipeline_tasks SET state = 'pending', generation = generation + 1, error = NULL,
                finished_at = NULL, duration_ms = NULL WHERE run_id = $1 AND task = $2`,
        [runId, row.task],
      );
      out.push({ runId, task: row.task, generation: row.generation + 1 });
    }
    await tx.query(
      `UPDATE pipeline_runs SET state = 'running', trigger = 'resume', error = NULL, finished_at = NULL,
              resumes = resumes + 1 WHERE run_id = $1`,
      [runId],
    );
    // Attempts cut short by a killed process stay open; close them so the Gantt shows where it died.
    await tx.query(
      `UPDATE task_attempts SET state = 'failed', finished_at = now(), error = COALESCE(error, 'interrupted (worker stopped or killed)'),
              duration_ms = (extract(epoch FROM now() - started_at) * 1000)::int
        WHERE run_id = $1 AND state = 'running'`,
      [runId],
    );
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
