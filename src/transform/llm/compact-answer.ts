import { PITCH_RESULTS, type Extraction, type PitchResult } from "../../domain/index";

/**
 * The compact answer of an extraction request: one JSON array per play, values in a fixed column
 * order, instead of an object with sixteen long keys. Same fields, same values (a half is "T"/"B",
 * a result one letter; `ball_in_play` follows from the result), about a third of the output tokens:
 * `[3, 7, "B", 1, 3, 2, "Delgado", "Okafor", "1B,3B", 2, 1, 2, 2, "four-seamer", 96.4, "W"]`.
 * The first column is the play's number in the request (1, 2, …), not its 16-character hash.
 */
export const ANSWER_COLUMNS = [
  "i", "inning_number", "inning_half", "outs", "score_home", "score_away", "pitcher_name", "batter_name", "runners_on_base",
  "pre_pitch_balls", "pre_pitch_strikes", "post_pitch_balls", "post_pitch_strikes", "pitch_type", "pitch_velocity_mph", "pitch_result",
] as const;

/** One letter per pitch result. */
export const RESULT_CODES: Record<PitchResult, string> = {
  Ball: "B", Strike: "S", Foul: "F", "Swing and miss": "W", "In play - out": "O", "In play - hit": "H", "Hit by pitch": "P",
};
const RESULT_OF = new Map(PITCH_RESULTS.map((r) => [RESULT_CODES[r], r]));

type Kind = "int" | "number" | "string" | "half" | "result";
const KIND: Record<Exclude<(typeof ANSWER_COLUMNS)[number], "i">, Kind> = {
  inning_number: "int", inning_half: "half", outs: "int", score_home: "int", score_away: "int", pitcher_name: "string",
  batter_name: "string", runners_on_base: "string", pre_pitch_balls: "int", pre_pitch_strikes: "int", post_pitch_balls: "int",
  post_pitch_strikes: "int", pitch_type: "string", pitch_velocity_mph: "number", pitch_result: "result",
};

/** The strict JSON schema of the compact answer: `{ plays: [[…], …] }`, each value a number, a string or null. */
export const COMPACT_EXTRACTION_JSON_SCHEMA: Record<string, unknown> = {
  type: "object",
  properties: { plays: { type: "array", items: { type: "array", items: { type: ["number", "string", "null"] } } } },
  required: ["plays"],
  additionalProperties: false,
};

/** The prompt's description of the columns (kept beside the decoder, so the two never drift). */
export const ANSWER_FORMAT = `Answer {"plays": [row, …]}: one row per play, a JSON array of ${ANSWER_COLUMNS.length} values in this order, null where the text does not give the field:
[i, inning_number, inning_half, outs, score_home, score_away, pitcher_name, batter_name, runners_on_base, pre_pitch_balls, pre_pitch_strikes, post_pitch_balls, post_pitch_strikes, pitch_type, pitch_velocity_mph, pitch_result]
i is the play's number as given; inning_half is "T" (top) or "B" (bottom); pitch_result is one letter: ${PITCH_RESULTS.map((r) => `${RESULT_CODES[r]} ${r}`).join(", ")}.`;

/** A play's record as a compact row (what the simulated model answers, and the forecast's typical answer). */
export function encodeAnswerRow(i: number, e: Extraction): (number | string | null)[] {
  return [
    i, e.inning_number, e.inning_half === null ? null : e.inning_half[0]!, e.outs, e.score_home, e.score_away, e.pitcher_name, e.batter_name,
    e.runners_on_base, e.pre_pitch_balls, e.pre_pitch_strikes, e.post_pitch_balls, e.post_pitch_strikes, e.pitch_type, e.pitch_velocity_mph,
    e.pitch_result === null ? null : RESULT_CODES[e.pitch_result],
  ];
}

/** A compact row back to its play number and `Extraction`, or the reason it is not one (naming the field). */
export function decodeAnswerRow(row: unknown): { i: number; extraction: Extraction } | { i: number | null; error: string } {
  if (!Array.isArray(row)) return { i: null, error: "the answer breaks the schema: a play is not an array" };
  const i = Number.isInteger(row[0]) ? (row[0] as number) : null;
  if (row.length !== ANSWER_COLUMNS.length) return { i, error: `the answer breaks the schema: ${row.length} values, expected ${ANSWER_COLUMNS.length}` };
  const out: Record<string, unknown> = {};
  for (let k = 1; k < ANSWER_COLUMNS.length; k++) {
    const field = ANSWER_COLUMNS[k] as keyof typeof KIND;
    const v = row[k];
    const kind = KIND[field];
    const bad = (expected: string) => ({ i, error: `the answer breaks the schema at \`${field}\`: expected ${expected} or null, got ${JSON.stringify(v)}` });
    if (v === null) {
      out[field] = null;
    } else if (kind === "int") {
      if (!Number.isInteger(v)) return bad("an integer");
      out[field] = v;
    } else if (kind === "number") {
      if (typeof v !== "number" || !Number.isFinite(v)) return bad("a number");
      out[field] = v;
    } else if (kind === "string") {
      if (typeof v !== "string") return bad("a string");
      out[field] = v;
    } else if (kind === "half") {
      if (v !== "T" && v !== "B") return bad('"T" or "B"');
      out[field] = v === "T" ? "Top" : "Bottom";
    } else {
      const r = typeof v === "string" ? RESULT_OF.get(v) : undefined;
      if (!r) return bad(`one of ${[...RESULT_OF.keys()].join(", ")}`);
      out[field] = r;
    }
  }
  const result = out.pitch_result as PitchResult | null;
  out.ball_in_play = result === null ? null : result === "In play - hit" || result === "In play - out";
  if (i === null) return { i, error: "the answer breaks the schema at `i`: expected the play's number" };
  return { i, extraction: out as Extraction };
}
