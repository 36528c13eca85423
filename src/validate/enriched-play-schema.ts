import { z } from "zod";
import { CanonicalMappingSchema, ExtractionSchema, PlayAnalysisSchema } from "../domain/index";

/** The raw row's identity (section 9.1) as a zod schema. */
export const RawPlaySchema = z.object({
  play_id: z.number().int().min(1),
  play_hash: z.string().regex(/^[0-9a-f]{16}$/, "16 lower-case hex characters"),
  playbyplay: z.string(),
  line: z.number().int().min(1),
});

/**
 * Every record crossing the validate step is parsed with this schema first: the shapes of
 * each step's output joined together. Types only; the domain rules are the quality checks.
 */
export const EnrichedPlaySchema = z.object({
  ...RawPlaySchema.shape,
  ...ExtractionSchema.shape,
  ...CanonicalMappingSchema.shape,
  ...PlayAnalysisSchema.shape,
});
