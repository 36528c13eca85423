-- The run ledger (issue 4): one row per pipeline run, one per task, one per attempt of a task.
-- The orchestrator writes it; health views and the notebooks' charts read it. pg-boss keeps the
-- queues in its own schema; this ledger is the pipeline's own account of what ran and what it did.

CREATE TABLE pipeline_runs (
  run_id           text PRIMARY KEY,
  dag              text NOT NULL,
  -- hash(input content + config that affects results): the same key is the same work.
  run_key          text NOT NULL,
  state            text NOT NULL CHECK (state IN ('queued', 'running', 'success', 'failed')),
  trigger          text NOT NULL CHECK (trigger IN ('manual', 'schedule', 'event', 'upstream', 'resume')),
  env              text NOT NULL,
  input_path       text,
  -- Parameters the tasks read (row limit, provider, …), and the run that fed this one (cross-DAG).
  params           jsonb NOT NULL DEFAULT '{}'::jsonb,
  upstream_run_id  text REFERENCES pipeline_runs (run_id),
  rows_in          int,
  rows_loaded      int,
  rows_quarantined int,
  llm_requests     int,
  tokens_in        int,
  tokens_out       int,
  cost_usd         float8,
  cache_hits       int,
  error            text,
  resumes          int NOT NULL DEFAULT 0,
  scheduled_for    timestamptz,
  started_at       timestamptz,
  finished_at      timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (dag, run_key)
);

CREATE INDEX pipeline_runs_created_idx ON pipeline_runs (created_at DESC);

-- One row per task of a run. A fan-out task has a parent row (`fan_out` = number of children,
-- no metrics of its own) and one row per child, named `task[i]` with `parent` = the task.
-- Sum metrics over rows WHERE fan_out IS NULL to count each piece of work once.
CREATE TABLE pipeline_tasks (
  run_id           text NOT NULL REFERENCES pipeline_runs (run_id) ON DELETE CASCADE,
  task             text NOT NULL,
  state            text NOT NULL CHECK (state IN ('pending', 'running', 'success', 'failed', 'skipped')),
  attempts         int NOT NULL DEFAULT 0,
  started_at       timestamptz,
  finished_at      timestamptz,
  duration_ms      int,
  rows_in          int,
  rows_out         int,
  rows_quarantined int,
  llm_requests     int,
  tokens_in        int,
  tokens_out       int,
  cost_usd         float8,
  cache_hits       int,
  error            text,
  parent           text,
  fan_index        int,
  fan_out          int,
  -- For a branching task: the downstream task(s) it chose; the others were skipped.
  branch           text[],
  -- Bumped by `resume`: a job of an older generation is stale and does nothing.
  generation       int NOT NULL DEFAULT 0,
  job_id           text,
  PRIMARY KEY (run_id, task)
);

-- Every attempt of every task, so retries show up on a Gantt chart with their own bars.
CREATE TABLE task_attempts (
  run_id      text NOT NULL,
  task        text NOT NULL,
  attempt     int NOT NULL,
  state       text NOT NULL CHECK (state IN ('running', 'success', 'failed')),
  started_at  timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  duration_ms int,
  error       text,
  -- host:pid of the worker process that ran it.
  worker      text,
  PRIMARY KEY (run_id, task, attempt),
  FOREIGN KEY (run_id, task) REFERENCES pipeline_tasks (run_id, task) ON DELETE CASCADE
);

-- Data passed between tasks of a run: tasks write and read here, never through job payloads.
CREATE TABLE run_staging (
  run_id     text NOT NULL REFERENCES pipeline_runs (run_id) ON DELETE CASCADE,
  task       text NOT NULL,
  key        text NOT NULL,
  payload    jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (run_id, task, key)
);
