-- Releases of the published data. Blue-green: every version is its own table (plays_v<N>) and a
-- stable view points at the live one. Canary: extractor versions compared on a sample.
CREATE TABLE release_versions (
  target       text NOT NULL,
  version      integer NOT NULL CHECK (version >= 1),
  table_name   text NOT NULL UNIQUE,
  run_id       text,
  rows         integer NOT NULL DEFAULT 0,
  state        text NOT NULL CHECK (state IN ('loading', 'validated', 'rejected')),
  created_at   timestamptz NOT NULL DEFAULT now(),
  validated_at timestamptz,
  PRIMARY KEY (target, version)
);

-- What is live now, and what was live before (the rollback target).
CREATE TABLE release_state (
  target           text PRIMARY KEY,
  current_version  text NOT NULL,
  previous_version text,
  switched_at      timestamptz NOT NULL DEFAULT now()
);

-- Who did what, when: every switch, rollback, promotion and rejection.
CREATE TABLE release_log (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at           timestamptz NOT NULL DEFAULT now(),
  target       text NOT NULL,
  action       text NOT NULL CHECK (action IN ('stage', 'validate', 'reject', 'switch', 'rollback', 'promote', 'canary-reject')),
  from_version text,
  to_version   text,
  actor        text NOT NULL,
  reason       text,
  details      jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE INDEX release_log_target_idx ON release_log (target, id);
