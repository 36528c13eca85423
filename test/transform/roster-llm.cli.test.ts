import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulatedModel, type SimulatedModel } from "../../scripts/simulated-model/server";
import { runCli as start } from "../support/cli";
import { createTestDatabase, type TestDatabase } from "../support/databases";

// `roster --provider openai` on the second blind game, whose commentary the rules read badly (a shared surname,
// players named once): one request to the simulated model, which knows that game's tables, then the run with
// the merged tables. The real CLI, the real OpenAI SDK, a fresh PostgreSQL database.
const GAME = "test/fixtures/blind-game-second";
const CSV = `${GAME}/playbyplay.csv`;
const ROWS = 71;
const KEY = "sk-test-roster-0123456789abcdefghijkl";

interface Call { step: string; status: string; rows: number; tokens_in: number; tokens_out: number; cost_usd: number }

describe("npm start -- roster with the OpenAI provider", () => {
  let sim: SimulatedModel;
  let test: TestDatabase;
  const env = () => ({ DATABASE_URL: test.url!, OPENAI_API_KEY: KEY, OPENAI_BASE_URL: sim.baseURL, OPENAI_MODEL: sim.modelId });
  const calls = (runId: string) => test.db.query<Call>("SELECT step, status, rows, tokens_in, tokens_out, cost_usd FROM llm_calls WHERE run_id = $1 ORDER BY id", [runId]);
  const names = (dir: string, file: string) => readFileSync(path.join(dir, file), "utf8").trim().split("\n").slice(1).map((l) => l.split(",")[1]);

  beforeAll(async () => {
    sim = await startSimulatedModel({ latencyMs: 0, dataDir: GAME });
    test = await createTestDatabase("postgres");
  });
  afterAll(async () => {
    await sim?.close();
    await test?.dispose();
  });

  it("sends one request over the distinct names, records its cost, and fixes what the rules got wrong; the run then loads ≥ 95%", async () => {
    const rulesDir = mkdtempSync(path.join(os.tmpdir(), "wb-roster-rules-"));
    expect((await start(["roster", "--input", CSV, "--out", rulesDir], {})).code).toBe(0);
    const out = mkdtempSync(path.join(os.tmpdir(), "wb-roster-llm-"));
    const before = sim.stats().requests;
    const proposed = await start(["roster", "--input", CSV, "--out", out, "--provider", "openai"], env());
    expect(proposed.code, proposed.out).toBe(0);
    expect(sim.stats().requests - before).toBe(1);
    expect(proposed.out).not.toContain(KEY);
    const runId = /run (roster-\S+)\)/.exec(proposed.out)![1]!;
    const [call, ...more] = await calls(runId);
    expect(more).toEqual([]);
    expect(call).toMatchObject({ step: "roster", status: "ok", rows: 1 });
    expect(call!.tokens_in + call!.tokens_out).toBe(sim.stats().delivered.tokensIn + sim.stats().delivered.tokensOut);
    expect(call!.cost_usd).toBeGreaterThan(0);
    expect(proposed.out).toContain(`$${call!.cost_usd.toFixed(4)}`);

    // The rules gave Gus Castillo's pitches to the batter Nico Castillo and took a city for a pitcher; the model's roster does not.
    const [rulesPitchers, pitchers, batters] = [names(rulesDir, "pitchers.csv"), names(out, "pitchers.csv"), names(out, "batters.csv")];
    expect(rulesPitchers).toContain("Nico Castillo");
    expect(rulesPitchers).not.toContain("Gus Castillo");
    expect(pitchers).toContain("Gus Castillo");
    expect(pitchers).not.toContain("Nico Castillo");
    expect(batters).toContain("Nico Castillo");
    expect(pitchers.some((n) => n === "Granite Bay")).toBe(false);
    expect(proposed.out).toMatch(/Gus Castillo: added by the model/);

    const rulesRun = await start(["--input", CSV, "--references", rulesDir], { DATABASE_URL: test.url! });
    const llmRun = await start(["--input", CSV, "--references", out], { DATABASE_URL: test.url! });
    expect(rulesRun.code).toBe(3); // the rules' tables alone: the quality gate holds the rows
    expect(llmRun.code, llmRun.out).toBe(0);
    const loadedRun = /Run (run-\S+)/.exec(llmRun.out)![1]!;
    const [loaded] = await test.db.query<{ n: number }>("SELECT count(*)::int AS n FROM plays WHERE run_id = $1", [loadedRun]);
    expect(loaded!.n / ROWS).toBeGreaterThanOrEqual(0.95);
  }, 300_000);

  it("stays offline by default: with a base URL but no key, roster sends nothing and needs no database", async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), "wb-roster-off-"));
    const before = sim.stats().requests;
    const { code, out: text } = await start(["roster", "--input", CSV, "--out", out], { OPENAI_BASE_URL: sim.baseURL, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    expect(code, text).toBe(0);
    expect(sim.stats().requests).toBe(before);
    expect(text).not.toMatch(/^Model /m);
    expect(names(out, "pitchers.csv").length).toBeGreaterThan(0);
  }, 120_000);

  it("a budget too small for the request stops it before it is sent: nothing billed, the rules' proposal written", async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), "wb-roster-budget-"));
    const before = sim.stats().requests;
    const { code, out: text } = await start(["roster", "--input", CSV, "--out", out, "--provider", "openai", "--max-cost", "0.00001"], env());
    expect(code, text).toBe(0);
    expect(sim.stats().requests).toBe(before);
    expect(text).toMatch(/The model gave no usable roster \(.*[Bb]udget.*\): the proposal below is the rules' alone/);
    const runId = /run (roster-\S+)\)/.exec(text)![1]!;
    expect(await calls(runId)).toEqual([]);
    expect(names(out, "pitchers.csv")).toContain("Nico Castillo");
  }, 120_000);

  it("an answer that breaks the schema is retried, then the rules' proposal is written and the reason said; every request is in the ledger", async () => {
    const broken = await startSimulatedModel({ latencyMs: 0, dataDir: GAME, faults: [{ kind: "schema", rate: 1 }] });
    try {
      const out = mkdtempSync(path.join(os.tmpdir(), "wb-roster-bad-"));
      const { code, out: text } = await start(["roster", "--input", CSV, "--out", out, "--provider", "openai"], { ...env(), OPENAI_BASE_URL: broken.baseURL });
      expect(code, text).toBe(0);
      expect(text).toMatch(/The model gave no usable roster \(The roster answer breaks the schema.*\): the proposal below is the rules' alone/);
      const runId = /run (roster-\S+)\)/.exec(text)![1]!;
      const ledger = await calls(runId);
      expect(ledger.length).toBe(broken.stats().requests);
      expect(ledger.length).toBeGreaterThan(1);
      expect(ledger.every((c) => c.step === "roster" && c.status === "error" && c.cost_usd > 0)).toBe(true);
      expect(names(out, "pitchers.csv")).toContain("Nico Castillo"); // the rules' reading, as offline
    } finally {
      await broken.close();
    }
  }, 120_000);
});
