-- Every billed request leaves a trace: a call is recorded as `started` (with the forecast as its
-- estimate) before it is sent, then completed with the usage the provider reported, or marked
-- `usage_unknown` when the exchange broke after the request left (the provider may have billed an
-- answer we never read). A `started` row that stays so belongs to a process that died mid-request.
ALTER TABLE llm_calls DROP CONSTRAINT IF EXISTS llm_calls_status_check;
ALTER TABLE llm_calls ADD CONSTRAINT llm_calls_status_check
  CHECK (status IN ('started', 'ok', 'partial', 'error', 'usage_unknown', 'cache_hit'));
-- When the answer (or the failure) came back; NULL while the request is in flight or was never answered.
ALTER TABLE llm_calls ADD COLUMN IF NOT EXISTS completed_at timestamptz;

-- Cost per run and step, as before, plus the requests whose usage is an estimate (tokens and cost then hold the forecast).
CREATE OR REPLACE VIEW llm_cost_by_step AS
SELECT run_id,
       step,
       model,
       count(*) FILTER (WHERE status <> 'cache_hit')::int AS requests,
       count(*) FILTER (WHERE status = 'error')::int AS failed_requests,
       coalesce(sum(rows) FILTER (WHERE status = 'cache_hit'), 0)::int AS cached_rows,
       coalesce(sum(tokens_in), 0)::int AS tokens_in,
       coalesce(sum(tokens_out), 0)::int AS tokens_out,
       coalesce(sum(cost_usd), 0)::float8 AS cost_usd,
       min(created_at) AS started_at,
       count(*) FILTER (WHERE status IN ('started', 'usage_unknown'))::int AS usage_unknown_requests
FROM llm_calls
GROUP BY run_id, step, model;
