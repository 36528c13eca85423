-- Reference tables the canonical mapping resolves names against (sections 9.3–9.6).
CREATE TABLE pitchers (
  pitcher_id integer PRIMARY KEY,
  name       text NOT NULL,
  team       text NOT NULL,
  throws     text NOT NULL CHECK (throws IN ('R', 'L'))
);

CREATE TABLE batters (
  batter_id integer PRIMARY KEY,
  name      text NOT NULL,
  team      text NOT NULL,
  position  text NOT NULL,
  bats      text NOT NULL CHECK (bats IN ('R', 'L', 'S'))
);

CREATE TABLE pitch_types (
  code text PRIMARY KEY,
  name text NOT NULL
);
