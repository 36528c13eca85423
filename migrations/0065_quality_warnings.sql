-- Quality findings that warn without failing a row (issue 11): a paragraph that contradicts the running game
-- state (a count said after the pitch, outs or a score going back, a runner named where the batter stands).
-- `warned` counts the rows a check flagged; `quality_warnings` keeps what it said about each, per run.
ALTER TABLE quality_results ADD COLUMN warned integer NOT NULL DEFAULT 0 CHECK (warned >= 0);

CREATE TABLE quality_warnings (
  run_id      text NOT NULL,
  play_id     integer NOT NULL,
  check_name  text NOT NULL,
  field       text,
  message     text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX quality_warnings_run_idx ON quality_warnings (run_id, play_id);
