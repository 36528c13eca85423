import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type { PGlite } from "@electric-sql/pglite";
import { findProjectRoot } from "../config";

/**
 * A migrated PGlite data folder kept as a tarball, so that a new embedded database starts
 * already migrated instead of running initdb and every migration (measured here: 2.2–2.7 s and
 * ~850 MB RSS for initdb alone, against ~0.6 s and ~420 MB from the snapshot).
 *
 * The snapshot is a cache, never a source of truth: its name is a hash of the PGlite version, the
 * schema and every migration file, so any change to a migration makes a new one. It is written the
 * first time a fresh PGlite is migrated (`npm run bench` makes it before it measures `npm start`)
 * and lives in `node_modules/.cache/workbook/`. A new folder on disk is a plain copy of the unpacked
 * snapshot (kept beside the tarball): handing PGlite the tarball instead unpacks it through its
 * in-memory file system, which cost `npm start` ~3 s and ~115 MB of resident memory.
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

/** The snapshot unpacked into a folder beside its tarball (unpacked once), when there is a snapshot; best effort. */
function snapshotFolder(schema: string): string | undefined {
  try {
    const file = snapshotFile({ migrationsDir: projectMigrationsDir(), schema });
    const folder = file.replace(/\.tar\.gz$/, "");
    if (existsSync(path.join(folder, "PG_VERSION"))) return folder;
    if (!existsSync(file)) return undefined;
    const tmp = `${folder}.${process.pid}.tmp`;
    rmSync(tmp, { recursive: true, force: true });
    untar(gunzipSync(readFileSync(file)), tmp);
    try {
      renameSync(tmp, folder);
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // another process unpacked it first
    }
    return existsSync(path.join(folder, "PG_VERSION")) ? folder : undefined;
  } catch {
    return undefined;
  }
}

/** Write the files of a ustar archive (PGlite's `dumpDataDir`: files and folders only) under `root`. */
function untar(tar: Buffer, root: string): void {
  mkdirSync(root, { recursive: true });
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (from: number, to: number) => header.subarray(from, to).toString("utf8").replace(/\0.*$/s, "");
    const name = [field(345, 500), field(0, 100)].filter(Boolean).join("/");
    const size = parseInt(field(124, 136).trim() || "0", 8);
    const type = field(156, 157) || "0";
    const target = path.join(root, ...name.split("/").filter((p) => p !== "" && p !== "."));
    if (name.split("/").includes("..") || !target.startsWith(root)) throw new Error(`unsafe path in the snapshot: ${name}`);
    if (type === "5") mkdirSync(target, { recursive: true });
    else if (type === "0") {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, tar.subarray(at + 512, at + 512 + size));
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
}

/**
 * Make the new folder `folder` a copy of the migrated snapshot; false when there is none (PGlite then
 * runs initdb, or is given the tarball). Copied under a temporary name and renamed, so a crash never
 * leaves a half-copied database that looks whole. A full disk fails with the file system's error.
 */
export function copySnapshotTo(folder: string, schema: string): boolean {
  const source = snapshotFolder(schema);
  if (!source) return false;
  const tmp = `${folder}.${process.pid}.tmp`;
  try {
    cpSync(source, tmp, { recursive: true });
    renameSync(tmp, folder);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  return true;
}
