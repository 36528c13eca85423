import { EXTRACTION_FIELDS, emptyExtraction, type Extraction, type GroundTruthRow } from "../../src/domain";
import { playHash } from "../../src/extract/play-reader";
import type { GameEvent } from "./game-state";
import { excitement, keyMoment } from "./key-moments";

/**
 * Ground-truth semantics (also in data/README.md):
 * - A field is non-null only if the paragraph gives it; the narrators record each fact they say.
 * - Pitch rows: the pre-pitch count as stated. The post-pitch count follows from the pre-pitch
 *   count and the result (ball → balls+1, a fourth ball gives 4; called or swinging strike →
 *   strikes+1, a third strike gives 3; foul → strikes+1 unless already 2; in play and hit-by-pitch
 *   keep the count) and is non-null whenever both are given. `ball_in_play` is true only for
 *   "In play - out" / "In play - hit", false for other pitch results, null on non-pitch rows.
 * - `outs`, `runners_on_base` and the score are the situation when the pitch is thrown (before
 *   the play); on a recap or the game's end, the score as it then stands.
 * - Names and the pitch type are the words as written ("Arreola", "Tomás Arreola", "splitty");
 *   the canonical `pitcher_id`, `batter_id` and `pitch_type_code` are set exactly when the
 *   matching words are present.
 * - Non-pitch rows: every pitch field is null; only what the paragraph states is filled.
 * - `key_moment`, `key_moment_reason` and `excitement` come from the game state, not the words.
 */
export function truthRow(playId: number, text: string, ev: GameEvent, facts: Partial<Extraction>): GroundTruthRow {
  const x: Extraction = { ...emptyExtraction(), ...facts };
  if (ev.kind === "pitch") {
    if (x.pre_pitch_balls !== null && x.pre_pitch_strikes !== null && x.pitch_result !== null) {
      const after = postCount(x.pre_pitch_balls, x.pre_pitch_strikes, x.pitch_result);
      x.post_pitch_balls = after.balls;
      x.post_pitch_strikes = after.strikes;
    }
    x.ball_in_play = x.pitch_result === null ? null : x.pitch_result === "In play - out" || x.pitch_result === "In play - hit";
  }
  const reason = keyMoment(ev);
  const ordered = Object.fromEntries(EXTRACTION_FIELDS.map((f) => [f, x[f]])) as unknown as Extraction;
  return {
    play_id: playId,
    play_hash: playHash(text),
    event_kind: ev.kind,
    ...ordered,
    pitcher_id: x.pitcher_name !== null ? ev.pitcherId : null,
    batter_id: x.batter_name !== null ? ev.batterId : null,
    pitch_type_code: ev.kind === "pitch" && x.pitch_type !== null ? ev.code : null,
    key_moment: reason !== null,
    key_moment_reason: reason,
    excitement: excitement(ev),
  };
}

/** The count after a pitch, from the count before and the result. */
export function postCount(balls: number, strikes: number, result: Extraction["pitch_result"]): { balls: number; strikes: number } {
  switch (result) {
    case "Ball":
      return { balls: balls + 1, strikes };
    case "Strike":
    case "Swing and miss":
      return { balls, strikes: strikes + 1 };
    case "Foul":
      return { balls, strikes: Math.min(2, strikes + 1) };
    default:
      return { balls, strikes };
  }
}
