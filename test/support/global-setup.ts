import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { findProjectRoot } from "../../src/config";
import { openDatabase } from "../../src/db/database";
import { readSnapshot } from "../../src/db/pglite-snapshot";
import { migrate } from "../../src/load/migrator";
import { testDatabasePrefix } from "./migrated-templates";
import { resolveTestServer, type ServerSource } from "./postgres-server";
import { buildTestBundles, removeTestBundles, type BundledProgram } from "./test-bundles";

declare module "vitest" {
  export interface ProvidedContext {
    /** Connection string of the server the database suites use (admin database `postgres`). */
    testDatabaseUrl: string;
    testDatabaseSource: ServerSource;
    /** This run's bundle of each program the tests start as a child process (see `test-bundles.ts`). */
    testBundles: Record<BundledProgram, string>;
    /** Names this run's server test databases (`databases.ts`), so the end of the run drops any left. */
    testRunId: string;
  }
}

/**
 * vitest globalSetup, once for the whole run: pick the PostgreSQL server (see `postgres-server.ts`),
 * bundle the programs the tests spawn, and make PGlite's migrated snapshot when there is none yet
 * (a fresh clone), so the test workers copy it instead of each running initdb and every migration.
 * The server and the bundles reach every test file through `inject`; a server this run started is
 * stopped at the end, and the bundles are removed.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = findProjectRoot();
  const [server, bundles] = await Promise.all([resolveTestServer(), buildTestBundles(root), ensurePgliteSnapshot(root)]);
  project.provide("testDatabaseUrl", server.url);
  project.provide("testDatabaseSource", server.source);
  project.provide("testBundles", bundles.files);
  const runId = randomBytes(4).toString("hex");
  project.provide("testRunId", runId);
  if (server.source === "npm") console.log(`[test setup] ${server.description}`);
  return async () => {
    removeTestBundles(bundles);
    if (server.source !== "skipped") await dropRunDatabases(server.url, testDatabasePrefix(runId));
    await server.stop();
  };
}

async function ensurePgliteSnapshot(root: string): Promise<void> {
  if (readSnapshot("public")) return;
  const db = await openDatabase({ kind: "pglite", pgliteDir: "memory://" });
  try {
    await migrate(db, `${root}/migrations`); // a fresh PGlite migrated from nothing writes the snapshot
  } finally {
    await db.close();
  }
}

/**
 * Drop the test databases of this run still on the server (`databases.ts` drops each in the background when
 * its test disposes it; a worker may end first). All at once, on a few connections: their forced
 * checkpoints then coalesce into a few instead of one per database.
 */
async function dropRunDatabases(url: string, prefix: string): Promise<void> {
  const list = new pg.Client({ connectionString: url });
  await list.connect();
  let names: string[];
  try {
    names = (await list.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix])).rows.map((r) => r.datname);
  } finally {
    await list.end();
  }
  const queue = [...names];
  await Promise.all(Array.from({ length: Math.min(8, queue.length) }, async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      for (let name = queue.shift(); name; name = queue.shift()) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await c.end();
    }
  }));
}
