import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findProjectRoot } from "../../src/config";
import { openDatabase, type Database } from "../../src/db/database";
import { createTestDatabase, type DbKind, type TestDatabase } from "../support/databases";
import { runCli, type CliResult } from "../support/cli";

// Helpers for the accounting and bytes fault tests: the real CLI in a child process (as `npm start`),
// against its own database (a PGlite folder, or a fresh database on the server), read back afterwards.
export const root = findProjectRoot();

export type { CliResult };

/** One workbook database for a test file: the env the CLI needs, and a way to read it between runs. */
export interface CliDatabase {
  env: Record<string, string>;
  /** Open the database, run `fn`, close it (PGlite is single-process: never open while the CLI runs). */
  read<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  dispose(): Promise<void>;
}

export async function cliDatabase(kind: DbKind): Promise<CliDatabase> {
  if (kind === "pglite") {
    // Not created yet, as on a fresh clone: the CLI's PGlite starts from a copy of the migrated snapshot.
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "wb-acct-")), "pglite");
    return {
      env: { PGLITE_DIR: dir },
      async read(fn) {
        const db = await openDatabase({ kind: "pglite", pgliteDir: dir });
        try {
          return await fn(db);
        } finally {
          await db.close();
        }
      },
      dispose: async () => {},
    };
  }
  const t: TestDatabase = await createTestDatabase("postgres");
  return { env: { DATABASE_URL: t.url! }, read: (fn) => fn(t.db), dispose: () => t.dispose() };
}

/** `npm start -- …args` as a user runs it (see `runCli`), with the longer timeout the LLM fault runs need. */
export const cli = (args: string[], env: Record<string, string>): Promise<CliResult> => runCli(args, env, { timeoutMs: 150_000 });

/** The data lines of the project's game (no header), in order. */
export function gameLines(): string[] {
  return readFileSync(path.join(root, "data", "playbyplay.csv"), "utf8").split("\n").slice(1).filter((l) => l !== "");
}

/** The run id the summary printed. */
export function runIdOf(out: string): string {
  const m = /Run (run-[\w-]+) —/.exec(out) ?? /run (ingest-[\w-]+) /.exec(out);
  if (!m) throw new Error(`no run id in the output:\n${out}`);
  return m[1]!;
}

export interface RunFacts {
  state: string;
  error: string | null;
  accounting: { outcome: string; rows_in: number; loaded: number; quarantined: number; held: number; held_pending: number; balanced: boolean } | undefined;
  quarantinedThisRun: number;
  heldThisRun: number;
  plays: number;
  distinctPlayHashes: number;
  alerts: string[];
}

/** What the database says about a run: ledger state, row accounting, quarantine and held rows, plays, alerts. */
export async function runFacts(db: Database, runId: string): Promise<RunFacts> {
  const [run] = await db.query<{ state: string; error: string | null }>(`SELECT state, error FROM pipeline_runs WHERE run_id = $1`, [runId]);
  const [accounting] = await db.query<RunFacts["accounting"] & object>(
    `SELECT outcome, rows_in, loaded, quarantined, held, held_pending, balanced FROM run_row_accounting WHERE run_id = $1`, [runId]);
  const [q] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM quarantine WHERE run_id = $1`, [runId]);
  const [h] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM held_plays WHERE run_id = $1`, [runId]);
  const [p] = await db.query<{ n: number; d: number }>(`SELECT count(*)::int AS n, count(DISTINCT play_hash)::int AS d FROM plays`);
  const alerts = await db.query<{ rule: string }>(`SELECT rule FROM alerts WHERE run_id = $1 ORDER BY rule`, [runId]);
  return {
    state: run?.state ?? "missing", error: run?.error ?? null, accounting,
    quarantinedThisRun: q!.n, heldThisRun: h!.n, plays: p!.n, distinctPlayHashes: p!.d, alerts: alerts.map((a) => a.rule),
  };
}

/** A checksum of the loaded plays' identity and text, to compare a run with a clean one. */
export async function playsChecksum(db: Database): Promise<string> {
  const [r] = await db.query<{ c: string | null }>(`SELECT md5(string_agg(play_hash || ':' || play_id || ':' || playbyplay, '|' ORDER BY play_id)) AS c FROM plays`);
  return r?.c ?? "";
}
