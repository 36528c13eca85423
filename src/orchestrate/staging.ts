import type { Queryable } from "../db/database";

/**
 * Data handed between the tasks of a run, in `run_staging` keyed by (run, task, key). Job
 * payloads carry only the run id and the task name, so a retried or resumed task reads
 * exactly what its upstream wrote, from any worker process.
 */
export async function stagePut(db: Queryable, runId: string, task: string, key: string, value: unknown): Promise<void> {
  await db.query(
    `INSERT INTO run_staging (run_id, task, key, payload) VALUES ($1, $2, $3, $4::jsonb)
     ON CONFLICT (run_id, task, key) DO UPDATE SET payload = EXCLUDED.payload, created_at = now()`,
    [runId, task, key, JSON.stringify(value === undefined ? null : value)],
  );
}

/** The value staged under (run, task, key), or undefined. */
export async function stageGet<T>(db: Queryable, runId: string, task: string, key: string): Promise<T | undefined> {
  const rows = await db.query<{ payload: T }>("SELECT payload FROM run_staging WHERE run_id = $1 AND task = $2 AND key = $3", [runId, task, key]);
  return rows.length === 0 ? undefined : rows[0]!.payload;
}

/** Every fan-out copy's value for `key` (`task[0]`, `task[1]`, …), in index order. */
export async function stageGetAll<T>(db: Queryable, runId: string, task: string, key: string): Promise<T[]> {
  const rows = await db.query<{ payload: T }>(
    `SELECT s.payload FROM run_staging s
       JOIN pipeline_tasks t ON t.run_id = s.run_id AND t.task = s.task
      WHERE s.run_id = $1 AND t.parent = $2 AND s.key = $3
      ORDER BY t.fan_index`,
    [runId, task, key],
  );
  return rows.map((r) => r.payload);
}
