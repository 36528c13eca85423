-- Issue 12: Batch API submissions. A batch is recorded (as 'submitting') before its file is uploaded and the batch
-- created, and gets its id right after, so a run that dies while the batch runs finds it again by the content key
-- of its requests and re-attaches instead of paying for it twice.
CREATE TABLE IF NOT EXISTS llm_batches (
  content_key   text PRIMARY KEY,
  run_id        text NOT NULL,
  step          text NOT NULL,
  model         text NOT NULL,
  lines         integer NOT NULL,
  batch_id      text,
  input_file_id text,
  status        text NOT NULL CHECK (status IN ('submitting', 'submitted', 'collected', 'failed')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  completed_at  timestamptz
);
