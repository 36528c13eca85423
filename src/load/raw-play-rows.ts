import type { RawPlay } from "../domain/index";
import type { Queryable } from "../db/database";

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
  const batch: Pick<RawPlay, "play_hash" | "play_id" | "playbyplay" | "line">[] = [];
  for (const row of rows) {
    if (!isRawPlay(row) || seen.has(row.play_hash)) continue;
    seen.add(row.play_hash);
    batch.push({ play_hash: row.play_hash, play_id: row.play_id, playbyplay: row.playbyplay, line: row.line });
  }
  if (batch.length === 0) return 0;
  // One JSON parameter for the batch (as the plays go), not five bound parameters per row.
  const inserted = await tx.query(
    `INSERT INTO raw_plays (${RAW_COLUMNS.join(", ")})
     SELECT play_hash, play_id, playbyplay, line, $2 FROM json_to_recordset($1::json) AS r(play_hash text, play_id integer, playbyplay text, line integer)
     ON CONFLICT (play_hash) DO NOTHING
     RETURNING play_hash`,
    [JSON.stringify(batch), runId],
  );
  return inserted.length;
}
