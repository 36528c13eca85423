import type { EnrichedPlay, QuarantinedPlay } from "../domain/index";
import { OptionsError, toError } from "../errors";
import type { PipelineEvents } from "../events";
import type { QualityReport } from "../validate/quality-report";
import type { Database } from "../db/database";
import { LoadBatchError } from "./load-errors";
import { PLAY_COLUMNS } from "./play-columns";
import { writeQualityReport } from "./quality-writer";
import { writeQuarantine } from "./quarantine-writer";
import { insertRawPlays } from "./raw-play-rows";
import { chunk } from "../util/chunk";
import { csvRows } from "./copy-csv";
import { checkBatchSize } from "./sql-batches";

export interface LoadPlaysInput {
  runId: string;
  /** Rows that passed validation. */
  plays: readonly EnrichedPlay[];
  /** Rows that did not, with their reasons (validation, extraction, malformed CSV rows…). */
  quarantined?: readonly QuarantinedPlay[];
  /** The run's quality report, stored in `quality_results` when given. */
  report?: QualityReport;
}

export interface LoadPlaysOptions {
  /**
   * Rows per batch, each batch in its own transaction; at most 13,107 (the 65,535-parameter cap / the 5
   * columns of raw_plays). Default: 200 rows first, doubling with each batch up to 3,200, so a small run
   * still commits in steps (a failure keeps what went before) and a large one pays few commits.
   */
  batchSize?: number;
  /** Emit `step:start`, `rows:progress`, `step:success` / `step:error` here when given. */
  events?: PipelineEvents;
  /** Step name for events. Default `"load"`. */
  step?: string;
}

/** What the load did: `inserted + updated + unchanged` plays are now in `plays`; `quarantined` entries were written. */
export interface LoadResult {
  inserted: number;
  updated: number;
  unchanged: number;
  quarantined: number;
}

/** The default batches: the first of `first` rows, each next one twice the size, up to `max` (a few MB of JSON). */
export const DEFAULT_BATCHES = { first: 200, max: 3200 } as const;

/** `items` in batches of `size` rows, or growing ones (DEFAULT_BATCHES) when no size is given. */
function batchesOf<T>(items: readonly T[], size: number | undefined): T[][] {
  if (size !== undefined) return chunk(items, size);
  const out: T[][] = [];
  for (let i = 0, n: number = DEFAULT_BATCHES.first; i < items.length; i += n, n = Math.min(n * 2, DEFAULT_BATCHES.max)) out.push(items.slice(i, i + n));
  return out;
}

const DATA_COLUMNS = PLAY_COLUMNS.filter((c) => c !== "play_hash");

// Idempotent: a row whose data already matches is not touched (run_id and loaded_at keep the first
// load), so loading the same input twice reports it all as unchanged. `xmax = 0` marks a fresh insert.
// A batch travels as one JSON parameter that the server unpacks into rows of the table's own types
// (json_populate_recordset): one value to bind and send instead of 30 per row, and no parameter cap.
const upsertFrom = (source: string) => `INSERT INTO plays (${PLAY_COLUMNS.join(", ")}, run_id)
SELECT ${PLAY_COLUMNS.join(", ")}, run_id FROM ${source}
ON CONFLICT (play_hash) DO UPDATE
  SET ${DATA_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(", ")}, run_id = EXCLUDED.run_id, loaded_at = now()
  WHERE (${DATA_COLUMNS.map((c) => `plays.${c}`).join(", ")}) IS DISTINCT FROM (${DATA_COLUMNS.map((c) => `EXCLUDED.${c}`).join(", ")})
RETURNING (xmax = 0) AS inserted`;
const UPSERT = upsertFrom("json_populate_recordset(NULL::plays, $1::json)");

// PGlite's bulk path: the batch is copied (CSV, `COPY FROM '/dev/blob'`) into a temporary table of the
// plays' own types, and the same upsert reads it from there, as does the raw_plays insert (the text
// travels once). CSV is half the bytes of the JSON rows (no keys) and COPY parses it in one pass; the
// upsert's semantics (idempotent, xmax = 0 for a fresh row, constraints and foreign keys) are the same.
const LOAD_TABLE = "plays_load";
const PREPARE_LOAD_TABLE = `CREATE TEMP TABLE IF NOT EXISTS ${LOAD_TABLE} (LIKE plays INCLUDING DEFAULTS); TRUNCATE ${LOAD_TABLE}`;
const COPY_LOAD_TABLE = `COPY ${LOAD_TABLE} (${PLAY_COLUMNS.join(", ")}, run_id) FROM '/dev/blob' WITH (FORMAT csv)`;
const RAW_FROM_LOAD_TABLE = `INSERT INTO raw_plays (play_hash, play_id, playbyplay, line, first_seen_run)
SELECT play_hash, play_id, playbyplay, line, run_id FROM ${LOAD_TABLE} ON CONFLICT (play_hash) DO NOTHING`;
const UPSERT_FROM_LOAD_TABLE = upsertFrom(LOAD_TABLE);

