import { statSync } from "node:fs";
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

function shown(folder: string): string {
  if (folder.includes("://")) return folder;
  const rel = path.relative(process.cwd(), folder);
  return rel && !rel.startsWith("..") ? rel : folder;
}
