import type { TestProject } from "vitest/node";
import { resolveTestServer, type ServerSource } from "./postgres-server";

declare module "vitest" {
  export interface ProvidedContext {
    /** Connection string of the server the database suites use (admin database `postgres`). */
    testDatabaseUrl: string;
    testDatabaseSource: ServerSource;
  }
}

/**
 * vitest globalSetup: pick the PostgreSQL server once for the whole run (see
 * `postgres-server.ts`), hand it to every test file through `inject`, and stop it at the end
 * when this run started it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await resolveTestServer();
  project.provide("testDatabaseUrl", server.url);
  project.provide("testDatabaseSource", server.source);
  if (server.source === "npm") console.log(`[test setup] ${server.description}`);
  return () => server.stop();
}
