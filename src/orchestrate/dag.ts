import { OptionsError } from "../errors";
import { resolveRetryPolicy, type RetryPolicy } from "./retry-policy";
import type { FanOutContext, TaskFn } from "./task-context";

/**
 * When a task runs, given the state of the tasks it comes after:
 * - `all_success` (default): every upstream succeeded; any upstream skipped skips this task too.
 * - `none_failed`: every upstream finished without failing and at least one succeeded, e.g. a
 *   task that joins the two sides of a branch. Skipped when every upstream was skipped.
 */
export type TriggerRule = "all_success" | "none_failed";

export interface TaskOptions {
  /** Tasks that must finish first. Default: none (a root task). They must be declared earlier. */
  after?: string[];
  /** See `TriggerRule`. Default `all_success`. */
  trigger?: TriggerRule;
  /**
   * Makes this a branching task: it returns `{ branch: name }` (or several names) from this list,
   * and the listed tasks it did not choose are skipped. Default: not a branch.
   */
  branches?: string[];
  /**
   * Makes this a dynamic fan-out: called when the task becomes ready, it returns how many copies to
   * run (e.g. one per batch of rows). Each copy sees `ctx.fan = { index, count }`; the tasks after
   * it wait for every copy (fan-in). 0 copies means the task succeeds at once.
   */
  fanOut?: (ctx: FanOutContext) => number | Promise<number>;
  /** Retry policy; see `RetryPolicy` for the defaults. */
  retry?: Partial<RetryPolicy>;
  /** How many jobs of this task one worker process runs at once. Default 1 (fan-out: 2). */
  concurrency?: number;
}

export interface TaskSpec {
  name: string;
  fn: TaskFn;
  after: string[];
  trigger: TriggerRule;
  branches: string[];
  fanOut: TaskOptions["fanOut"];
  retry: RetryPolicy;
  concurrency: number;
}

const NAME = /^[a-z][a-z0-9_]*$/;

/**
 * A pipeline as tasks with dependencies. Build it with `dag(name)`; tasks may only come after
 * tasks declared before them, so a DAG is acyclic by construction.
 *
 * @example
 * const ingest = dag("ingest")
 *   .task("load_csv", loadCsv)
 *   .task("extract", extractBatch, { after: ["load_csv"], fanOut: (ctx) => ctx.get("load_csv", "batches") })
 *   .task("validate", validate, { after: ["extract"], branches: ["load", "quarantine_report"] })
 *   .task("load", load, { after: ["validate"] })
 *   .task("quarantine_report", report, { after: ["validate"] })
 *   .task("summarize", summarize, { after: ["load", "quarantine_report"], trigger: "none_failed" });
 */
export class Dag {
  private readonly specs: TaskSpec[] = [];
  /** Run key from the trigger's parameters; see `keyedBy`. */
  runKey: (params: Record<string, unknown>, inputPath: string | null) => string | Promise<string> = defaultRunKey;

  constructor(readonly name: string) {
    if (!NAME.test(name)) throw new OptionsError("dag name", "a lower-case identifier ([a-z][a-z0-9_]*)", name);
  }

  /** Add a task. */
  task(name: string, fn: TaskFn, options: TaskOptions = {}): this {
    if (!NAME.test(name)) throw new OptionsError("task name", "a lower-case identifier ([a-z][a-z0-9_]*)", name);
    if (this.specs.some((s) => s.name === name)) throw new OptionsError("task name", `unique within dag ${this.name}`, name);
    const after = options.after ?? [];
    for (const up of after) {
      if (!this.specs.some((s) => s.name === up)) {
        throw new OptionsError(`${name}.after`, "names of tasks declared earlier in the dag", up);
      }
    }
    const concurrency = options.concurrency ?? (options.fanOut ? 2 : 1);
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new OptionsError(`${name}.concurrency`, "an integer ≥ 1", concurrency);
    this.specs.push({
      name,
      fn,
      after,
      trigger: options.trigger ?? "all_success",
      branches: options.branches ?? [],
      fanOut: options.fanOut,
      retry: resolveRetryPolicy(options.retry, `${name}.retry`),
      concurrency,
    });
    return this;
  }

  /** Name of the DAG whose successful runs start a run of this one (pg-boss publish/subscribe). */
  upstream: string | undefined;

  /**
   * Run this DAG whenever a run of `upstreamDag` succeeds; the run gets `params.upstreamRunId`
   * and `upstream_run_id`, so it can read exactly what that run loaded.
   */
  triggeredBy(upstreamDag: string): this {
    if (!NAME.test(upstreamDag)) throw new OptionsError("triggeredBy", "a dag name", upstreamDag);
    this.upstream = upstreamDag;
    return this;
  }

  /** Compute the run key (hash of the input content + the config that affects results). */
  keyedBy(fn: (params: Record<string, unknown>, inputPath: string | null) => string | Promise<string>): this {
    this.runKey = fn;
    return this;
  }

  /** The tasks in declaration order (a topological order). Checks branch targets once. */
  get tasks(): readonly TaskSpec[] {
    for (const s of this.specs) {
      for (const b of s.branches) {
        const target = this.specs.find((t) => t.name === b);
        if (!target || !target.after.includes(s.name)) {
          throw new OptionsError(`${s.name}.branches`, `tasks that come after ${s.name}`, b);
        }
      }
    }
    return this.specs;
  }

  /** A task by name; throws for an unknown one. */
  spec(name: string): TaskSpec {
    const s = this.specs.find((t) => t.name === name);
    if (!s) throw new OptionsError("task", `one of ${this.specs.map((t) => t.name).join(", ")}`, name);
    return s;
  }
}

/** Start describing a pipeline. */
export function dag(name: string): Dag {
  return new Dag(name);
}

function defaultRunKey(params: Record<string, unknown>, inputPath: string | null): string {
  return stableJson({ params, inputPath });
}

/** JSON with sorted keys, so equal objects give equal strings (and equal run keys). */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
