-- Raw input rows (section 9.1), keyed by their content address. A row is recorded the first
-- time any run sees it; later runs leave it alone, so `first_seen_run` keeps its provenance.
CREATE TABLE raw_plays (
  play_hash      text PRIMARY KEY CHECK (play_hash ~ '^[0-9a-f]{16}$'),
  play_id        integer NOT NULL CHECK (play_id >= 1),
  playbyplay     text NOT NULL,
  line           integer NOT NULL CHECK (line >= 1),
  first_seen_run text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
