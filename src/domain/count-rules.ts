import type { PitchResult } from "./extraction";

/** Balls and strikes. */
export interface Count {
  balls: number;
  strikes: number;
}

/**
 * The count after a pitch, from the count before it and the result — the one rule the extractor,
 * the validator and the ground truth share: a ball adds one (the fourth reads 4), a called or
 * swinging strike adds one (the third reads 3), a foul adds a strike unless there are two already,
 * and a ball in play or a hit batsman leaves the count as it was.
 *
 * @example postPitchCount({ balls: 3, strikes: 2 }, "Foul") // { balls: 3, strikes: 2 }
 */
export function postPitchCount(pre: Count, result: PitchResult): Count {
  switch (result) {
    case "Ball":
      return { balls: Math.min(pre.balls + 1, 4), strikes: pre.strikes };
    case "Strike":
    case "Swing and miss":
      return { balls: pre.balls, strikes: Math.min(pre.strikes + 1, 3) };
    case "Foul":
      return { balls: pre.balls, strikes: pre.strikes >= 2 ? pre.strikes : pre.strikes + 1 };
    default:
      return { balls: pre.balls, strikes: pre.strikes };
  }
}
