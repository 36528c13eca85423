-- Issue 12: input tokens the provider served from its prompt cache, per call (a part of tokens_in, billed at the
-- cached rate), and their sum per step in the cost report.
ALTER TABLE llm_calls ADD COLUMN IF NOT EXISTS tokens_cached integer NOT NULL DEFAULT 0;

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
       count(*) FILTER (WHERE status IN ('started', 'usage_unknown'))::int AS usage_unknown_requests,
       coalesce(sum(tokens_cached), 0)::int AS tokens_cached
FROM llm_calls
GROUP BY run_id, step, model;
