import type { EnrichedPlay } from "../domain";
import { OptionsError } from "../errors";
import { playHash } from "../extract/play-reader";

/**
 * `copies` back-to-back copies of a game for scale checks (100 copies of 729 rows = 72,900 rows).
 * Copy k (from 0) shifts play_id and line by k × the game's length and, after the first, tags the
 * commentary with "[game k+1]" so every row keeps a distinct, honest content hash.
 */
export function replicatePlays(plays: readonly EnrichedPlay[], copies: number): EnrichedPlay[] {
  if (!Number.isInteger(copies) || copies < 1) throw new OptionsError("copies", "an integer ≥ 1", copies);
  const span = plays.reduce((m, p) => Math.max(m, p.play_id), 0);
  const lines = plays.reduce((m, p) => Math.max(m, p.line), 0);
  const out: EnrichedPlay[] = [];
  for (let k = 0; k < copies; k++) {
    for (const play of plays) {
      if (k === 0) {
        out.push(play);
        continue;
      }
      const playbyplay = `${play.playbyplay} [game ${k + 1}]`;
      out.push({ ...play, play_id: play.play_id + k * span, line: play.line + k * lines, playbyplay, play_hash: playHash(playbyplay) });
    }
  }
  return out;
}
