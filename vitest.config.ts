import { defineConfig } from "vitest/config";
import SlowFirstSequencer from "./test/support/slow-first-sequencer.js";

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
    // On a fresh clone (no timings yet) the slowest files start first, so none starts last alone.
    sequence: { sequencer: SlowFirstSequencer },
  },
});
