import { createHash } from "node:crypto";
import { z } from "zod";
import { CONFIDENCES, PITCH_TYPE_CODES } from "../../domain/index";
import { COMPACT_EXTRACTION_JSON_SCHEMA } from "./compact-answer";

/** The answer to a mapping request: each name mapped to an ID of the reference lists, or null. */
export const MappingAnswerSchema = z.object({
  pitchers: z.array(z.object({ name: z.string(), pitcher_id: z.number().int().nullable(), confidence: z.enum(CONFIDENCES) })),
  batters: z.array(z.object({ name: z.string(), batter_id: z.number().int().nullable(), confidence: z.enum(CONFIDENCES) })),
  pitch_types: z.array(z.object({ text: z.string(), pitch_type_code: z.enum(PITCH_TYPE_CODES).nullable(), confidence: z.enum(CONFIDENCES) })),
});
export type MappingAnswer = z.infer<typeof MappingAnswerSchema>;

const SAFE_INT_BOUNDS = new Set([Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]);

/**
 * The strict-mode JSON schema of a zod schema, for OpenAI structured outputs: every key
 * required, `additionalProperties: false`, nulls allowed where zod allows them.
 *
 * `zodResponseFormat` from `openai/helpers/zod` works with zod 4 here, but it writes the
 * safe-integer bounds (±9007199254740991) on every integer field: about 30 tokens each,
 * sent with every request. Built from `z.toJSONSchema` with those bounds dropped, the
 * schema is the same contract at a fraction of the tokens.
 */
export function toStrictJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: "draft-7" }) as Record<string, unknown>;
  delete json.$schema;
  return tighten(json) as Record<string, unknown>;
}

function tighten(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tighten);
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if ((k === "minimum" || k === "maximum") && typeof v === "number" && SAFE_INT_BOUNDS.has(v)) continue;
    out[k] = tighten(v);
  }
  if (out.type === "object" && out.properties && typeof out.properties === "object") {
    out.required = Object.keys(out.properties);
    out.additionalProperties = false;
  }
  return out;
}

/** Short content hash of a schema or prompt: changing either changes the cache address. */
export function versionOf(label: string, content: unknown): string {
  const text = typeof content === "string" ? content : JSON.stringify(content);
  return `${label}-${createHash("sha256").update(text).digest("hex").slice(0, 10)}`;
}

/** The extraction answer as the model writes it: compact rows (compact-answer.ts), decoded back to `Extraction`. */
export const EXTRACTION_JSON_SCHEMA = COMPACT_EXTRACTION_JSON_SCHEMA;
export const MAPPING_JSON_SCHEMA = toStrictJsonSchema(MappingAnswerSchema);
export const EXTRACTION_SCHEMA_VERSION = versionOf("extraction-v2", EXTRACTION_JSON_SCHEMA);
export const MAPPING_SCHEMA_VERSION = versionOf("mapping-v1", MAPPING_JSON_SCHEMA);
