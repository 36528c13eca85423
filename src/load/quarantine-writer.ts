import type { QuarantinedPlay } from "../domain/index";
import { playHash, type MalformedRow } from "../extract/play-reader";
import type { Database } from "../db/database";
import { LoadBatchError } from "./load-errors";
import { insertRawPlays } from "./raw-play-rows";
import { chunk } from "../util/chunk";
import { checkBatchSize, valuesPlaceholders } from "./sql-batches";
import { toError } from "../errors";

export interface QuarantineWriterOptions {
  /** Entries per INSERT (and per transaction). Default 200. */
  batchSize?: number;
}

const COLUMNS = ["run_id", "play_id", "play_hash", "step", "reasons", "payload"] as const;
const CASTS = ["", "", "", "", "::text::jsonb", "::text::jsonb"];

/**
 * Rows `readPlays` could not use, as quarantine entries of the `extract` step with check `parse`:
 * the raw line is kept as the payload and hashed so a re-run finds the same entry.
 */
export function quarantineMalformed(rows: readonly MalformedRow[], step = "extract"): QuarantinedPlay[] {
  return rows.map((row) => ({
    play: { play_id: row.play_id, play_hash: playHash(row.raw), playbyplay: row.raw, line: row.line },
    step,
    reasons: [{ check: "parse", field: row.field, message: `line ${row.line}: ${row.message}` }],
  }));
}

function keyOf(entry: QuarantinedPlay): { play_id: number; play_hash: string } {
  const play = (entry.play ?? {}) as Partial<QuarantinedPlay["play"]>;
  const play_id = Number.isInteger(play.play_id) ? (play.play_id as number) : 0;
  // A row too broken to carry its hash is addressed by the hash of what it contains.
  const play_hash = typeof play.play_hash === "string" && play.play_hash !== "" ? play.play_hash : playHash(JSON.stringify(entry.play ?? null));
  return { play_id, play_hash };
}

/**
 * Write quarantine entries: one per (play_hash, play_id, step), updated in place by a re-run (which
 * takes the entry over: `run_id` is the last run that quarantined the row), each batch in its own transaction. Input rows with a usable identity are recorded in `raw_plays` too.
 * Returns the number of entries the table now holds for this input.
 */
export async function writeQuarantine(
  db: Database,
  runId: string,
  entries: readonly QuarantinedPlay[],
  options: QuarantineWriterOptions = {},
): Promise<number> {
  const batchSize = checkBatchSize(options.batchSize ?? 200, COLUMNS.length);
  // The same key twice in one statement would make ON CONFLICT fail: the last entry wins.
  const byKey = new Map<string, QuarantinedPlay>();
  for (const entry of entries) {
    const k = keyOf(entry);
    byKey.set(`${k.play_hash}|${k.play_id}|${entry.step}`, entry);
  }
  const batches = chunk([...byKey.values()], batchSize);
  let written = 0;
  for (const [index, batch] of batches.entries()) {
    const params: unknown[] = [];
    for (const entry of batch) {
      const k = keyOf(entry);
      params.push(runId, k.play_id, k.play_hash, entry.step, JSON.stringify(entry.reasons), JSON.stringify(entry.play ?? null));
    }
    try {
      await db.transaction(async (tx) => {
        await insertRawPlays(tx, runId, batch.map((e) => e.play));
        await tx.query(
          `INSERT INTO quarantine (${COLUMNS.join(", ")})
           VALUES ${valuesPlaceholders(batch.length, COLUMNS.length, CASTS)}
           ON CONFLICT (play_hash, play_id, step) DO UPDATE
             SET run_id = EXCLUDED.run_id, reasons = EXCLUDED.reasons, payload = EXCLUDED.payload, created_at = now()
             WHERE (quarantine.run_id, quarantine.reasons, quarantine.payload) IS DISTINCT FROM (EXCLUDED.run_id, EXCLUDED.reasons, EXCLUDED.payload)`,
          params,
        );
      });
    } catch (e) {
      throw new LoadBatchError("quarantine", index, written, e, toError(e).message);
    }
    written += batch.length;
  }
  return written;
}
