-- Most commentary does not restate the inning, so inning_number / inning_half are often null on the
-- timeline. game_inning / game_half carry the last stated value forward (null before the first one),
-- which is what a chart of excitement through the game wants to colour by. Columns are appended, so
-- CREATE OR REPLACE keeps every existing reader working.
CREATE OR REPLACE VIEW v_excitement_timeline AS
WITH ordered AS (
  SELECT play_id, play_hash, inning_number, inning_half, excitement, key_moment,
         count(inning_number) OVER w AS inning_group,
         count(inning_half) OVER w AS half_group,
         (avg(excitement) OVER (ORDER BY play_id, play_hash COLLATE "C"
                                ROWS BETWEEN 9 PRECEDING AND CURRENT ROW))::float8 AS rolling_avg_excitement
  FROM plays
  WINDOW w AS (ORDER BY play_id, play_hash COLLATE "C")
)
SELECT play_id,
       play_hash,
       inning_number,
       inning_half,
       excitement::int AS excitement,
       key_moment,
       rolling_avg_excitement,
       (first_value(inning_number) OVER (PARTITION BY inning_group ORDER BY play_id, play_hash COLLATE "C"))::int AS game_inning,
       first_value(inning_half) OVER (PARTITION BY half_group ORDER BY play_id, play_hash COLLATE "C") AS game_half
FROM ordered;
