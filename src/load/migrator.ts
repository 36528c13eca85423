import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DatabaseError, toError } from "../errors";
import type { Database } from "../db/database";
import { writeSnapshot } from "../db/pglite-snapshot";

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Apply numbered SQL files (`migrations/0001_plays.sql`, …) in order. Each pending file
 * runs in one transaction that records itself first, under an advisory lock so two
 * workers starting together do not race. The same SQL runs on PGlite and on a server.
 */
export async function migrate(db: Database, migrationsDir: string): Promise<MigrationResult> {
  const files = readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const file of files) {
    const id = Number(file.slice(0, 4));
    const done = await db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`migrate:${db.schema}`]);
      const existing = await tx.query("SELECT 1 FROM schema_migrations WHERE id = $1", [id]);
      if (existing.length > 0) return false;
      await tx.query("INSERT INTO schema_migrations (id, name) VALUES ($1, $2)", [id, file]);
      try {
        await tx.exec(readFileSync(path.join(migrationsDir, file), "utf8"));
      } catch (e) {
        throw new DatabaseError(`Migration ${file} failed: ${toError(e).message}`, e);
      }
      return true;
    });
    if (done) applied.push(file);
    else alreadyApplied++;
  }
  // Migrated from nothing: keep the result, so the next new embedded database starts here.
  if (db.kind === "pglite" && db.pglite && alreadyApplied === 0 && applied.length > 0) {
    await writeSnapshot(db.pglite, { migrationsDir, schema: db.schema });
  }
  return { applied, alreadyApplied };
}
