import type { Queryable } from "../db/database";

/** Row count and a checksum of the loaded data (run_id and loaded_at left out), to show a re-load changed nothing. */
export interface PlaysSnapshot {
  rows: number;
  checksum: string;
}

/**
 * Fingerprint the `plays` table: md5 over every row's data in play_hash order.
 * @example const before = await snapshotPlays(db); await loadPlays(db, input); (await snapshotPlays(db)).checksum === before.checksum
 */
export async function snapshotPlays(db: Queryable): Promise<PlaysSnapshot> {
  const [row] = await db.query<{ rows: number; checksum: string | null }>(
    `SELECT count(*)::int AS rows,
            md5(string_agg((to_jsonb(p) - 'run_id' - 'loaded_at')::text, E'\\n' ORDER BY p.play_hash COLLATE "C")) AS checksum
     FROM plays p`,
  );
  return { rows: row?.rows ?? 0, checksum: row?.checksum ?? "" };
}
