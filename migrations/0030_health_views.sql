-- Pipeline health for the notebooks' charts and the `health` command, over the run ledger of
-- 0020_runs.sql. A fan-out child (`extract[3]`) counts under its DAG node (`extract`); fan-out
-- parent rows carry no work of their own and are left out. Every figure is cast so PGlite and a
-- server return the same JavaScript types.
-- Share of finished runs that succeeded, per DAG.
CREATE VIEW health_success_rate AS
SELECT dag,
       count(*)::int                                              AS runs,
       (count(*) FILTER (WHERE state = 'success'))::int           AS succeeded,
       (count(*) FILTER (WHERE state = 'failed'))::int            AS failed,
       ((count(*) FILTER (WHERE state = 'success'))::float8 / count(*)::float8)::float8 AS success_rate,
       max(finished_at)                                           AS last_finished_at
FROM pipeline_runs
WHERE state IN ('success', 'failed')
GROUP BY dag;

-- Median and 95th percentile of successful task executions, per task.
CREATE VIEW health_task_durations AS
SELECT regexp_replace(task, '\[[0-9]+\]$', '')                            AS task,
       count(*)::int                                                        AS executions,
       (percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms))::float8  AS p50_ms,
       (percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms))::float8 AS p95_ms,
       max(duration_ms)::float8                                             AS max_ms
FROM pipeline_tasks
WHERE state = 'success' AND duration_ms IS NOT NULL AND fan_out IS NULL
GROUP BY 1;

-- Failed attempts over finished attempts, per task (a retried attempt counts as an error).
CREATE VIEW health_error_rate AS
SELECT regexp_replace(task, '\[[0-9]+\]$', '')    AS task,
       count(*)::int                                      AS attempts,
       (count(*) FILTER (WHERE state = 'failed'))::int    AS failed_attempts,
       ((count(*) FILTER (WHERE state = 'failed'))::float8 / count(*)::float8)::float8 AS error_rate
FROM task_attempts
WHERE state IN ('success', 'failed')
GROUP BY 1;

-- The same figure per run: what the error-rate alert looks at.
CREATE VIEW health_run_error_rate AS
SELECT run_id,
       count(*)::int                                      AS attempts,
       (count(*) FILTER (WHERE state = 'failed'))::int    AS failed_attempts,
       ((count(*) FILTER (WHERE state = 'failed'))::float8 / count(*)::float8)::float8 AS error_rate
FROM task_attempts
WHERE state IN ('success', 'failed')
GROUP BY run_id;

-- How often each task needed more than one attempt.
CREATE VIEW health_retries AS
SELECT regexp_replace(task, '\[[0-9]+\]$', '')        AS task,
       count(*)::int                                          AS executions,
       (count(*) FILTER (WHERE attempts > 1))::int            AS retried,
       coalesce(sum(greatest(attempts - 1, 0)), 0)::int       AS retries,
       coalesce(max(attempts), 0)::int                        AS max_attempts
FROM pipeline_tasks
WHERE fan_out IS NULL AND state <> 'pending'
GROUP BY 1;

-- LLM spend and volume of each run.
CREATE VIEW health_cost_per_run AS
SELECT run_id, dag, state, env, started_at, finished_at,
       (extract(epoch FROM (finished_at - started_at)) * 1000)::float8 AS duration_ms,
       coalesce(rows_in, 0)::int          AS rows_in,
       coalesce(rows_loaded, 0)::int      AS rows_loaded,
       coalesce(rows_quarantined, 0)::int AS rows_quarantined,
       coalesce(llm_requests, 0)::int     AS llm_requests,
       coalesce(tokens_in, 0)::float8     AS tokens_in,
       coalesce(tokens_out, 0)::float8    AS tokens_out,
       coalesce(cost_usd, 0)::float8      AS cost_usd,
       coalesce(cache_hits, 0)::int       AS cache_hits,
       (coalesce(cost_usd, 0) / nullif(rows_in, 0))::float8 AS cost_per_row
FROM pipeline_runs;

-- LLM spend per calendar day (UTC) of the run's start.
CREATE VIEW health_cost_per_day AS
SELECT to_char(coalesce(started_at, created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
       count(*)::int              AS runs,
       coalesce(sum(llm_requests), 0)::int  AS llm_requests,
       coalesce(sum(tokens_in), 0)::float8  AS tokens_in,
       coalesce(sum(tokens_out), 0)::float8 AS tokens_out,
       coalesce(sum(cost_usd), 0)::float8   AS cost_usd
FROM pipeline_runs
GROUP BY 1;

-- Quarantined rows per failed check, from each entry's reasons [{check, field, message}].
CREATE VIEW health_quarantine_by_check AS
SELECT r.reason ->> 'check'      AS check_name,
       count(DISTINCT q.id)::int AS rows,
       count(*)::int             AS reasons,
       count(DISTINCT q.run_id)::int AS runs
FROM quarantine q
CROSS JOIN LATERAL jsonb_array_elements(q.reasons) AS r(reason)
GROUP BY 1;

-- The same, per run.
CREATE VIEW health_quarantine_by_run_check AS
SELECT q.run_id,
       r.reason ->> 'check'      AS check_name,
       count(DISTINCT q.id)::int AS rows
FROM quarantine q
CROSS JOIN LATERAL jsonb_array_elements(q.reasons) AS r(reason)
GROUP BY 1, 2;
