import { readdirSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase, DB_KINDS, MIGRATIONS_DIR, SERVER_URL, type TestDatabase } from "../support/databases";

// The server the test setup chose is the one the database suites really use. With
// WB_SERVER_IDENTITY_FILE set (by test-server.test.ts), it also writes down which server that was.
describe.skipIf(!DB_KINDS.includes("postgres"))("the database suites' PostgreSQL server", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("postgres");
  });
  afterAll(() => t?.dispose());

  it("is the server the test setup chose, and each test database on it comes migrated", async () => {
    const [row] = await t.db.query<{ version: string; data_directory: string; port: number; migrations: number }>(
      `SELECT current_setting('server_version') AS version, current_setting('data_directory') AS data_directory,
              inet_server_port() AS port, (SELECT count(*)::int FROM schema_migrations) AS migrations`,
    );
    const migrationFiles = readdirSync(MIGRATIONS_DIR).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f));
    expect(row.migrations).toBe(migrationFiles.length);
    expect(SERVER_URL).toBe(inject("testDatabaseUrl"));
    expect(String(row.port)).toBe(new URL(SERVER_URL).port || "5432");
    const out = process.env.WB_SERVER_IDENTITY_FILE;
    if (out) writeFileSync(out, JSON.stringify({ ...row, source: inject("testDatabaseSource") }));
  });
});
