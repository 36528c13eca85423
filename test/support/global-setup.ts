import type { TestProject } from "vitest/node";
import { findProjectRoot } from "../../src/config";
import { openDatabase } from "../../src/db/database";
import { readSnapshot } from "../../src/db/pglite-snapshot";
import { migrate } from "../../src/load/migrator";
import { resolveTestServer, type ServerSource } from "./postgres-server";
import { buildTestBundles, removeTestBundles, type BundledProgram } from "./test-bundles";

declare module "vitest" {
  export interface ProvidedContext {
    /** Connection string of the server the database suites use (admin database `postgres`). */
    testDatabaseUrl: string;
    testDatabaseSource: ServerSource;
    /** This run's bundle of each program the tests start as a child process (see `test-bundles.ts`). */
    testBundles: Record<BundledProgram, string>;
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
  if (server.source === "npm") console.log(`[test setup] ${server.description}`);
  return async () => {
    removeTestBundles(bundles);
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
