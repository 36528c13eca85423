import type { Extraction } from "./extraction";

/**
 * Where a resolved value comes from: the paragraph says it (`text`), it stands from the rows before
 * (`carried`: the inning, the batter at the plate, the count), or it follows from the game's rules
 * (`inferred`: the count after a ball, no outs at the start of a half, the next half after "end of the 5th").
 */
export const PROVENANCES = ["text", "carried", "inferred"] as const;
export type Provenance = (typeof PROVENANCES)[number];

/** The game-state fields a reader resolves beside the extraction as stated. */
export const RESOLVED_FIELDS = [
  "inning_number", "inning_half", "outs", "score_home", "score_away", "runners_on_base", "pitcher_name", "batter_name",
  "pre_pitch_balls", "pre_pitch_strikes", "post_pitch_balls", "post_pitch_strikes",
] as const satisfies readonly (keyof Extraction)[];
export type ResolvedField = (typeof RESOLVED_FIELDS)[number];

export interface ResolvedValue<T> {
  value: T | null;
  source: Provenance | null;
}

/** A contradiction between a paragraph and the running state: a quality finding, not a failure. */
export interface StateFinding {
  play_id: number;
  field: ResolvedField;
  message: string;
}

/** One row's situation as the game state reads it, keyed like the extraction, with provenance per field. */
export type ResolvedState = { [F in ResolvedField]: ResolvedValue<Extraction[F]> } & {
  /** The pitcher on the mound and the batter at the plate, as reference IDs (null when unknown). */
  pitcher_id: number | null;
  batter_id: number | null;
};

/** The resolved values the `plays` table keeps beside the stated ones: the game-state fields and the two IDs. */
export const RESOLVED_COLUMN_FIELDS = [...RESOLVED_FIELDS, "pitcher_id", "batter_id"] as const;
export type ResolvedColumnField = (typeof RESOLVED_COLUMN_FIELDS)[number];

/** Each resolved ID and the name it maps: the ID is the resolved name's, and has its provenance. */
export const RESOLVED_ID_NAMES = [["pitcher_id", "pitcher_name"], ["batter_id", "batter_name"]] as const satisfies readonly (readonly [ResolvedColumnField, ResolvedField])[];

/**
 * A play's resolved values as columns of `plays`: `<field>_resolved` (typed like the stated column) and one
 * `resolved_provenance` object, `{ field: "text" | "carried" | "inferred" }` for each field that has a value.
 * A play enriched without the game state (built by hand) has none of them: they load as null.
 *
 * @example SELECT batter_id, batter_id_resolved, resolved_provenance->>'batter_id' AS batter_id_provenance FROM plays
 */
export type ResolvedColumns = { [F in ResolvedField as `${F}_resolved`]: Extraction[F] | null } & {
  pitcher_id_resolved: number | null;
  batter_id_resolved: number | null;
  resolved_provenance: Partial<Record<ResolvedColumnField, Provenance>>;
};

/** One state as the columns of its row; an ID's provenance is its name's (the ID is the name's mapping). */
export function resolvedColumns(state: ResolvedState): ResolvedColumns {
  const columns: Record<string, unknown> = {};
  const provenance: Partial<Record<ResolvedColumnField, Provenance>> = {};
  for (const field of RESOLVED_FIELDS) {
    const { value, source } = state[field];
    columns[`${field}_resolved`] = value;
    if (value !== null && source !== null) provenance[field] = source;
  }
  for (const [id, name] of RESOLVED_ID_NAMES) {
    columns[`${id}_resolved`] = state[id];
    const source = state[name].source;
    if (state[id] !== null && source !== null) provenance[id] = source;
  }
  return { ...columns, resolved_provenance: provenance } as ResolvedColumns;
}
