import { defineConfig } from "vitest/config";
import SlowFirstSequencer from "./test/support/slow-first-sequencer.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Picks the PostgreSQL server for the run, starting one from npm when none answers (test/support/postgres-server.ts).
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // PGlite and PostgreSQL tests are CPU-heavy on a 2-core machine, but many files spend their time waiting (a
    // server's recovery, a retry's backoff, a child process): a third worker fills those waits (measured, quiet,
    // whole `npm test`: vitest 208 → 182 s) without more than two files computing at once for long.
    maxWorkers: 3,
    // Each worker runs file after file in one process (no fresh process and module graph per file): a fresh
    // one cost every file ~0.5 s of CPU (measured: 34 files, 34.7 → 19.9 s). The tests leave no global state
    // behind (no module mocks; the one test that changes process.env restores it).
    isolate: false,
    reporters: ["default"],
    // On a fresh clone (no timings yet) the slowest files start first, so none starts last alone.
    sequence: { sequencer: SlowFirstSequencer },
  },
});
