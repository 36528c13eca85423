import { EXTRACTION_FIELDS } from "../domain/index";
import { PASSED, SKIPPED, type QualityCheck } from "./quality-report";

/**
 * Terms that only a baseball paragraph uses (the sport's name alone does not count: "no baseball in
 * it" is not commentary). Kept here, small and general, because validate does not import transform.
 */
const BASEBALL_TERMS = new RegExp(
  String.raw`\b(?:pitch(?:es|ed|er|ers|ing)?|catcher|batter|hitter|inning|innings|strikes?|struck|umpires?|dugouts?|bullpen|mound|` +
    String.raw`infield(?:ers?)?|outfield(?:ers?)?|bases|runners?|homers?|home runs?|double play|shortstop|bunts?|fouls?|` +
    String.raw`ballpark|ballgame|on deck|lineup|the plate|at-bat|at bat|rbi|grand slam|walk-off|southpaw|lefty|righty|right-hander|left-hander)\b`,
  "i",
);

/** Whether a text reads as baseball commentary, by its vocabulary alone. */
export function soundsLikeBaseball(text: string): boolean {
  return BASEBALL_TERMS.test(text);
}

/**
 * The record says something: at least one extraction field (inning, outs, score, names, runners,
 * count, pitch) is not null. A row with every field null passes as a skip when its text is still
 * baseball commentary (a mound visit, colour between pitches); with no field and no baseball term
 * at all it is not a play, and is quarantined. Judged on the values as stated: this check asks what the
 * paragraph says, and the game state carries an inning and a score to any row.
 */
export const contentCheck: QualityCheck = {
  name: "content",
  description: "the record says something: a field was read, or the text is baseball commentary",
  run({ stated }) {
    if (EXTRACTION_FIELDS.some((field) => stated[field] !== null && stated[field] !== undefined)) return PASSED;
    if (typeof stated.playbyplay === "string" && soundsLikeBaseball(stated.playbyplay)) return SKIPPED;
    return {
      status: "failed",
      reasons: [{
        check: "content",
        field: "playbyplay",
        message: "no field could be read and the text has no baseball terms: this row is not a play",
      }],
    };
  },
};
