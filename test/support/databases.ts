import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { findProjectRoot } from "../../src/config";
import { openDatabase, type Database } from "../../src/db/database";
import { migrate } from "../../src/load/migrator";
import { serverTemplateName, testDatabasePrefix, withDatabase } from "./migrated-templates";

/**
 * Fresh databases for tests: a new database on the run's PostgreSQL server (created per call,
 * dropped by `dispose`) cloned from a template migrated once (`migrated-templates.ts`) instead of
 * running every migration for every file, or a PGlite in a fresh temporary folder (removed by
 * `dispose`). Both are migrated.
 *
 * The server is the one `global-setup.ts` chose for the run: `TEST_DATABASE_URL`, else the
 * server at 127.0.0.1:5432 (`TEST_PG_PROBE`), else a PostgreSQL from npm it started.
 * The server suite must not be skipped silently: set SKIP_SERVER_TESTS=1 to opt out; in CI
 * (CI=true) it always runs.
 */
export const SERVER_URL = inject("testDatabaseUrl") ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
/** The prefix of this run's test databases on the server: `global-setup.ts` drops any still there at the end. */
const RUN_DATABASE_PREFIX = testDatabasePrefix(inject("testRunId") ?? randomBytes(4).toString("hex"));
export const MIGRATIONS_DIR = path.join(findProjectRoot(), "migrations");

export type DbKind = "postgres" | "pglite";

export const DB_KINDS: DbKind[] =
  process.env.SKIP_SERVER_TESTS === "1" && process.env.CI !== "true" ? ["pglite"] : ["pglite", "postgres"];

export interface TestDatabase {
  db: Database;
  /** Connection string of the fresh server database (postgres kind only). */
  url?: string;
  /**
   * Close it and remove it. A server database is dropped in the background unless `untilDropped` (see
   * `createTestDatabase`): pass it when what follows needs the database gone (e.g. dropping its owner role).
   */
  dispose(options?: { untilDropped?: boolean }): Promise<void>;
}

export async function createTestDatabase(kind: DbKind, options: { migrate?: boolean; schema?: string } = {}): Promise<TestDatabase> {
  const schema = options.schema ?? "public";
  const migrated = options.migrate !== false;
  if (kind === "pglite") {
    // A fresh PGlite starts from the migrated snapshot (src/db/pglite-snapshot.ts); migrate() then only checks.
    // In a new folder on disk, as `npm start` uses it: the snapshot is then a plain copy of its unpacked
    // files (~0.2 s of CPU), where `memory://` unpacks the tarball through PGlite's in-memory file system (~0.5 s).
    const parent = mkdtempSync(path.join(os.tmpdir(), "wb-test-pglite-"));
    const remove = () => rmSync(parent, { recursive: true, force: true });
    const db = await openDatabase({ kind: "pglite", pgliteDir: path.join(parent, "db"), schema }).catch((e: unknown) => {
      remove();
      throw e;
    });
    if (migrated) await migrate(db, MIGRATIONS_DIR);
    return {
      db,
      async dispose() {
        await db.close();
        remove();
      },
    };
  }
  const name = `${RUN_DATABASE_PREFIX}${randomBytes(6).toString("hex")}`;
  const template = migrated ? await serverTemplateName(SERVER_URL, MIGRATIONS_DIR, schema) : undefined;
  await admin(async (c) => {
    await c.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  });
  const url = withDatabase(SERVER_URL, name);
  const db = await openDatabase({ kind: "postgres", url, schema });
  return {
    db,
    url,
    async dispose({ untilDropped = false } = {}) {
      await db.close();
      if (untilDropped) return drop(name);
      // Dropped in the background: on PostgreSQL 15 every DROP DATABASE waits for a forced checkpoint of the
      // whole server (~0.25 s quiet, more while the other files write), which the test has no reason to wait
      // for. Nothing uses the database after this; any drop a worker did not finish, global-setup.ts
      // makes at the end of the run (with the others at once, so their checkpoints coalesce).
      drop(name).catch(() => undefined); // left to the end of the run
    },
  };
}

async function drop(name: string): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** Run `fn` on a fresh client of the test server (CREATE/DROP DATABASE and other admin work), closed afterwards. */
export async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: SERVER_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
