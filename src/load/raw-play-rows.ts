import type { RawPlay } from "../domain/index";
import type { Queryable } from "../db/database";
import { valuesPlaceholders } from "./sql-batches";

const RAW_COLUMNS = ["play_hash", "play_id", "playbyplay", "line", "first_seen_run"] as const;

function isRawPlay(row: unknown): row is RawPlay {
  const r = row as Partial<RawPlay> | null;
  return (
    typeof r === "object" && r !== null &&
    typeof r.play_hash === "string" && /^[0-9a-f]{16}$/.test(r.play_hash) &&
    Number.isInteger(r.play_id) && (r.play_id as number) >= 1 &&
    Number.isInteger(r.line) && (r.line as number) >= 1 &&
    typeof r.playbyplay === "string"
  );
}

/**
 * Record input rows in `raw_plays` the first time any run sees them (later runs change nothing).
 * Rows without a usable identity are skipped here; the quarantine keeps them. Returns rows new to the table.
 */
export async function insertRawPlays(tx: Queryable, runId: string, rows: readonly unknown[]): Promise<number> {
  const seen = new Set<string>();
  const params: unknown[] = [];
  for (const row of rows) {
    if (!isRawPlay(row) || seen.has(row.play_hash)) continue;
    seen.add(row.play_hash);
    params.push(row.play_hash, row.play_id, row.playbyplay, row.line, runId);
  }
  if (seen.size === 0) return 0;
  const inserted = await tx.query(
    `INSERT INTO raw_plays (${RAW_COLUMNS.join(", ")})
     VALUES ${valuesPlaceholders(seen.size, RAW_COLUMNS.length)}
     ON CONFLICT (play_hash) DO NOTHING
     RETURNING play_hash`,
    params,
  );
  return inserted.length;
}
