import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { findProjectRoot } from "../config";

/**
 * A migrated PGlite data folder kept as a tarball, so that a new embedded database starts
 * already migrated instead of running initdb and every migration (measured here: 2.2–2.7 s and
 * ~850 MB RSS for initdb alone, against ~0.6 s and ~420 MB from the snapshot).
 *
 * The snapshot is a cache, never a source of truth: its name is a hash of the PGlite version, the
 * schema and every migration file, so any change to a migration makes a new one. It is written the
 * first time a fresh PGlite is migrated (or by `npm install`, see scripts/warm-pglite-snapshot.ts)
 * and lives in `node_modules/.cache/workbook/`.
 */
export interface SnapshotPlace {
  migrationsDir: string;
  schema: string;
}

const MIGRATION_FILE = /^\d{4}_[a-z0-9_]+\.sql$/;

/** The project's own migrations folder: the only one snapshots are kept for. */
export function projectMigrationsDir(): string {
  return path.join(findProjectRoot(), "migrations");
}

function cacheDir(): string {
  return path.join(findProjectRoot(), "node_modules", ".cache", "workbook");
}

function pgliteVersion(): string {
  try {
    // Resolved from the project root: the notebook kernel compiles this module to CommonJS (no import.meta).
    const require = createRequire(path.join(findProjectRoot(), "package.json"));
    return (require("@electric-sql/pglite/package.json") as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/** The file a snapshot of these migrations and this schema lives in. */
export function snapshotFile({ migrationsDir, schema }: SnapshotPlace): string {
  const hash = createHash("sha256").update(`${pgliteVersion()}\n${schema}\n`);
  for (const f of readdirSync(migrationsDir).filter((n) => MIGRATION_FILE.test(n)).sort()) {
    hash.update(`${f}\n`).update(readFileSync(path.join(migrationsDir, f)));
  }
  return path.join(cacheDir(), `pglite-${schema}-${hash.digest("hex").slice(0, 16)}.tar.gz`);
}

/** The snapshot for the project's migrations and `schema`, when one has been made. */
export function readSnapshot(schema: string): Blob | undefined {
  try {
    const file = snapshotFile({ migrationsDir: projectMigrationsDir(), schema });
    return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keep a snapshot of a PGlite that has just been migrated from nothing. Written to a temporary
 * name and renamed, so two processes doing it at once leave one whole file. Best effort: a
 * read-only `node_modules` only means the next fresh database runs the migrations again.
 */
export async function writeSnapshot(pglite: PGlite, place: SnapshotPlace): Promise<void> {
  if (path.resolve(place.migrationsDir) !== path.resolve(projectMigrationsDir())) return;
  try {
    const file = snapshotFile(place);
    if (existsSync(file)) return;
    mkdirSync(path.dirname(file), { recursive: true });
    const blob = await pglite.dumpDataDir("gzip");
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    renameSync(tmp, file);
  } catch {
    // A cache only: failing to write it changes nothing but the next start-up time.
  }
}
