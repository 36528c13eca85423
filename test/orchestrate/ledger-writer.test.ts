import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(__dirname, "../../src");
const WRITES = /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(pipeline_runs|pipeline_tasks|task_attempts)\b/gi;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : name.endsWith(".ts") ? [full] : [];
  });
}

/** Which source files write each run-ledger table (a statement in a string or template literal). */
function writers(): Map<string, Set<string>> {
  const byTable = new Map<string, Set<string>>();
  for (const file of sources(SRC)) {
    for (const m of readFileSync(file, "utf8").matchAll(WRITES)) {
      const table = m[1]!.toLowerCase();
      if (!byTable.has(table)) byTable.set(table, new Set());
      byTable.get(table)!.add(path.relative(SRC, file));
    }
  }
  return byTable;
}

describe("the run ledger has one writer", () => {
  it("only src/orchestrate/ledger.ts inserts into or updates pipeline_runs, pipeline_tasks and task_attempts", () => {
    const found = writers();
    // The scan finds the writes it looks for (it would pass vacuously if the pattern matched nothing).
    expect([...found.keys()].sort()).toEqual(["pipeline_runs", "pipeline_tasks", "task_attempts"]);
    for (const [table, files] of found) expect({ table, files: [...files] }).toEqual({ table, files: ["orchestrate/ledger.ts"] });
  });
});
