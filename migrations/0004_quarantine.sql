-- Rows that failed a step, with every reason ([{check, field, message}]) and the row as it was.
-- One entry per (play_hash, play_id, step): a re-run updates the entry instead of adding one.
-- play_id is part of the key because a duplicated commentary shares its hash with the row it repeats.
CREATE TABLE quarantine (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_id     text NOT NULL,
  play_id    integer NOT NULL,
  play_hash  text NOT NULL,
  step       text NOT NULL,
  reasons    jsonb NOT NULL CHECK (jsonb_typeof(reasons) = 'array'),
  payload    jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (play_hash, play_id, step)
);

CREATE INDEX quarantine_run_idx ON quarantine (run_id);
