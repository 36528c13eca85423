import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/config";
import { runCli } from "../support/cli";

// What a newcomer sees from the CLI: the message and the exit code of each mistake, and the next step.
const root = findProjectRoot();


const start = (args: string[], pgliteDir?: string) => runCli(args, pgliteDir ? { PGLITE_DIR: pgliteDir } : {});
// A folder that does not exist yet, as on a fresh clone (a new PGlite is then a copy of the migrated snapshot).
const freshDir = () => path.join(mkdtempSync(path.join(os.tmpdir(), "wb-cli-msg-")), "pglite");
const noStack = (out: string) => expect(out).not.toMatch(/^\s+at .+\(.*:\d+:\d+\)$/m);

describe("CLI mistakes get one clear line and exit code 2", () => {
  it.each([
    [["--frob"], "--frob"],
    [["trigger", "--rows", "5", "--frob=1"], "--frob"],
    [["release", "list", "--frob"], "--frob"],
    [["health", "--verbose"], "--verbose"],
  ])("npm start -- %j", async (args, option) => {
    const { code, out } = await start(args);
    expect(out.trim()).toBe(`Unknown option ${option}. See npm start -- --help.`);
    expect(code).toBe(2);
  }, 60_000);

  it("names an option given without its value, and an unknown command", async () => {
    expect(await start(["--rows"])).toEqual({ code: 2, out: "Option --rows needs a value. See npm start -- --help.\n" });
    expect(await start(["frobnicate"])).toEqual({ code: 2, out: 'Unknown command "frobnicate". See npm start -- --help.\n' });
  }, 60_000);
});

describe("CLI answers", () => {
  it("rejects --rows 0 and runs every row with --rows all", async () => {
    const zero = await start(["--rows", "0"]);
    expect(zero).toEqual({ code: 1, out: 'Error: Expected `--rows` to be an integer ≥ 1, or "all", got "0"\n' });
    const lines = readFileSync(path.join(root, "data", "playbyplay.csv"), "utf8").split("\n").slice(0, 7);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "wb-cli-msg-")), "six.csv");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const all = await start(["--rows", "all", "--input", file]);
    expect(all.code).toBe(0);
    expect(all.out).toMatch(/Rows\s+6 in = /);
  }, 120_000);

  it("resume of an unknown run says so, with the next step and no stack trace", async () => {
    const { code, out } = await start(["resume", "ingest-nope"], freshDir());
    expect(code).toBe(1);
    expect(out).toContain("No run ingest-nope. `npm start -- runs` lists the recent runs.");
    noStack(out);
  }, 60_000);

  it("release list says what to do next; canary refuses the weaker extractor, promotes rules-v2, and the next npm start uses it and says so; health formats its figures", async () => {
    const dir = freshDir();
    const list = await start(["release", "list"], dir);
    expect(list.code).toBe(0);
    expect(list.out).toContain("Next: load plays (`npm start`), then `npm start -- release publish`");
    expect(list.out).toContain("Extractor: rules-v1 (default; `npm start -- canary --candidate NAME` tries another)");

    const before = await start(["--rows", "3"], dir);
    expect(before.out).toContain("Extractor: rules-v1 (default; no canary promoted)");

    const refused = await start(["canary"], dir);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/Refused rules-grammar-only: fields that differ from rules-v1: batter_name agrees on \d+\.\d%.*\. rules-v1 stays the current extractor\./);

    const promoted = await start(["canary", "--candidate", "rules-v2"], dir);
    expect(promoted.code).toBe(0);
    expect(promoted.out).toContain("Promoted rules-v2: the next `npm start` extracts with it and says so.");

    const after = await start(["--rows", "3"], dir);
    expect(after.code).toBe(0);
    expect(after.out).toMatch(/Extractor: rules-v2 \(promoted by a canary \d{4}-\d\d-\d\d \d\d:\d\dZ, replacing rules-v1\)/);
    expect(after.out).toMatch(/Rows\s+3 in = /);

    // Two runs recorded (npm start runs the ingest DAG in-process): rates as percentages, durations in ms or s, costs in dollars.
    const health = await start(["health"], dir);
    expect(health.code).toBe(0);
    expect(health.out).toMatch(/ingest\s+2\s+2\s+0\s+100\.0%/);
    expect(health.out).toMatch(/Task durations\n\s+task\s+executions\s+p50\s+p95\s+max\n(\s+\S+\s+\d+\s+(\d+ ms|\d+\.\d s)\s+.*\n)+/);
    expect(health.out).toMatch(/\$0\.0000/);
  }, 240_000);

  it("trigger labels the downstream DAG's tasks and shows its table; runs says what the report run is", async () => {
    const dir = freshDir();
    const { code, out } = await start(["trigger", "--rows", "4"], dir);
    expect(code).toBe(0);
    const ingest = /Started run (ingest-\S+)/.exec(out)?.[1];
    expect(ingest).toBeDefined();
    expect(out).toMatch(/^  ▸ load_csv$/m); // the triggered DAG's own tasks unlabelled
    expect(out).toMatch(/^  ▸ game_report\/innings$/m);
    expect(out).toMatch(/^  ✓ game_report\/report  \d+ ms$/m);
    expect(out).not.toMatch(/^  ▸ (innings|report)$/m);
    const downstream = out.slice(out.indexOf("Downstream (game_report"));
    expect(downstream).toContain(`started by ${ingest}`);
    expect(downstream).toMatch(/\ninnings\s+success/);
    expect(downstream).toMatch(/\nreport\s+success/);
    // The report run says what it reported on, not "rows in 0, loaded 1".
    expect(downstream).toContain(`rows: report on ${ingest} (4 plays)`);
    expect(downstream).not.toMatch(/loaded 1\b/);

    const runs = await start(["runs"], dir);
    expect(runs.out).toMatch(new RegExp(`game_report-\\S+\\s+game_report\\s+success\\s+upstream.*report on ${ingest} \\(4 plays\\)`));
    expect(runs.out).toMatch(new RegExp(`${ingest}\\s+ingest\\s+success\\s+manual.*4 in → 4 loaded \\+ 0 quarantined`));
  }, 120_000);
});
