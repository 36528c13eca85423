-- LLM path: a content-addressed response cache and a ledger of every call (cost per run and step).

-- One cached answer per content address: sha256 of (model, prompt version, schema version, request content).
-- The request content is one play's text (extraction) or one name with the reference it was mapped
-- against (mapping), so an answer is reused whatever batch the row lands in next time.
CREATE TABLE IF NOT EXISTS llm_cache (
  cache_key      text PRIMARY KEY,
  step           text NOT NULL,
  model          text NOT NULL,
  prompt_version text NOT NULL,
  schema_version text NOT NULL,
  response       jsonb NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);

-- Every request sent (and every cache hit), with what it cost. Never holds a key or a prompt.
CREATE TABLE IF NOT EXISTS llm_calls (
  id           bigserial PRIMARY KEY,
  run_id       text NOT NULL,
  step         text NOT NULL,
  model        text NOT NULL,
  request_hash text NOT NULL,
  rows         integer NOT NULL,
  tokens_in    integer NOT NULL DEFAULT 0,
  tokens_out   integer NOT NULL DEFAULT 0,
  cost_usd     double precision NOT NULL DEFAULT 0,
  duration_ms  integer NOT NULL DEFAULT 0,
  attempt      integer NOT NULL DEFAULT 1,
  status       text NOT NULL CHECK (status IN ('ok', 'partial', 'error', 'cache_hit')),
  error        text,
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS llm_calls_run_step ON llm_calls (run_id, step);

-- Cost per run and step: requests sent (cache hits excluded), rows, tokens, dollars.
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
       min(created_at) AS started_at
FROM llm_calls
GROUP BY run_id, step, model;
