import { OptionsError } from "../errors";
import type { FanOutContext, TaskContext } from "./task-context";

/**
 * A value a task hands to the tasks after it, declared once with its type: which task stages it
 * and under which key. `put`, `get` and `getAll` check the value's type at compile time instead of
 * a string key and a cast at every reader.
 *
 * @example
 * const PLAYS = taskOutput<RawPlay[]>("load_csv", "plays");
 * await put(ctx, PLAYS, plays);           // in load_csv
 * const plays = await get(ctx, PLAYS);    // in any later task: RawPlay[] | undefined
 */
export interface TaskOutput<T> {
  readonly task: string;
  readonly key: string;
  /** Carries the type only. */
  readonly __type?: T;
}

export function taskOutput<T>(task: string, key: string): TaskOutput<T> {
  return { task, key };
}

/** Stage `value` as `output`; only the task that declares it may. */
export function put<T>(ctx: TaskContext, output: TaskOutput<T>, value: T): Promise<void> {
  const type = ctx.task.replace(/\[\d+\]$/, "");
  if (type !== output.task) throw new OptionsError("output", `an output of task ${type}`, `${output.task}.${output.key}`);
  return ctx.put(output.key, value);
}

/** The value staged as `output` in this run, or undefined. */
export function get<T>(ctx: FanOutContext, output: TaskOutput<T>): Promise<T | undefined> {
  return ctx.get<T>(output.task, output.key);
}

/** Every fan-out copy's value of `output`, in index order. */
export function getAll<T>(ctx: TaskContext, output: TaskOutput<T>): Promise<T[]> {
  return ctx.getAll<T>(output.task, output.key);
}
