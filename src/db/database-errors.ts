import { statfsSync, statSync } from "node:fs";
import path from "node:path";
import { DatabaseConnectionError, DatabaseDiskFullError, DatabaseError, toError } from "../errors";

/** Errors that mean the server connection itself is gone (the server rolls back whatever was open on it). */
export function isConnectionError(e: unknown): boolean {
  const err = e as { code?: string; message?: string } | undefined;
  const code = typeof err?.code === "string" ? err.code : "";
  return (
    /^(ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|ENOTFOUND|57P0[1-3]|08\w{3})$/.test(code) ||
    /Connection terminated|connection (is )?(closed|lost)|Client has encountered a connection error/i.test(err?.message ?? "")
  );
}

/** A lost server connection as one clear DatabaseError; anything else unchanged. */
export function asConnectionError(e: unknown): unknown {
  if (e instanceof DatabaseError || !isConnectionError(e)) return e;
  return new DatabaseConnectionError(
    `Lost the connection to the PostgreSQL server (${toError(e).message}). Check the server, then re-run: loads are idempotent`,
    e,
  );
}

// PGlite runs on Emscripten's file system, whose errors are `{ name: "ErrnoError", errno }` with its own numbers.
const EMSCRIPTEN_ERRNO: Record<number, string> = { 2: "permission denied", 20: "file exists", 31: "is a folder", 44: "no such file or folder", 51: "no space left on device", 54: "not a folder", 69: "read-only file system" };

/** PGLITE_DIR must be a folder (or not exist yet: PGlite creates it). */
export function checkPgliteFolder(folder: string): void {
  try {
    if (!statSync(folder).isDirectory()) {
      throw new DatabaseError(`PGLITE_DIR ${shown(folder)} is a file, not a folder: point PGLITE_DIR at a folder (PGlite creates it), or move the file away`);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
}

/** A PGlite failure as one clear DatabaseError naming the folder: a full disk says so. */
export function asPgliteError(e: unknown, folder: string): unknown {
  if (e instanceof DatabaseError) return e;
  const err = e as { code?: string; errno?: number; name?: string; message?: string } | undefined;
  const emscripten = err?.name === "ErrnoError" && typeof err.errno === "number" ? EMSCRIPTEN_ERRNO[err.errno] ?? `errno ${err.errno}` : undefined;
  const full = err?.code === "53100" || err?.code === "ENOSPC" || emscripten === "no space left on device" || /No space left on device/i.test(err?.message ?? "");
  const detail = emscripten ?? toError(e).message;
  if (full) {
    return new DatabaseDiskFullError(`The disk holding the PGlite database ${shown(folder)} is full (disk full: ${detail}). Free some space, then re-run: loads are idempotent`, folder, e);
  }
  if (emscripten) return new DatabaseError(`The PGlite database ${shown(folder)} failed: ${detail}`, e);
  return e;
}

/**
 * Free space PGlite must have before it starts a transaction, and before a single statement. It
 * writes its log in 16 MB segments, and a segment it cannot create inside a commit does not fail:
 * PGlite spins at 100% CPU for good. So a write stops, clearly, while a segment still fits; a small
 * statement (the ledger recording the failure) may still go ahead.
 */
export const PGLITE_MIN_FREE_BYTES = { transaction: 20 * 1024 * 1024, statement: 1024 * 1024 };

export function checkPgliteDiskSpace(folder: string, kind: keyof typeof PGLITE_MIN_FREE_BYTES): void {
  let free: number;
  try {
    const s = statfsSync(folder);
    free = s.bavail * s.bsize;
  } catch {
    return; // the folder is gone or unreadable: PGlite will say so
  }
  const need = PGLITE_MIN_FREE_BYTES[kind];
  if (free < need) {
    throw new DatabaseDiskFullError(
      `The disk holding the PGlite database ${shown(folder)} is full (disk full: ${mb(free)} free, a ${kind} needs ${mb(need)} for PGlite's write-ahead log). Free some space, then re-run: loads are idempotent`,
      folder,
    );
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * A full disk while PGlite extends a table fails that statement and PGlite carries on (the ledger
 * can still record the failure); any other full-disk error (its write-ahead log, its files) leaves
 * it unable to run another statement.
 */
export function wedgesPglite(err: unknown): boolean {
  return err instanceof DatabaseDiskFullError && err.cause !== undefined && !/could not extend file/.test(toError(err.cause).message);
}

function shown(folder: string): string {
  if (folder.includes("://")) return folder;
  const rel = path.relative(process.cwd(), folder);
  return rel && !rel.startsWith("..") ? rel : folder;
}
