import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { findProjectRoot } from "../../src/config";
import { openDatabase, type Database } from "../../src/load/database";
import { migrate } from "../../src/load/migrator";

/**
 * Fresh databases for tests: a new database on the machine's PostgreSQL server
 * (created per call, dropped by `dispose`), or an in-memory PGlite. Both are migrated.
 *
 * The server suite must not be skipped silently: set SKIP_SERVER_TESTS=1 to opt out
 * on a machine without PostgreSQL; in CI (CI=true) it always runs and fails if the
 * server is unreachable.
 */
export const SERVER_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
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
  if (kind === "pglite") {
    const db = await openDatabase({ kind: "pglite", pgliteDir: "memory://", schema });
    if (options.migrate !== false) await migrate(db, MIGRATIONS_DIR);
    return { db, dispose: () => db.close() };
  }
  const name = `wb_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = SERVER_URL.replace(/\/[^/]*$/, `/${name}`);
  const db = await openDatabase({ kind: "postgres", url, schema });
  if (options.migrate !== false) await migrate(db, MIGRATIONS_DIR);
  return {
    db,
    url,
    async dispose() {
      await db.close();
      const c = new pg.Client({ connectionString: SERVER_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
