import type { Queryable } from "../../db/database";

/** Cost of one step of one run, from the `llm_calls` ledger. */
export interface StepCost {
  runId: string;
  step: string;
  model: string;
  /** Requests sent to the provider (cache hits are not requests). */
  requests: number;
  failedRequests: number;
  /** Rows answered from the response cache. */
  cachedRows: number;
  tokensIn: number;
  tokensOut: number;
  /** Of `tokensIn`, those the provider served from its prompt cache (billed at the cached rate). */
  tokensCached: number;
  costUsd: number;
  /** Requests whose answer never arrived whole (or whose process died): their tokens and cost above are the forecast's estimate. */
  usageUnknownRequests: number;
}

interface StepCostRow {
  run_id: string;
  step: string;
  model: string;
  requests: number;
  failed_requests: number;
  cached_rows: number;
  tokens_in: number;
  tokens_out: number;
  tokens_cached: number;
  cost_usd: number;
  usage_unknown_requests: number;
}

/**
 * Per-step cost of a run (or of every run when `runId` is omitted), newest run first.
 * @example const steps = await costByStep(db, runId); steps.reduce((s, x) => s + x.costUsd, 0)
 */
export async function costByStep(db: Queryable, runId?: string): Promise<StepCost[]> {
  const rows = await db.query<StepCostRow>(
    `SELECT run_id, step, model, requests, failed_requests, cached_rows, tokens_in, tokens_out, tokens_cached, cost_usd, usage_unknown_requests
       FROM llm_cost_by_step
      WHERE $1::text IS NULL OR run_id = $1::text
      ORDER BY started_at DESC, step`,
    [runId ?? null],
  );
  return rows.map((r) => ({
    runId: r.run_id,
    step: r.step,
    model: r.model,
    requests: r.requests,
    failedRequests: r.failed_requests,
    cachedRows: r.cached_rows,
    tokensIn: r.tokens_in,
    tokensOut: r.tokens_out,
    tokensCached: r.tokens_cached,
    costUsd: r.cost_usd,
    usageUnknownRequests: r.usage_unknown_requests,
  }));
}

/** Totals of a run over all its steps. */
export function totalCost(steps: StepCost[]): Omit<StepCost, "step" | "model"> {
  const t = { runId: steps[0]?.runId ?? "", requests: 0, failedRequests: 0, cachedRows: 0, tokensIn: 0, tokensOut: 0, tokensCached: 0, costUsd: 0, usageUnknownRequests: 0 };
  for (const s of steps) {
    t.requests += s.requests;
    t.failedRequests += s.failedRequests;
    t.cachedRows += s.cachedRows;
    t.tokensIn += s.tokensIn;
    t.tokensOut += s.tokensOut;
    t.tokensCached += s.tokensCached;
    t.costUsd += s.costUsd;
    t.usageUnknownRequests += s.usageUnknownRequests;
  }
  return t;
}
