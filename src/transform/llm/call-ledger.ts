import type { Queryable } from "../../load/database";

/** One line of the `llm_calls` ledger: a request sent, or rows served from the cache. */
export interface LlmCall {
  runId: string;
  step: string;
  model: string;
  /** sha256 of the request content; never the prompt itself. */
  requestHash: string;
  rows: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  durationMs: number;
  attempt: number;
  status: "ok" | "partial" | "error" | "cache_hit";
  /** Already redacted by the caller. */
  error?: string;
}

/** Writes the ledger when a database is given; without one the calls are only counted in memory. */
export class CallLedger {
  readonly calls: LlmCall[] = [];

  constructor(private readonly db?: Queryable) {}

  async record(call: LlmCall): Promise<void> {
    this.calls.push(call);
    if (!this.db) return;
    await this.db.query(
      `INSERT INTO llm_calls (run_id, step, model, request_hash, rows, tokens_in, tokens_out, cost_usd, duration_ms, attempt, status, error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        call.runId, call.step, call.model, call.requestHash, call.rows, call.tokensIn, call.tokensOut,
        call.costUsd, Math.round(call.durationMs), call.attempt, call.status, call.error ?? null,
      ],
    );
  }
}
