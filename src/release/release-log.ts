import os from "node:os";
import { OptionsError } from "../errors";
import type { Queryable } from "../db/database";

export type ReleaseAction = "stage" | "validate" | "reject" | "switch" | "rollback" | "promote" | "canary-reject" | "prune";

/** One line of `release_log`: who did what to which target, when. */
export interface ReleaseLogEntry {
  id: number;
  at: Date;
  target: string;
  action: ReleaseAction;
  from_version: string | null;
  to_version: string | null;
  actor: string;
  reason: string | null;
  details: Record<string, unknown>;
}

/** What is live for a target and what was live before it. */
export interface ReleaseState {
  target: string;
  current_version: string;
  previous_version: string | null;
  switched_at: Date;
}

/** `user@host` of this process: the default "who" of a release action. */
export function defaultActor(): string {
  try {
    return `${os.userInfo().username}@${os.hostname()}`;
  } catch {
    return `pid ${process.pid}@${os.hostname()}`;
  }
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

/** Reject anything but a plain lower-case SQL identifier (names go into DDL, which takes no parameters). */
export function checkIdentifier(field: string, value: unknown): string {
  if (typeof value !== "string" || !IDENT.test(value) || value.length > 55) {
    throw new OptionsError(field, "a lower-case SQL identifier of at most 55 characters", value);
  }
  return value;
}

export async function appendReleaseLog(
  db: Queryable,
  entry: { target: string; action: ReleaseAction; from?: string | null; to?: string | null; actor: string; reason?: string; details?: unknown },
): Promise<void> {
  await db.query(
    `INSERT INTO release_log (target, action, from_version, to_version, actor, reason, details) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
    [entry.target, entry.action, entry.from ?? null, entry.to ?? null, entry.actor, entry.reason ?? null, JSON.stringify(entry.details ?? {})],
  );
}

/** Make `version` live for `target`, remembering what was live as the rollback target. */
export async function setReleaseState(db: Queryable, target: string, version: string, previous: string | null): Promise<void> {
  await db.query(
    `INSERT INTO release_state (target, current_version, previous_version, switched_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (target) DO UPDATE SET current_version = EXCLUDED.current_version,
       previous_version = EXCLUDED.previous_version, switched_at = EXCLUDED.switched_at`,
    [target, version, previous],
  );
}

export async function readReleaseState(db: Queryable, target: string): Promise<ReleaseState | undefined> {
  const [row] = await db.query<ReleaseState>(`SELECT * FROM release_state WHERE target = $1`, [target]);
  return row;
}

/** The release log, newest first; all targets unless one is named. */
export function readReleaseLog(db: Queryable, options: { target?: string; limit?: number } = {}): Promise<ReleaseLogEntry[]> {
  return db.query<ReleaseLogEntry>(
    `SELECT id::int AS id, at, target, action, from_version, to_version, actor, reason, details
     FROM release_log WHERE ($1::text IS NULL OR target = $1) ORDER BY id DESC LIMIT $2`,
    [options.target ?? null, options.limit ?? 100],
  );
}
