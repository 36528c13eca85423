import { toError } from "../errors";
import type { PipelineEvents } from "../events";

/** How long one step took and how many rows went in and came out. */
export interface StepTiming {
  step: string;
  durationMs: number;
  rowsIn: number;
  rowsOut: number;
}

/**
 * Run one step of an in-process pipeline: emits `step:start` then `step:success` or `step:error`
 * and appends the step's timing to `timings`.
 */
export async function timedStep<T>(
  ctx: { runId: string; events?: PipelineEvents; timings: StepTiming[] },
  step: string,
  rowsIn: number,
  fn: () => Promise<T> | T,
  rowsOut: (result: T) => number,
): Promise<T> {
  const started = Date.now();
  ctx.events?.emit("step:start", { runId: ctx.runId, step });
  try {
    const result = await fn();
    const timing = { step, durationMs: Date.now() - started, rowsIn, rowsOut: rowsOut(result) };
    ctx.timings.push(timing);
    ctx.events?.emit("step:success", { runId: ctx.runId, step, durationMs: timing.durationMs, rowsIn, rowsOut: timing.rowsOut });
    return result;
  } catch (e) {
    const error = toError(e);
    ctx.events?.emit("step:error", { runId: ctx.runId, step, durationMs: Date.now() - started, error });
    throw error;
  }
}
