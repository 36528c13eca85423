import type { EnrichedPlay } from "../domain/index";
import { OptionsError } from "../errors";
import { playHash } from "../extract/play-reader";

export interface ReplicateOptions {
  /** Number (from 0) of the first copy to make, to build a large input one copy at a time. Default 0. */
  firstCopy?: number;
}

/**
 * `copies` back-to-back copies of a game for scale checks (100 copies of 729 rows = 72,900 rows).
 * Copy k (from 0) shifts play_id and line by k × the game's length and, after the first, tags the
 * commentary with "[game k+1]" so every row keeps a distinct, honest content hash.
 *
 * @example const big = replicatePlays(plays, 100); // or copy by copy: replicatePlays(plays, 1, { firstCopy: k })
 */
export function replicatePlays(plays: readonly EnrichedPlay[], copies: number, options: ReplicateOptions = {}): EnrichedPlay[] {
  const { firstCopy = 0 } = options;
  if (!Number.isInteger(copies) || copies < 1) throw new OptionsError("copies", "an integer ≥ 1", copies);
  if (!Number.isInteger(firstCopy) || firstCopy < 0) throw new OptionsError("firstCopy", "an integer ≥ 0", firstCopy);
  const span = plays.reduce((m, p) => Math.max(m, p.play_id), 0);
  const lines = plays.reduce((m, p) => Math.max(m, p.line), 0);
  const out: EnrichedPlay[] = [];
  for (let k = firstCopy; k < firstCopy + copies; k++) {
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
