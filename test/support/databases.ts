import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { findProjectRoot } from "../../src/config";
import { openDatabase, type Database } from "../../src/load/database";
import { pgliteTemplateDir, serverTemplateName, withDatabase } from "./migrated-templates";

/**
 * Fresh databases for tests: a new database on the run's PostgreSQL server (created per call,
 * dropped by `dispose`), or a PGlite. Both are migrated, by cloning a template migrated once
 * (`migrated-templates.ts`) rather than running every migration for every file.
 *
 * The server is the one `global-setup.ts` chose for the run: `TEST_DATABASE_URL`, else the
 * server at 127.0.0.1:5432 (`TEST_PG_PROBE`), else a PostgreSQL from npm it started.
 * The server suite must not be skipped silently: set SKIP_SERVER_TESTS=1 to opt out; in CI
 * (CI=true) it always runs.
 */
export const SERVER_URL = inject("testDatabaseUrl") ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const MIGRATIONS_DIR = path.join(findProjectRoot(), "migrations");

export type DbKind = "postgres" | "pglite";

export const DB_KINDS: DbKind[] =
  process.env.SKIP_SERVER_TESTS === "1" && process.env.CI !== "true" ? ["pglite"] : ["pglite", "postgres"];

export interface TestDatabase {
  db: Database;
  /** Connection string of the fresh server database (postgres kind only). */
  url?: string;
  dispose(): Promise<void>;
}

export async function createTestDatabase(kind: DbKind, options: { migrate?: boolean; schema?: string } = {}): Promise<TestDatabase> {
  const schema = options.schema ?? "public";
  const migrated = options.migrate !== false;
  if (kind === "pglite") {
    if (!migrated) {
      const db = await openDatabase({ kind: "pglite", pgliteDir: "memory://", schema });
      return { db, dispose: () => db.close() };
    }
    // A copy of the migrated data folder opens without initdb or migrations.
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "wb-test-pglite-")), "data");
    cpSync(await pgliteTemplateDir(MIGRATIONS_DIR, schema), dir, { recursive: true });
    const db = await openDatabase({ kind: "pglite", pgliteDir: dir, schema });
    return {
      db,
      async dispose() {
        await db.close();
        rmSync(path.dirname(dir), { recursive: true, force: true });
      },
    };
  }
  const name = `wb_test_${randomBytes(6).toString("hex")}`;
  const template = migrated ? await serverTemplateName(SERVER_URL, MIGRATIONS_DIR, schema) : undefined;
  await admin(async (c) => {
    await c.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  });
  const url = withDatabase(SERVER_URL, name);
  const db = await openDatabase({ kind: "postgres", url, schema });
  return {
    db,
    url,
    async dispose() {
      await db.close();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: SERVER_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
