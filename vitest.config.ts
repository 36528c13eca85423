import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Picks the PostgreSQL server for the run, starting one from npm when none answers (test/support/postgres-server.ts).
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // PGlite and PostgreSQL tests are CPU-heavy on a 2-core machine: keep parallelism modest.
    maxWorkers: 2,
    reporters: ["default"],
  },
});
