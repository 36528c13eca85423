-- Enriched plays: one typed column per field of EnrichedPlay (RawPlay + Extraction +
-- CanonicalMapping + PlayAnalysis). Keyed by play_hash so loads are idempotent upserts.
-- Domain rules are enforced before loading by validate/ (a bad row is quarantined with its
-- reason); the constraints here are the last line of defence, not the first.
CREATE TABLE plays (
  play_hash             text PRIMARY KEY REFERENCES raw_plays (play_hash),
  play_id               integer NOT NULL,
  playbyplay            text NOT NULL,
  line                  integer NOT NULL,
  inning_number         integer CHECK (inning_number >= 1),
  inning_half           text CHECK (inning_half IN ('Top', 'Bottom')),
  outs                  integer CHECK (outs BETWEEN 0 AND 2),
  score_home            integer,
  score_away            integer,
  pitcher_name          text,
  batter_name           text,
  runners_on_base       text,
  pre_pitch_balls       integer,
  pre_pitch_strikes     integer,
  post_pitch_balls      integer,
  post_pitch_strikes    integer,
  pitch_type            text,
  pitch_velocity_mph    double precision,
  pitch_result          text CHECK (pitch_result IN ('Ball', 'Strike', 'Foul', 'Swing and miss',
                                                     'In play - out', 'In play - hit', 'Hit by pitch')),
  ball_in_play          boolean,
  pitcher_id            integer REFERENCES pitchers (pitcher_id),
  pitcher_confidence    text CHECK (pitcher_confidence IN ('high', 'medium', 'low')),
  batter_id             integer REFERENCES batters (batter_id),
  batter_confidence     text CHECK (batter_confidence IN ('high', 'medium', 'low')),
  pitch_type_code       text REFERENCES pitch_types (code),
  pitch_type_name       text,
  pitch_type_confidence text CHECK (pitch_type_confidence IN ('high', 'medium', 'low')),
  key_moment            boolean NOT NULL,
  excitement            integer NOT NULL CHECK (excitement BETWEEN 1 AND 10),
  run_id                text NOT NULL,
  loaded_at             timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX plays_play_id_idx ON plays (play_id);
CREATE INDEX plays_pitcher_idx ON plays (pitcher_id);
CREATE INDEX plays_batter_idx ON plays (batter_id);
