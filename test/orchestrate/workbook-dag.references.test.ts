import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli";
import { createTestDatabase, type TestDatabase } from "../support/databases";

// Another game's commentary through the DAG (`npm start -- trigger`), as through `npm start`: without its own
// tables the run stops at load_csv with the roster message (the read step's check, one code path for both);
// with `--references DIR` the DAG maps names to those tables and loads the game.
const CSV = "test/transform/fixtures/foreign-game/playbyplay.csv";
const ROWS = 30;

describe("trigger on another game's commentary (postgres)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("postgres");
  });
  afterAll(() => t?.dispose());

  it("stops early with the same message as npm start, retries nothing and loads nothing", async () => {
    const env = { DATABASE_URL: t.url! };
    const started = await runCli(["--input", CSV], env);
    const triggered = await runCli(["trigger", "--input", CSV], env);
    expect(started.code).toBe(1);
    expect(triggered.code, triggered.out).toBe(1);
    const message = (out: string) => /(\d+ of the \d+ players named in) \S+ (are not in the reference tables in) \S+/.exec(out)?.slice(1);
    expect(message(triggered.out)).toEqual(message(started.out));
    expect(message(triggered.out)).toBeDefined();
    expect(triggered.out).toContain(`npm start -- roster --input ${path.resolve(CSV)} --out my-roster`);
    const [run] = await t.db.query<{ state: string; error: string }>(`SELECT state, error FROM pipeline_runs WHERE dag = 'ingest' AND params->>'executor' = 'pg-boss'`);
    expect(run!.state).toBe("failed");
    expect(run!.error).toMatch(/^task load_csv failed after 1 attempt\(s\): \d+ of the \d+ players named in/);
    const tasks = await t.db.query<{ task: string; attempts: number }>(`SELECT task, attempts FROM pipeline_tasks t JOIN pipeline_runs r USING (run_id) WHERE r.params->>'executor' = 'pg-boss'`);
    expect(tasks).toEqual([{ task: "load_csv", attempts: 1 }]);
    const [counts] = await t.db.query<{ plays: number; quarantine: number }>(
      "SELECT (SELECT count(*)::int FROM plays) AS plays, (SELECT count(*)::int FROM quarantine) AS quarantine");
    expect(counts).toEqual({ plays: 0, quarantine: 0 });
  }, 240_000);

  it("with --references DIR (the roster's proposal) the DAG loads the game under the default gate", async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), "wb-dag-roster-"));
    expect((await runCli(["roster", "--input", CSV, "--out", out], {})).code).toBe(0);
    expect(readFileSync(path.join(out, "batters.csv"), "utf8")).toMatch(/^batter_id,/);
    const { code, out: text } = await runCli(["trigger", "--input", CSV, "--references", out], { DATABASE_URL: t.url! });
    expect(code, text).toBe(0);
    const runId = /run (ingest-[\w-]+) /.exec(text)![1]!;
    const [loaded] = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM plays WHERE run_id = $1", [runId]);
    const [quarantined] = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM quarantine WHERE run_id = $1", [runId]);
    expect(loaded!.n + quarantined!.n).toBe(ROWS);
    expect(loaded!.n / ROWS).toBeGreaterThanOrEqual(0.95);
    const [params] = await t.db.query<{ dir: string }>("SELECT params->>'referencesDir' AS dir FROM pipeline_runs WHERE run_id = $1", [runId]);
    expect(params!.dir).toBe(out);
  }, 240_000);
});
