-- The downstream `game_report` DAG (issue 4): one report per upstream `ingest` run, built only
-- from the plays that run loaded (plays.run_id), so it never mixes in another run's rows.
CREATE TABLE game_reports (
  run_id          text PRIMARY KEY REFERENCES pipeline_runs (run_id) ON DELETE CASCADE,
  upstream_run_id text NOT NULL REFERENCES pipeline_runs (run_id),
  plays           int NOT NULL,
  report          jsonb NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);
