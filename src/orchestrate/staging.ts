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

/**
 * Where a run's tasks hand data to each other. The pg-boss executor keeps it in `run_staging`
 * (`databaseStaging`), so any worker can pick up the next task; the in-process executor keeps it in
 * memory (`memoryStaging`), so values pass without being serialised.
 */
export interface Staging {
  put(runId: string, task: string, key: string, value: unknown): Promise<void>;
  get<T>(runId: string, task: string, key: string): Promise<T | undefined>;
  getAll<T>(runId: string, task: string, key: string): Promise<T[]>;
  /** Forget the value of (run, task, key), and of each fan-out copy `task[i]`: no later task reads it. */
  drop?(runId: string, task: string, key: string): Promise<void>;
}

/** Staging in `run_staging` (through `db`, e.g. a transaction). */
export function databaseStaging(db: Queryable): Staging {
  return {
    put: (runId, task, key, value) => stagePut(db, runId, task, key, value),
    get: (runId, task, key) => stageGet(db, runId, task, key),
    getAll: (runId, task, key) => stageGetAll(db, runId, task, key),
  };
}

/** Staging in this process's memory: values are handed over as they are (not copied). */
export function memoryStaging(): Staging {
  const values = new Map<string, unknown>();
  const id = (runId: string, task: string, key: string) => `${runId}\u0000${task}\u0000${key}`;
  return {
    async put(runId, task, key, value) {
      values.set(id(runId, task, key), value === undefined ? null : value);
    },
    async get<T>(runId: string, task: string, key: string) {
      const k = id(runId, task, key);
      return values.has(k) ? (values.get(k) as T) : undefined;
    },
    async getAll<T>(runId: string, task: string, key: string) {
      const copies: [number, T][] = [];
      const prefix = `${runId}\u0000${task}[`;
      for (const [k, v] of values) {
        if (!k.startsWith(prefix) || !k.endsWith(`]\u0000${key}`)) continue;
        const index = Number(k.slice(prefix.length, k.length - key.length - 2));
        if (Number.isInteger(index)) copies.push([index, v as T]);
      }
      return copies.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
    },
    async drop(runId, task, key) {
      const prefix = `${runId}\u0000${task}[`;
      for (const k of values.keys()) if (k === id(runId, task, key) || (k.startsWith(prefix) && k.endsWith(`]\u0000${key}`))) values.delete(k);
    },
  };
}
