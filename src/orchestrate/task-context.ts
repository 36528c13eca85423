import type { PipelineEvents } from "../events";
import type { Database, Queryable } from "../db/database";

/** What a task did, recorded on its ledger row (all optional). */
export interface TaskMetrics {
  rowsIn?: number;
  rowsOut?: number;
  rowsQuarantined?: number;
  llmRequests?: number;
  tokensIn?: number;
  tokensOut?: number;
  costUsd?: number;
  cacheHits?: number;
  /** LLM retries and batch splits (reported to the caller; the ledger has no column for it). */
  llmRetries?: number;
}

/** Run-level counts a task may set on the run's ledger row. */
export interface RunMetrics {
  rowsIn?: number;
  rowsLoaded?: number;
  rowsQuarantined?: number;
}

/** Read-only view of a run, enough to decide a fan-out's width. */
export interface FanOutContext {
  runId: string;
  dag: string;
  params: Record<string, unknown>;
  inputPath: string | null;
  db: Queryable;
  /** A value a task of this run staged with `put`, or undefined. */
  get<T = unknown>(task: string, key: string): Promise<T | undefined>;
}

/** Everything a task sees while it runs. Tasks pass data to each other through `put`/`get`. */
export interface TaskContext extends FanOutContext {
  /** The ledger name: the task's name, or `task[i]` for a fan-out copy. */
  task: string;
  /** 1-based, counted across retries and resumes. */
  attempt: number;
  db: Database;
  /** Aborted when the attempt times out or the worker stops: long tasks should stop on it. */
  signal: AbortSignal;
  events: PipelineEvents;
  /** For a fan-out copy: which one it is and how many there are. */
  fan: { index: number; count: number } | undefined;
  /** Stage a value for later tasks of this run (replaces the same key from a previous attempt). */
  put(key: string, value: unknown): Promise<void>;
  /** Every fan-out copy's value for `key`, in index order. */
  getAll<T = unknown>(task: string, key: string): Promise<T[]>;
  /** Record what this task did on its ledger row. Calls add up. */
  record(metrics: TaskMetrics): void;
  /** Set run-level counts (rows in, loaded, quarantined) on the run's ledger row. */
  recordRun(metrics: RunMetrics): void;
}

/** A branching task returns the downstream task(s) to take. */
export type TaskResult = void | undefined | { branch: string | string[] };

export type TaskFn = (ctx: TaskContext) => TaskResult | Promise<TaskResult>;

/** Add `more` into `into`, field by field. */
export function addMetrics(into: TaskMetrics, more: TaskMetrics): TaskMetrics {
  const out: TaskMetrics = { ...into };
  for (const [k, v] of Object.entries(more) as [keyof TaskMetrics, number | undefined][]) {
    if (typeof v === "number" && Number.isFinite(v)) out[k] = (out[k] ?? 0) + v;
  }
  return out;
}
