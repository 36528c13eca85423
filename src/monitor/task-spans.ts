import type { Queryable } from "../db/database";

export type SpanState = "success" | "failed" | "retried" | "skipped";

/** One attempt of one task in a pipeline run; a retried task has one span per attempt. */
export interface TaskSpan {
  task: string;
  attempt: number;
  start: Date | string;
  end: Date | string;
  state: SpanState;
}

/**
 * One bar per task attempt of a run, for the Gantt chart: a failed attempt that was tried again is
 * `retried`, one that was not is `failed`. Attempts still running end "now".
 *
 * @example await showChart(taskTimelineChart(await readTaskSpans(db, runId)))
 */
export async function readTaskSpans(db: Queryable, runId: string): Promise<TaskSpan[]> {
  const rows = await db.query<{ task: string; attempt: number; state: string; started_at: Date | string; finished_at: Date | string | null; last: number }>(
    `SELECT task, attempt::int AS attempt, state, started_at, finished_at,
            max(attempt) OVER (PARTITION BY task)::int AS last
       FROM task_attempts WHERE run_id = $1 ORDER BY started_at, task`,
    [runId],
  );
  return rows.map((r) => ({
    task: r.task,
    attempt: r.attempt,
    start: r.started_at,
    end: r.finished_at ?? new Date(),
    state: r.state === "failed" ? (r.attempt < r.last ? "retried" : "failed") : "success",
  }));
}
