import type { Schedule } from "pg-boss";
import { OptionsError } from "../errors";
import type { Orchestrator } from "./orchestrator";
import { triggerQueue, type TriggerJobData } from "./queues";

export interface CronSchedule {
  /** Cron expression, e.g. `0 6 * * *` (config.schedule.cron). */
  cron: string;
  /** IANA time zone it is read in, e.g. `Europe/Paris` (config.schedule.timezone). */
  timezone: string;
  /** One schedule per key; use the environment name so dev, staging and prod each have theirs. */
  key: string;
  inputPath?: string | null;
  params?: Record<string, unknown>;
}

/**
 * Register (or replace) a cron schedule for a DAG with pg-boss `schedule`. pg-boss stores it in
 * the database and any running instance with its clock on (every `worker`) sends a job to the
 * DAG's trigger queue at each occurrence; the run key makes a repeat on unchanged input a no-op.
 *
 * @example await scheduleDag(orch, "ingest", { ...config.schedule, key: config.appEnv, inputPath, params });
 */
export async function scheduleDag(orch: Orchestrator, dagName: string, s: CronSchedule): Promise<Schedule> {
  orch.dag(dagName);
  if (!/^[\w-]+$/.test(s.key)) throw new OptionsError("key", "letters, digits, _ or -", s.key);
  const data: TriggerJobData = { trigger: "schedule", inputPath: s.inputPath ?? null, params: s.params ?? {} };
  await orch.boss.schedule(triggerQueue(dagName), s.cron, data, { tz: s.timezone, key: s.key });
  return (await orch.boss.getSchedule(triggerQueue(dagName), s.key))!;
}

/** Remove a DAG's schedule for `key`. */
export async function unscheduleDag(orch: Orchestrator, dagName: string, key: string): Promise<void> {
  await orch.boss.unschedule(triggerQueue(dagName), key);
}

/** Every schedule pg-boss holds for this database, with its next occurrences. */
export async function listSchedules(orch: Orchestrator, next = 3): Promise<(Schedule & { next: Date[] })[]> {
  const all = await orch.boss.getSchedules();
  return all.map((s) => ({ ...s, next: orch.boss.previewSchedule(s.cron, { tz: s.timezone, count: next }) }));
}
