-- Every input row of a run ends in exactly one place (issue 9): loaded, quarantined, or held.

-- Valid rows the quality gate held back (too many rows of the run failed), kept with the run that held
-- them so they can be loaded later as they are (`npm start -- held load RUN`) or by a later run that
-- loads the same rows. `payload` is the row as validated (an EnrichedPlay).
CREATE TABLE held_plays (
  run_id      text NOT NULL,
  play_id     integer NOT NULL,
  play_hash   text NOT NULL,
  payload     jsonb NOT NULL,
  held_at     timestamptz NOT NULL DEFAULT now(),
  -- Set when the row was loaded: by `held load` (released_by = 'held load') or by a later run (its id).
  released_at timestamptz,
  released_by text,
  PRIMARY KEY (run_id, play_id)
);

CREATE INDEX held_plays_pending_idx ON held_plays (play_hash) WHERE released_at IS NULL;

-- What happened to each input row in each run: one row per (run, play_id), written once the run ends.
CREATE TABLE run_rows (
  run_id    text NOT NULL,
  play_id   integer NOT NULL,
  play_hash text NOT NULL,
  outcome   text NOT NULL CHECK (outcome IN ('loaded', 'quarantined', 'held')),
  PRIMARY KEY (run_id, play_id)
);

-- How a run ended, in the words the exit code uses: loaded (0), held by the quality gate (3),
-- stopped by the cost budget (4). `cause` is the sentence the summary and the ledger show.
CREATE TABLE run_outcomes (
  run_id      text PRIMARY KEY,
  rows_in     integer NOT NULL CHECK (rows_in >= 0),
  outcome     text NOT NULL CHECK (outcome IN ('loaded', 'held', 'stopped')),
  cause       text,
  recorded_at timestamptz NOT NULL DEFAULT now()
);

-- Per run: rows in = loaded + quarantined + held, and whether that holds.
CREATE VIEW run_row_accounting AS
SELECT o.run_id,
       o.outcome,
       o.rows_in,
       count(r.play_id) FILTER (WHERE r.outcome = 'loaded')::int      AS loaded,
       count(r.play_id) FILTER (WHERE r.outcome = 'quarantined')::int AS quarantined,
       count(r.play_id) FILTER (WHERE r.outcome = 'held')::int        AS held,
       (SELECT count(*)::int FROM held_plays h WHERE h.run_id = o.run_id AND h.released_at IS NULL) AS held_pending,
       count(r.play_id)::int = o.rows_in                              AS balanced,
       o.cause,
       o.recorded_at
FROM run_outcomes o
LEFT JOIN run_rows r ON r.run_id = o.run_id
GROUP BY o.run_id, o.outcome, o.rows_in, o.cause, o.recorded_at;