// The batch's raw_plays rows are bound as parameters, five per row (raw-play-rows.ts): that caps a batch.
const RAW_PLAY_PARAMETERS_PER_ROW = 5;

/**
 * The batch as a JSON array of rows keyed by column (PLAY_COLUMNS, then run_id). A missing field is
 * null; an object (a jsonb column's value) travels as JSON and lands as it is, not as a quoted string,
 * which is why this reads the play's fields rather than `playParameters` (that gives jsonb as text).
 */
function batchJson(batch: readonly EnrichedPlay[], runId: string): string {
  const rows = batch.map((play) => {
    const row: Record<string, unknown> = {};
    for (const c of PLAY_COLUMNS) row[c] = play[c] ?? null;
    row.run_id = runId;
    return row;
  });
  return JSON.stringify(rows);
}

/**
 * Load a run into PostgreSQL: the quality report, the quarantine, then the plays as idempotent
 * upserts keyed by play_hash, in batches (see `batchSize`) of one statement each, each batch in its own
 * transaction (with its raw_plays rows). A failing batch is rolled back whole and raises
 * `LoadBatchError`; earlier batches stay. A play that loads clears its own earlier quarantine entry.
 *
 * @example
 * const { valid, quarantined, report } = validatePlays(plays, refs);
 * const result = await loadPlays(db, { runId, plays: valid, quarantined, report });
 */
export async function loadPlays(db: Database, input: LoadPlaysInput, options: LoadPlaysOptions = {}): Promise<LoadResult> {
  const batchSize = options.batchSize === undefined ? undefined : checkBatchSize(options.batchSize, RAW_PLAY_PARAMETERS_PER_ROW);
  const { events, step = "load" } = options;
  const { runId, plays, quarantined = [], report } = input;
  if (typeof runId !== "string" || runId === "") throw new OptionsError("runId", "a non-empty string", runId);
  const hashes = new Set<string>();
  for (const play of plays) {
    if (hashes.has(play.play_hash)) throw new OptionsError("plays", "rows with distinct play_hash values (validate them first)", play.play_hash);
    hashes.add(play.play_hash);
  }

  const started = Date.now();
  events?.emit("step:start", { runId, step });
  const result: LoadResult = { inserted: 0, updated: 0, unchanged: 0, quarantined: 0 };
  try {
    if (report) await writeQualityReport(db, runId, report);
    result.quarantined = await writeQuarantine(db, runId, quarantined, { batchSize: Math.min(batchSize ?? 1000, 1000) });
    const batches = batchesOf(plays, batchSize);
    let done = 0;
    for (const [index, batch] of batches.entries()) {
      const returned = await loadBatch(db, runId, batch).catch((e: unknown) => {
        throw new LoadBatchError("plays", index, done, e, toError(e).message);
      });
      const inserted = returned.filter((r) => r.inserted).length;
      result.inserted += inserted;
      result.updated += returned.length - inserted;
      result.unchanged += batch.length - returned.length;
      done += batch.length;
      events?.emit("rows:progress", { runId, step, done, total: plays.length });
    }
  } catch (e) {
    events?.emit("step:error", { runId, step, durationMs: Date.now() - started, error: toError(e) });
    throw e;
  }
  events?.emit("step:success", {
    runId, step, durationMs: Date.now() - started,
    rowsIn: plays.length + quarantined.length, rowsOut: result.inserted + result.updated + result.unchanged,
  });
  return result;
}

function loadBatch(db: Database, runId: string, batch: EnrichedPlay[]): Promise<{ inserted: boolean }[]> {
  return db.transaction(async (tx) => {
    let returned: { inserted: boolean }[];
    if (tx.copyFrom) {
      await tx.exec(PREPARE_LOAD_TABLE);
      await tx.copyFrom(COPY_LOAD_TABLE, csvRows(batch, PLAY_COLUMNS, [runId]));
      await tx.query(RAW_FROM_LOAD_TABLE);
      returned = await tx.query<{ inserted: boolean }>(UPSERT_FROM_LOAD_TABLE);
    } else {
      await insertRawPlays(tx, runId, batch);
      returned = await tx.query<{ inserted: boolean }>(UPSERT, [batchJson(batch, runId)]);
    }
    await tx.query(
      `DELETE FROM quarantine q USING unnest($1::text[], $2::int[]) AS loaded(play_hash, play_id)
       WHERE q.play_hash = loaded.play_hash AND q.play_id = loaded.play_id`,
      [batch.map((p) => p.play_hash), batch.map((p) => p.play_id)],
    );
    return returned;
  });
}
