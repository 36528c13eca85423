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
    // Each worker runs file after file in one process (no fresh process and module graph per file): a fresh
    // one cost every file ~0.5 s of CPU (measured: 34 files, 34.7 → 19.9 s). The tests leave no global state
    // behind (no module mocks; the one test that changes process.env restores it).
    isolate: false,
    reporters: ["default"],
    // On a fresh clone (no timings yet) the slowest files start first, so none starts last alone.
    sequence: { sequencer: SlowFirstSequencer },
  },
});
