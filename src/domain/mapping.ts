import { z } from "zod";
import { PITCH_TYPE_CODES } from "./reference";

export const CONFIDENCES = ["high", "medium", "low"] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Canonical IDs for the names and pitch type in one extraction (sections 9.3–9.6). Null where nothing to map. */
export const CanonicalMappingSchema = z.object({
  pitcher_id: z.number().int().nullable(),
  pitcher_confidence: z.enum(CONFIDENCES).nullable(),
  batter_id: z.number().int().nullable(),
  batter_confidence: z.enum(CONFIDENCES).nullable(),
  pitch_type_code: z.enum(PITCH_TYPE_CODES).nullable(),
  pitch_type_name: z.string().nullable(),
  pitch_type_confidence: z.enum(CONFIDENCES).nullable(),
});
export type CanonicalMapping = z.infer<typeof CanonicalMappingSchema>;

/** Play analysis (sections 9.7–9.8). */
export const PlayAnalysisSchema = z.object({
  key_moment: z.boolean(),
  excitement: z.number().int().min(1).max(10),
});
export type PlayAnalysis = z.infer<typeof PlayAnalysisSchema>;
