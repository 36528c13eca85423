-- The data-quality report of each run: how many rows passed, failed or skipped each named check.
CREATE TABLE quality_results (
  run_id      text NOT NULL,
  check_name  text NOT NULL,
  passed      integer NOT NULL CHECK (passed >= 0),
  failed      integer NOT NULL CHECK (failed >= 0),
  skipped     integer NOT NULL DEFAULT 0 CHECK (skipped >= 0),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (run_id, check_name)
);
