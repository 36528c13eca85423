import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { findProjectRoot, loadConfig } from "../../src/config";
import { readPlays } from "../../src/extract/play-reader";
import { readReferenceTables } from "../../src/extract/reference-reader";
import { assertRosterCovers } from "../../src/transform/roster/index";
import { InputError, LlmError, OptionsError } from "../../src/errors";
import { kernelClone, showError, showSetup, withErrorDisplay } from "../../src/notebook/index";

// Outside a kernel the notebook helpers print their plain-text version: what a log or a static viewer shows.
function printed(fn: () => unknown, stream: "log" | "error" = "log"): string {
  const lines: string[] = [];
  const spy = vi.spyOn(console, stream).mockImplementation((...args: unknown[]) => void lines.push(args.join(" ")));
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return lines.join("\n");
}

describe("the setup table", () => {
  afterEach(() => vi.restoreAllMocks());
  const config = loadConfig({ env: { PGLITE_DIR: "memory://" }, loadDotenv: false });

  it("shows the notebook's own row limit, not the config's 'all rows'", () => {
    expect(printed(() => showSetup(config))).toMatch(/row_limit\s+│ all rows/);
    expect(printed(() => showSetup(config, { rows: 10 }))).toMatch(/row_limit\s+│ 10 \(this notebook's ROWS\)/);
    expect(printed(() => showSetup(config, { rows: 0 }))).toMatch(/row_limit\s+│ all rows \(this notebook's ROWS = 0\)/);
  });

  it("says which clone the kernel's tslab comes from", () => {
    const clone = mkdtempSync(path.join(os.tmpdir(), "wb-clone-"));
    mkdirSync(path.join(clone, "migrations"));
    writeFileSync(path.join(clone, "package.json"), JSON.stringify({ name: "baseball-pipeline-workbook" }));
    mkdirSync(path.join(clone, "node_modules", "tslab", "bin"), { recursive: true });
    writeFileSync(path.join(clone, "node_modules", "tslab", "bin", "tslab"), "");
    expect(kernelClone(["node", path.join(clone, "node_modules", "tslab", "bin", "tslab"), "kernel"])).toBe(clone);
    expect(kernelClone(["node", "/usr/lib/node_modules/vitest/vitest.mjs"])).toBeUndefined();
    // In a kernel (process.argv is tslab's), the table says whether it is this notebook's clone.
    const argv = process.argv;
    try {
      process.argv = [argv[0]!, path.join(config.projectRoot, "node_modules", "tslab", "bin", "tslab"), "kernel"];
      expect(printed(() => showSetup(config))).toMatch(new RegExp(`kernel runs\\s+│ this clone \\(${path.basename(config.projectRoot)}\\)`));
      process.argv = [argv[0]!, path.join(clone, "node_modules", "tslab", "bin", "tslab"), "kernel"];
      expect(printed(() => showSetup(config))).toMatch(/kernel runs\s+│ ANOTHER clone: .*wb-clone-.*, not this notebook's/);
    } finally {
      process.argv = argv;
    }
    // Under vitest there is no kernel: the table names the project instead.
    expect(printed(() => showSetup(config))).toMatch(new RegExp(`project\\s+│ ${path.basename(config.projectRoot)}\\s*$`, "m"));
  });
});

describe("the notebook error display", () => {
  it("names the step, the row and the field, the cause, and gives a hint", () => {
    const err = new InputError("empty commentary text", 9, "playbyplay", new Error("line was blank"));
    const text = printed(() => showError(err), "error");
    expect(text).toContain("✗ InputError (step extract · row 9 · field playbyplay): empty commentary text");
    expect(text).toContain("caused by: line was blank");
    expect(text).toContain("hint: Look at line 9 of the input CSV (field playbyplay).");
    expect(printed(() => showError(new LlmError("connect ECONNREFUSED 127.0.0.1:9", true)), "error")).toMatch(/step transform.*\n\s+hint: Check OPENAI_BASE_URL/);
    expect(printed(() => showError(new OptionsError("rows", "an integer ≥ 0", -1), { hint: "use ROWS = 10" }), "error")).toMatch(/field rows.*\n\s+hint: use ROWS = 10/);
  });

  it("shows another game's unknown roster with paths as typed in the project folder, and the way out", () => {
    const root = findProjectRoot();
    const input = path.join(root, "test", "fixtures", "blind-game-otters", "playbyplay.csv");
    let thrown: unknown;
    try {
      assertRosterCovers(readPlays(input).plays, readReferenceTables(path.join(root, "data")), { input, referencesDir: path.join(root, "data") });
    } catch (e) {
      thrown = e;
    }
    const text = printed(() => showError(thrown), "error");
    expect(text).toMatch(/^✗ UnknownRosterError \(step map\): \d+ of the \d+ players named in test\/fixtures\/blind-game-otters\/playbyplay\.csv are not in the reference tables in data /);
    expect(text).toContain("npm start -- roster --input test/fixtures/blind-game-otters/playbyplay.csv --out my-roster");
    expect(text).not.toContain(root);
    expect(text).toMatch(/hint: Propose this game's tables \(wb\.discoverRoster/);
  });

  it("withErrorDisplay shows the error and still fails the cell", async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void lines.push(a.join(" ")));
    await expect(withErrorDisplay(() => { throw new OptionsError("batchSize", "an integer ≥ 1", 0); })).rejects.toThrow(/batchSize/);
    spy.mockRestore();
    expect(lines.join("\n")).toContain("✗ OptionsError (field batchSize): Expected `batchSize` to be an integer ≥ 1, got 0");
    expect(await withErrorDisplay(() => 42)).toBe(42);
  });
});
