import { z } from "zod";

export const INNING_HALVES = ["Top", "Bottom"] as const;
export type InningHalf = (typeof INNING_HALVES)[number];

export const PITCH_RESULTS = [
  "Ball",
  "Strike",
  "Foul",
  "Swing and miss",
  "In play - out",
  "In play - hit",
  "Hit by pitch",
] as const;
export type PitchResult = (typeof PITCH_RESULTS)[number];

/**
 * The structured record extracted from one commentary paragraph (section 9.2).
 * Every field is nullable: a field the text does not give is null.
 *
 * Types only: domain rules (outs 0–2, counts, referential integrity) are data-quality
 * checks in `validate/`, so a bad value quarantines its row with a reason instead of
 * failing the whole response. The schema is strict-mode compatible for OpenAI
 * structured outputs (all keys required, nulls allowed).
 */
export const ExtractionSchema = z.object({
  inning_number: z.number().int().nullable(),
  inning_half: z.enum(INNING_HALVES).nullable(),
  /** Outs when the pitch is thrown (before the play). */
  outs: z.number().int().nullable(),
  score_home: z.number().int().nullable(),
  score_away: z.number().int().nullable(),
  pitcher_name: z.string().nullable(),
  batter_name: z.string().nullable(),
  /** Occupied bases before the pitch, "1B,2B,3B" order, or "None". */
  runners_on_base: z.string().nullable(),
  pre_pitch_balls: z.number().int().nullable(),
  pre_pitch_strikes: z.number().int().nullable(),
  /** Count after the pitch: a fourth ball gives 4, a third strike gives 3; in play / HBP keep the pre-pitch count. */
  post_pitch_balls: z.number().int().nullable(),
  post_pitch_strikes: z.number().int().nullable(),
  /** The pitch type as written in the text ("four-seamer", "splitter"). */
  pitch_type: z.string().nullable(),
  pitch_velocity_mph: z.number().nullable(),
  pitch_result: z.enum(PITCH_RESULTS).nullable(),
  /** True only for a fair ball put in play. */
  ball_in_play: z.boolean().nullable(),
});
export type Extraction = z.infer<typeof ExtractionSchema>;

export const EXTRACTION_FIELDS = Object.keys(ExtractionSchema.shape) as (keyof Extraction)[];

/** Fields that describe the pitch itself: the offline extractor must reach ≥ 95% on each. */
export const PITCH_FIELDS: (keyof Extraction)[] = [
  "pre_pitch_balls",
  "pre_pitch_strikes",
  "post_pitch_balls",
  "post_pitch_strikes",
  "pitch_type",
  "pitch_velocity_mph",
  "pitch_result",
  "ball_in_play",
];

export function emptyExtraction(): Extraction {
  return Object.fromEntries(EXTRACTION_FIELDS.map((f) => [f, null])) as Extraction;
}
