import type { EnrichedPlay } from "../domain/index";
import { OptionsError, toError } from "../errors";
import type { Database, Queryable } from "../db/database";
import { LoadBatchError } from "./load-errors";
import { loadPlays, type LoadResult } from "./play-loader";
import { insertRawPlays } from "./raw-play-rows";
import { chunk } from "../util/chunk";
import { valuesPlaceholders } from "./sql-batches";

const COLUMNS = ["run_id", "play_id", "play_hash", "payload"] as const;
const CASTS = ["", "", "", "::text::jsonb"];

/** A run's held rows, as `held list` shows them. */
export interface HeldRunSummary {
  runId: string;
  held: number;
  pending: number;
  heldAt: Date;
}

/**
 * Keep the valid rows the quality gate held back, with the run that held them (one row per
 * (run, play_id); writing the same run again replaces nothing that is already there).
 * Returns the number of held rows the table has for the run.
 */
export async function writeHeld(db: Database, runId: string, plays: readonly EnrichedPlay[], batchSize = 200): Promise<number> {
  if (typeof runId !== "string" || runId === "") throw new OptionsError("runId", "a non-empty string", runId);
  for (const [index, batch] of chunk(plays, batchSize).entries()) {
    const params = batch.flatMap((p) => [runId, p.play_id, p.play_hash, JSON.stringify(p)]);
    try {
      await db.transaction(async (tx) => {
        await insertRawPlays(tx, runId, batch);
        await tx.query(
          `INSERT INTO held_plays (${COLUMNS.join(", ")}) VALUES ${valuesPlaceholders(batch.length, COLUMNS.length, CASTS)}
           ON CONFLICT (run_id, play_id) DO NOTHING`,
          params,
        );
      });
    } catch (e) {
      throw new LoadBatchError("held_plays", index, index * batchSize, e, toError(e).message);
    }
  }
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM held_plays WHERE run_id = $1`, [runId]);
  return row?.n ?? 0;
}

/** Runs with held rows, newest first: how many were held and how many still wait to be loaded. */
export async function listHeld(db: Queryable): Promise<HeldRunSummary[]> {
  const rows = await db.query<{ run_id: string; held: number; pending: number; held_at: Date }>(
    `SELECT run_id, count(*)::int AS held, count(*) FILTER (WHERE released_at IS NULL)::int AS pending, min(held_at) AS held_at
     FROM held_plays GROUP BY run_id ORDER BY min(held_at) DESC`,
  );
  return rows.map((r) => ({ runId: r.run_id, held: r.held, pending: r.pending, heldAt: new Date(r.held_at) }));
}

/** Mark pending held rows of earlier runs as loaded when `runId` has just loaded the same rows. */
export async function releaseHeldLoadedBy(db: Queryable, runId: string, loaded: readonly Pick<EnrichedPlay, "play_hash">[]): Promise<number> {
  if (loaded.length === 0) return 0;
  // Most loads release nothing: ask the (partial) index first, not with every loaded hash.
  const pending = await db.query(`SELECT 1 FROM held_plays WHERE released_at IS NULL AND run_id <> $1 LIMIT 1`, [runId]);
  if (pending.length === 0) return 0;
  const released = await db.query(
    `UPDATE held_plays SET released_at = now(), released_by = $1
     WHERE released_at IS NULL AND run_id <> $1 AND play_hash = ANY($2::text[]) RETURNING play_id`,
    [runId, loaded.map((p) => p.play_hash)],
  );
  return released.length;
}

/**
 * Load the pending held rows of `runId` as they were validated (the operator decided the gate was
 * wrong for this input), then mark them released. Loading is the idempotent upsert of `loadPlays`,
 * so running it twice loads nothing twice. Returns what the load did and how many rows were released.
 */
export async function loadHeld(db: Database, runId: string): Promise<{ load: LoadResult; released: number }> {
  const rows = await db.query<{ payload: EnrichedPlay | string }>(
    `SELECT payload FROM held_plays WHERE run_id = $1 AND released_at IS NULL ORDER BY play_id`,
    [runId],
  );
  const plays = rows.map((r) => (typeof r.payload === "string" ? (JSON.parse(r.payload) as EnrichedPlay) : r.payload));
  const load = await loadPlays(db, { runId, plays });
  const released = await db.query(
    `UPDATE held_plays SET released_at = now(), released_by = 'held load'
     WHERE run_id = $1 AND released_at IS NULL AND play_id = ANY($2::int[]) RETURNING play_id`,
    [runId, plays.map((p) => p.play_id)],
  );
  return { load, released: released.length };
}
