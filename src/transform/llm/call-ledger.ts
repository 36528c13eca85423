import type { Queryable } from "../../db/database";

/** How a call ended: `started` while in flight (or forever, when its process died), `usage_unknown` when the exchange broke. */
export type LlmCallStatus = "started" | "ok" | "partial" | "error" | "usage_unknown" | "cache_hit";

/** One line of the `llm_calls` ledger: a request sent, or rows served from the cache. */
export interface LlmCall {
  runId: string;
  step: string;
  model: string;
  /** sha256 of the request content; never the prompt itself. */
  requestHash: string;
  rows: number;
  /** Reported usage; for `started` and `usage_unknown`, the forecast's estimate. */
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  durationMs: number;
  attempt: number;
  status: LlmCallStatus;
  /** Already redacted by the caller. */
  error?: string;
}

/** How a started call ended. */
export type LlmCallOutcome = Pick<LlmCall, "tokensIn" | "tokensOut" | "costUsd" | "durationMs" | "status" | "error"> & {
  /** Of `tokensIn`, those served from the provider's prompt cache. Default 0. */
  tokensCached?: number;
};

/** A call recorded as started, to complete with `finish`. */
export interface StartedCall {
  readonly call: LlmCall;
  readonly id?: string;
}

/**
 * Writes the ledger when a database is given; without one the calls are only counted in memory.
 * A request is written as `started` before it is sent (`start`) and updated when it ends
 * (`finish`), so a request whose process is killed mid-flight still leaves its row.
 */
export class CallLedger {
  readonly calls: LlmCall[] = [];

  constructor(private readonly db?: Queryable) {}

  /** Record a finished call (a cache hit) in one write. */
  async record(call: LlmCall): Promise<void> {
    this.calls.push(call);
    if (!this.db) return;
    await this.db.query(
      `INSERT INTO llm_calls (run_id, step, model, request_hash, rows, tokens_in, tokens_out, cost_usd, duration_ms, attempt, status, error, completed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now())`,
      [
        call.runId, call.step, call.model, call.requestHash, call.rows, call.tokensIn, call.tokensOut,
        call.costUsd, Math.round(call.durationMs), call.attempt, call.status, call.error ?? null,
      ],
    );
  }

  /** Record a request about to be sent, with its estimate as usage. */
  async start(call: Omit<LlmCall, "status" | "durationMs" | "error">): Promise<StartedCall> {
    const row: LlmCall = { ...call, status: "started", durationMs: 0 };
    this.calls.push(row);
    if (!this.db) return { call: row };
    const [inserted] = await this.db.query<{ id: string }>(
      `INSERT INTO llm_calls (run_id, step, model, request_hash, rows, tokens_in, tokens_out, cost_usd, duration_ms, attempt, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9, 'started') RETURNING id::text AS id`,
      [row.runId, row.step, row.model, row.requestHash, row.rows, row.tokensIn, row.tokensOut, row.costUsd, row.attempt],
    );
    return { call: row, id: inserted!.id };
  }

  /**
   * Calls recorded as `started` and never completed, by request hash (the first for each): the lines of a Batch API
   * batch submitted by a run that died, which a later run completes when it re-attaches to the batch.
   */
  async findStarted(requestHashes: string[]): Promise<Map<string, StartedCall>> {
    const found = new Map<string, StartedCall>();
    if (!this.db) {
      for (const c of this.calls) if (c.status === "started" && requestHashes.includes(c.requestHash) && !found.has(c.requestHash)) found.set(c.requestHash, { call: c });
      return found;
    }
    if (requestHashes.length === 0) return found;
    const rows = await this.db.query<{ id: string; run_id: string; step: string; model: string; request_hash: string; rows: number; tokens_in: number; tokens_out: number; cost_usd: number; attempt: number }>(
      `SELECT id::text AS id, run_id, step, model, request_hash, rows, tokens_in, tokens_out, cost_usd, attempt
         FROM llm_calls WHERE status = 'started' AND request_hash = ANY($1::text[]) ORDER BY id`,
      [requestHashes],
    );
    for (const r of rows) {
      if (found.has(r.request_hash)) continue;
      const call: LlmCall = { runId: r.run_id, step: r.step, model: r.model, requestHash: r.request_hash, rows: r.rows, tokensIn: r.tokens_in, tokensOut: r.tokens_out, costUsd: r.cost_usd, durationMs: 0, attempt: r.attempt, status: "started" };
      found.set(r.request_hash, { call, id: r.id });
    }
    return found;
  }

  /** Complete a started call with what came back. */
  async finish(started: StartedCall, outcome: LlmCallOutcome): Promise<void> {
    Object.assign(started.call, outcome);
    if (!this.db || started.id === undefined) return;
    await this.db.query(
      `UPDATE llm_calls SET tokens_in = $2, tokens_out = $3, cost_usd = $4, duration_ms = $5, status = $6, error = $7, tokens_cached = $8, completed_at = now()
        WHERE id = $1::bigint`,
      [started.id, outcome.tokensIn, outcome.tokensOut, outcome.costUsd, Math.round(outcome.durationMs), outcome.status, outcome.error ?? null, outcome.tokensCached ?? 0],
    );
  }
}
