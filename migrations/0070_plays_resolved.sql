-- The game state's resolved values beside the extraction as stated (issue 11): the pitcher on the mound,
-- the batter at the plate, the count before and after the pitch, inning and half, outs, score and runners,
-- as the game-state reader carries or infers them from row to row (src/transform/state/game-state-reader.ts).
-- The stated columns keep what the paragraph says (the ground truth's semantics); these say what the game
-- says, and resolved_provenance says where each value came from: {"batter_id": "carried", ...}, one key per
-- value present, each 'text' (the paragraph says it), 'carried' (from the rows before) or 'inferred' (the
-- game's rules). Null on rows loaded before this migration. No range checks: validation checks the stated
-- values, and a resolved value out of range must not fail a whole batch.
--   SELECT batter_id, batter_id_resolved, resolved_provenance->>'batter_id' AS batter_id_provenance FROM plays;
ALTER TABLE plays
  ADD COLUMN inning_number_resolved      integer,
  ADD COLUMN inning_half_resolved        text CHECK (inning_half_resolved IN ('Top', 'Bottom')),
  ADD COLUMN outs_resolved               integer,
  ADD COLUMN score_home_resolved         integer,
  ADD COLUMN score_away_resolved         integer,
  ADD COLUMN runners_on_base_resolved    text,
  ADD COLUMN pitcher_name_resolved       text,
  ADD COLUMN batter_name_resolved        text,
  ADD COLUMN pre_pitch_balls_resolved    integer,
  ADD COLUMN pre_pitch_strikes_resolved  integer,
  ADD COLUMN post_pitch_balls_resolved   integer,
  ADD COLUMN post_pitch_strikes_resolved integer,
  ADD COLUMN pitcher_id_resolved         integer,
  ADD COLUMN batter_id_resolved          integer,
  ADD COLUMN resolved_provenance         jsonb CHECK (jsonb_typeof(resolved_provenance) = 'object');
