import { createHash } from "node:crypto";
import type { PgBoss } from "pg-boss";
import type { Dag } from "./dag";
import { heartbeatSecondsOf } from "./boss";
import { queueOptionsFor } from "./retry-policy";

/** What a task's job carries: which run and task, never the data (that is in `run_staging`). */
export interface TaskJobData {
  runId: string;
  task: string;
  generation: number;
}

/** What a trigger job carries (cron schedule, upstream DAG, file watcher). */
export interface TriggerJobData {
  trigger?: "schedule" | "event" | "upstream";
  inputPath?: string | null;
  params?: Record<string, unknown>;
  /** Set by pg-boss publish when an upstream DAG's run completes. */
  upstreamRunId?: string;
}

/** One pg-boss queue per task type: `ingest.extract`, plus `ingest._dead` and `ingest._trigger`. */
export function taskQueue(dag: string, task: string): string {
  return `${dag}.${task}`;
}
export function deadLetterQueue(dag: string): string {
  return `${dag}._dead`;
}
export function triggerQueue(dag: string): string {
  return `${dag}._trigger`;
}
/** The pub/sub event published when a run of `dag` succeeds. */
export function completedEvent(dag: string): string {
  return `${dag}.completed`;
}

/** The name a fan-out copy has in the ledger. */
export function copyName(task: string, index: number): string {
  return `${task}[${index}]`;
}

/** The task type of a ledger name (`extract[3]` → `extract`). */
export function taskType(ledgerName: string): string {
  const i = ledgerName.indexOf("[");
  return i < 0 ? ledgerName : ledgerName.slice(0, i);
}

/**
 * The job id of (run, task, generation): a UUID derived from them, so enqueueing the same task
 * twice inserts one job (pg-boss skips an id it already has). Two workers that both find a task
 * ready cannot run it twice.
 */
export function jobId(runId: string, task: string, generation: number): string {
  const h = createHash("sha256").update(`${runId}\u0000${task}\u0000${generation}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Create (or update) the queues of a DAG with each task's retry policy and a dead-letter queue. */
export async function ensureQueues(boss: PgBoss, dag: Dag): Promise<void> {
  const dead = deadLetterQueue(dag.name);
  await ensureQueue(boss, dead, { retryLimit: 0 });
  await ensureQueue(boss, triggerQueue(dag.name), { retryLimit: 2, retryDelay: 1 });
  for (const spec of dag.tasks) {
    // The heartbeat lets a live worker keep a long task and a dead worker's task be re-run quickly.
    await ensureQueue(boss, taskQueue(dag.name, spec.name), { ...queueOptionsFor(spec.retry), heartbeatSeconds: heartbeatSecondsOf(boss), deadLetter: dead });
  }
}

async function ensureQueue(boss: PgBoss, name: string, options: Record<string, unknown>): Promise<void> {
  const existing = await boss.getQueue(name);
  if (!existing) await boss.createQueue(name, { ...options, notify: true });
  else await boss.updateQueue(name, options);
}
