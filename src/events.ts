import { EventEmitter } from "node:events";

/**
 * Typed events every step emits. Metrics, progress displays and alerts subscribe
 * here instead of being sprinkled through the pipeline's logic.
 *
 * @example
 * const events = new PipelineEvents();
 * events.on("llm:response", (e) => console.log(e.tokensIn, e.costUsd));
 */
export interface PipelineEventMap {
  "run:start": { runId: string; rows: number; provider: string };
  "run:success": { runId: string; durationMs: number; loaded: number; quarantined: number };
  "run:error": { runId: string; durationMs: number; error: Error };
  "step:start": { runId: string; step: string };
  "step:success": { runId: string; step: string; durationMs: number; rowsIn?: number; rowsOut?: number };
  "step:error": { runId: string; step: string; durationMs: number; error: Error };
  "task:start": { runId: string; task: string; attempt: number };
  "task:success": { runId: string; task: string; attempt: number; durationMs: number };
  "task:retry": { runId: string; task: string; attempt: number; delayMs: number; error: Error };
  "task:error": { runId: string; task: string; attempt: number; durationMs: number; error: Error };
  "rows:progress": { runId: string; step: string; done: number; total: number };
  "llm:request": { runId: string; step: string; model: string; rows: number; attempt: number };
  "llm:response": {
    runId: string;
    step: string;
    model: string;
    rows: number;
    tokensIn: number;
    tokensOut: number;
    costUsd: number;
    durationMs: number;
  };
  "llm:retry": { runId: string; step: string; attempt: number; delayMs: number; reason: string };
  "llm:cache-hit": { runId: string; step: string; rows: number };
  "alert:fired": { runId?: string; rule: string; severity: "warning" | "critical"; message: string };
}

export type PipelineEventName = keyof PipelineEventMap;

export class PipelineEvents {
  private readonly emitter = new EventEmitter();

  on<K extends PipelineEventName>(name: K, listener: (event: PipelineEventMap[K]) => void): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }

  emit<K extends PipelineEventName>(name: K, event: PipelineEventMap[K]): void {
    this.emitter.emit(name, event);
  }

  /** Subscribe to every event, e.g. to record them all in a ledger. */
  onAny(listener: <K extends PipelineEventName>(name: K, event: PipelineEventMap[K]) => void): () => void {
    const names = ALL_EVENTS;
    const offs = names.map((name) => this.on(name, (event) => listener(name, event)));
    return () => offs.forEach((off) => off());
  }
}

const ALL_EVENTS: PipelineEventName[] = [
  "run:start", "run:success", "run:error", "step:start", "step:success", "step:error",
  "task:start", "task:success", "task:retry", "task:error", "rows:progress",
  "llm:request", "llm:response", "llm:retry", "llm:cache-hit", "alert:fired",
];
