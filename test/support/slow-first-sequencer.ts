import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The order test files start in. vitest starts the files that took longest last time first, but a
 * fresh clone (CI) has no timings, and then vitest goes by file size: a long file (spawned CLIs,
 * notebook kernels, a worker's recovery bound) could start last and stretch the run by its whole
 * length while the other worker idles. Without timings, the files below (the slowest, longest
 * first, as measured on 2 cores with isolate: false) start first; the rest keep vitest's order. Only the order changes:
 * a file missing here, or one listed that no longer exists, is harmless.
 */
const SLOWEST_FIRST = [
  // Mostly waiting (a worker's recovery bound of 30 s, then 15 s): started first, their waits overlap the others' work.
  "test/faults/worker-killed.test.ts",
  "test/faults/worker-retrigger.test.ts",
  "test/lab/checks.test.ts",
  "test/pipeline/executors-parity.test.ts",
  "test/faults/accounting-llm.test.ts",
  "test/cli/messages.test.ts",
  "test/faults/accounting-held.test.ts",
  "test/notebooks/broken-cell.test.ts",
  "test/faults/bytes-decoding.test.ts",
  "test/faults/db-disk-full.test.ts",
  "test/lab/exercise-1.gate-cases.test.ts",
  "test/orchestrate/dag.retries.test.ts",
  "test/faults/db-pglite-lock.test.ts",
  "test/cli/start.test.ts",
  "test/transform/roster-llm.cli.test.ts",
  "test/notebooks/kernel-compat.test.ts",
  "test/setup/test-server.test.ts",
  "test/orchestrate/workbook-dag.test.ts",
  "test/faults/llm-batch.test.ts",
  "test/transform/roster-run.cli.test.ts",
];

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    if (files.every((f) => this.ctx.cache.getTestSpecificationResult(f))) return sorted; // timings of a previous run
    const rank = (f: TestSpecification) => {
      const i = SLOWEST_FIRST.indexOf(path.relative(f.project.config.root, f.moduleId).split(path.sep).join("/"));
      return i < 0 ? SLOWEST_FIRST.length : i;
    };
    return [...sorted].sort((a, b) => rank(a) - rank(b)); // stable: the others keep vitest's order
  }
}
