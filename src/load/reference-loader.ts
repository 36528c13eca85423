import type { ReferenceTables } from "../domain/index";
import type { Database, Queryable } from "../db/database";
import { chunk } from "../util/chunk";
import { valuesPlaceholders } from "./sql-batches";

/** Rows of each reference table that were new or changed by the upsert. */
export interface ReferenceLoadResult {
  pitchers: number;
  batters: number;
  pitchTypes: number;
}

interface TableSpec {
  table: string;
  key: string;
  columns: readonly string[];
}

const PITCHERS: TableSpec = { table: "pitchers", key: "pitcher_id", columns: ["pitcher_id", "name", "team", "throws"] };
const BATTERS: TableSpec = { table: "batters", key: "batter_id", columns: ["batter_id", "name", "team", "position", "bats"] };
const PITCH_TYPES: TableSpec = { table: "pitch_types", key: "code", columns: ["code", "name"] };

async function upsert(tx: Queryable, spec: TableSpec, rows: readonly object[]): Promise<number> {
  let changed = 0;
  for (const part of chunk(rows, 1000)) {
    const params = part.flatMap((row) => spec.columns.map((c) => (row as Record<string, unknown>)[c] ?? null));
    const rest = spec.columns.filter((c) => c !== spec.key);
    const returned = await tx.query(
      `INSERT INTO ${spec.table} (${spec.columns.join(", ")})
       VALUES ${valuesPlaceholders(part.length, spec.columns.length)}
       ON CONFLICT (${spec.key}) DO UPDATE SET ${rest.map((c) => `${c} = EXCLUDED.${c}`).join(", ")}
       WHERE (${rest.map((c) => `${spec.table}.${c}`).join(", ")}) IS DISTINCT FROM (${rest.map((c) => `EXCLUDED.${c}`).join(", ")})
       RETURNING 1`,
      params,
    );
    changed += returned.length;
  }
  return changed;
}

/**
 * Upsert the reference tables (pitchers, batters, pitch types) in one transaction; rows already
 * equal are left alone, and rows absent from `refs` are kept (plays may still point at them).
 * @example const { pitchers } = await loadReferenceTables(db, await readReferenceTables(config.dataDir));
 */
export function loadReferenceTables(db: Database, refs: ReferenceTables): Promise<ReferenceLoadResult> {
  return db.transaction(async (tx) => ({
    pitchers: await upsert(tx, PITCHERS, refs.pitchers),
    batters: await upsert(tx, BATTERS, refs.batters),
    pitchTypes: await upsert(tx, PITCH_TYPES, refs.pitchTypes),
  }));
}
