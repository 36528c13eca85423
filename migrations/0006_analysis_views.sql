-- The chapter's analyses (sections 9.9–9.11) as views, so SQL clients and the notebooks read the
-- same numbers. src/summarize/frames.ts computes them again in JS; a test keeps both equal.
-- A "pitch" is a row with a pitch_result (inning starts, mound visits, … have none).
-- Numbers are cast (::int, ::float8) so pg and PGlite return plain JS numbers.

-- Excitement through the game, in play order, with the mean of the last 10 plays (this one included).
CREATE VIEW v_excitement_timeline AS
SELECT play_id,
       play_hash,
       inning_number,
       inning_half,
       excitement::int AS excitement,
       key_moment,
       (avg(excitement) OVER (ORDER BY play_id, play_hash COLLATE "C"
                              ROWS BETWEEN 9 PRECEDING AND CURRENT ROW))::float8 AS rolling_avg_excitement
FROM plays;

-- Pitch mix: pitches of each type per pitcher, and the type's share of that pitcher's typed pitches.
CREATE VIEW v_pitch_mix AS
SELECT p.pitcher_id,
       r.name AS pitcher_name,
       p.pitch_type_code,
       t.name AS pitch_type_name,
       count(*)::int AS pitches,
       (count(*)::float8 / sum(count(*)) OVER (PARTITION BY p.pitcher_id))::float8 AS share
FROM plays p
JOIN pitchers r ON r.pitcher_id = p.pitcher_id
JOIN pitch_types t ON t.code = p.pitch_type_code
WHERE p.pitch_result IS NOT NULL
GROUP BY p.pitcher_id, r.name, p.pitch_type_code, t.name;

-- Per pitcher: pitch count, mean velocity over pitches with a known speed, and the most frequent
-- pitch type (ties broken by the type code, alphabetically).
CREATE VIEW v_pitcher_stats AS
WITH ranked AS (
  SELECT pitcher_id, pitch_type_code, pitch_type_name, pitches,
         row_number() OVER (PARTITION BY pitcher_id ORDER BY pitches DESC, pitch_type_code COLLATE "C") AS rank
  FROM v_pitch_mix
)
SELECT p.pitcher_id,
       r.name,
       count(*)::int AS pitch_count,
       (avg(p.pitch_velocity_mph))::float8 AS avg_velocity_mph,
       m.pitch_type_code AS most_frequent_pitch_code,
       m.pitch_type_name AS most_frequent_pitch_name,
       m.pitches AS most_frequent_pitch_count
FROM plays p
JOIN pitchers r ON r.pitcher_id = p.pitcher_id
LEFT JOIN ranked m ON m.pitcher_id = p.pitcher_id AND m.rank = 1
WHERE p.pitch_result IS NOT NULL
GROUP BY p.pitcher_id, r.name, m.pitch_type_code, m.pitch_type_name, m.pitches;

-- Per batter, over the pitches he saw:
--   balls         = pitch_result 'Ball'
--   strikes       = pitch_result 'Strike' (called), 'Swing and miss' or 'Foul' (a two-strike foul counts too)
--   balls_in_play = ball_in_play is true (fair balls put in play)
--   swings        = 'Swing and miss' + 'Foul' + 'In play - out' + 'In play - hit'
--   contacts      = 'Foul' + 'In play - out' + 'In play - hit'
--   contact_rate  = contacts / swings, null when the batter never swung
CREATE VIEW v_batter_stats AS
SELECT p.batter_id,
       r.name,
       count(*)::int AS pitches_seen,
       (count(*) FILTER (WHERE p.pitch_result = 'Ball'))::int AS balls,
       (count(*) FILTER (WHERE p.pitch_result IN ('Strike', 'Swing and miss', 'Foul')))::int AS strikes,
       (count(*) FILTER (WHERE p.ball_in_play))::int AS balls_in_play,
       (count(*) FILTER (WHERE p.pitch_result IN ('Swing and miss', 'Foul', 'In play - out', 'In play - hit')))::int AS swings,
       (count(*) FILTER (WHERE p.pitch_result IN ('Foul', 'In play - out', 'In play - hit')))::int AS contacts,
       ((count(*) FILTER (WHERE p.pitch_result IN ('Foul', 'In play - out', 'In play - hit')))::float8
         / nullif(count(*) FILTER (WHERE p.pitch_result IN ('Swing and miss', 'Foul', 'In play - out', 'In play - hit')), 0))::float8
         AS contact_rate
FROM plays p
JOIN batters r ON r.batter_id = p.batter_id
WHERE p.pitch_result IS NOT NULL
GROUP BY p.batter_id, r.name;
