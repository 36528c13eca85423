import { z } from "zod";
import {
  CanonicalMappingSchema,
  ExtractionSchema,
  PlayAnalysisSchema,
  PROVENANCES,
  RESOLVED_COLUMN_FIELDS,
  RESOLVED_FIELDS,
  RESOLVED_ID_NAMES,
} from "../domain/index";

/** The raw row's identity (section 9.1) as a zod schema. */
export const RawPlaySchema = z.object({
  play_id: z.number().int().min(1),
  play_hash: z.string().regex(/^[0-9a-f]{16}$/, "16 lower-case hex characters"),
  playbyplay: z.string(),
  line: z.number().int().min(1),
});

/**
 * The game state's resolved values beside the extraction (`ResolvedColumns`): each `<field>_resolved` typed like
 * the stated field, the two IDs, and the provenance object. All optional: a play built by hand has none of them.
 */
export const ResolvedColumnsSchema = z.object({
  ...Object.fromEntries(RESOLVED_FIELDS.map((f) => [`${f}_resolved`, ExtractionSchema.shape[f].optional()])),
  ...Object.fromEntries(RESOLVED_ID_NAMES.map(([id]) => [`${id}_resolved`, CanonicalMappingSchema.shape[id].optional()])),
  // An object of optional keys rather than z.partialRecord: the same rule, parsed several times faster.
  resolved_provenance: z.strictObject(Object.fromEntries(RESOLVED_COLUMN_FIELDS.map((f) => [f, z.enum(PROVENANCES).optional()]))).nullable().optional(),
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
  ...ResolvedColumnsSchema.shape,
});
