import { RESOLVED_COLUMN_FIELDS, RESOLVED_ID_NAMES, type EnrichedPlay, type Provenance, type ResolvedColumnField } from "../domain/index";

/** Where a judged value comes from when it is not the value as stated; `resolved` when the play records no provenance for it. */
export type JudgedSource = Provenance | "resolved";

/**
 * A play as validation judges it. Each game-state field (`RESOLVED_COLUMN_FIELDS`: inning, half, outs, score,
 * runners, pitcher, batter, counts, the two IDs) has its resolved value where the game state gives one, else
 * its value as stated; every other field is as stated. The play that loads is `stated`, untouched.
 */
export type JudgedPlay = EnrichedPlay & {
  /** The play as given to validation (and as it loads): the extraction as the paragraph states it. */
  readonly stated: EnrichedPlay;
  /** The fields judged at a resolved value other than the stated one, and where each value comes from. */
  readonly sources: Readonly<Partial<Record<ResolvedColumnField, JudgedSource>>>;
};

/** Each game-state field, its `_resolved` column, and for an ID the name it goes with: worked out once, not per row. */
const COLUMNS = RESOLVED_COLUMN_FIELDS.map((field) => {
  const name = RESOLVED_ID_NAMES.find(([id]) => id === field)?.[1];
  return { field, column: `${field}_resolved`, name, nameColumn: name ? `${name}_resolved` : undefined };
});

/**
 * The one place validation turns a play into what it judges: resolved values over stated ones, field by field.
 * An ID goes with its name (a batter resolved by name is judged with his resolved ID, even a null one), so a
 * judged name and ID are always one person. A play without resolved values (built by hand) is judged as stated.
 *
 * @example
 * const judged = judgedPlay(play);  // play.pre_pitch_balls 2, pre_pitch_balls_resolved 1 ("inferred")
 * judged.pre_pitch_balls;           // 1
 * judgedName(judged, "pre_pitch_balls"); // "pre_pitch_balls (inferred)"
 */
export function judgedPlay(play: EnrichedPlay): JudgedPlay {
  const row = play as unknown as Record<string, unknown>;
  const judged: Record<string, unknown> = { ...play };
  const sources: Partial<Record<ResolvedColumnField, JudgedSource>> = {};
  for (const { field, column, name, nameColumn } of COLUMNS) {
    const value = row[column] ?? null;
    if (value === null && (nameColumn === undefined || (row[nameColumn] ?? null) === null)) continue;
    judged[field] = value;
    if (value !== row[field]) {
      sources[field] = play.resolved_provenance?.[field] ?? (name ? play.resolved_provenance?.[name] : undefined) ?? "resolved";
    }
  }
  judged.stated = play;
  judged.sources = sources;
  return judged as unknown as JudgedPlay;
}

/**
 * Whether the judged value is what this row's paragraph says: the value as stated, or a resolved one the game
 * state reads from this row's text (a count said after the pitch); not a value carried or inferred from the rows before.
 */
export function saidHere(play: JudgedPlay, field: ResolvedColumnField): boolean {
  const source = play.sources[field];
  return source === undefined || source === "text";
}

/** ` (carried)` when the field was judged at a resolved value other than the stated one, else "". */
export function sourceNote(play: JudgedPlay, field: string): string {
  const source = play.sources[field as ResolvedColumnField];
  return source === undefined ? "" : ` (${source})`;
}

/** The field's name as a reason says it: `post_pitch_strikes (carried)` for a resolved value, else the name alone. */
export function judgedName(play: JudgedPlay, field: string): string {
  return `${field}${sourceNote(play, field)}`;
}
