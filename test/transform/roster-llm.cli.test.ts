import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulatedModel, type SimulatedModel } from "../../scripts/simulated-model/server";
import { runCli as start } from "../support/cli";
import { createTestDatabase, type TestDatabase } from "../support/databases";

// `roster --provider openai` on the second blind game (a shared surname, a two-way player, players named once): one
// request to the simulated model, which knows that game's tables, then the run with the merged tables; the answer is
// cached, so a second `roster` over the same text sends nothing. The real CLI, the real OpenAI SDK, real PostgreSQL.
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

  it("sends one request over the distinct names, records its cost, and keeps the two Castillos apart; the run then loads ≥ 95%", async () => {
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

    // Gus Castillo pitches to Nico Castillo; Ty Brannigan bats and pitches; a city is no pitcher.
    const [pitchers, batters] = [names(out, "pitchers.csv"), names(out, "batters.csv")];
    expect(pitchers).toContain("Gus Castillo");
    expect(pitchers).not.toContain("Nico Castillo");
    expect(batters).toContain("Nico Castillo");
    expect(pitchers).toContain("Ty Brannigan");
    expect(batters).toContain("Ty Brannigan");
    expect(pitchers.some((n) => n === "Granite Bay")).toBe(false);

    const llmRun = await start(["--input", CSV, "--references", out], { DATABASE_URL: test.url! });
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

  it("a second roster over the same text is answered from the response cache: no request, nothing billed, the same tables", async () => {
    const own = await createTestDatabase("postgres"); // nothing cached yet
    try {
      const ownEnv = { ...env(), DATABASE_URL: own.url! };
      const [first, second] = [mkdtempSync(path.join(os.tmpdir(), "wb-roster-c1-")), mkdtempSync(path.join(os.tmpdir(), "wb-roster-c2-"))];
      const before = sim.stats().requests;
      expect((await start(["roster", "--input", CSV, "--out", first, "--provider", "openai"], ownEnv)).code).toBe(0);
      expect(sim.stats().requests - before).toBe(1);
      const again = await start(["roster", "--input", CSV, "--out", second, "--provider", "openai"], ownEnv);
      expect(again.code, again.out).toBe(0);
      expect(sim.stats().requests - before).toBe(1);
      expect(again.out).toMatch(/came from the response cache .*: 0 requests, \$0\.0000/);
      const runId = /run (roster-\S+)\)/.exec(again.out)![1]!;
      const ledger = await own.db.query<Call>("SELECT step, status, rows, tokens_in, tokens_out, cost_usd FROM llm_calls WHERE run_id = $1", [runId]);
      expect(ledger).toEqual([{ step: "roster", status: "cache_hit", rows: 1, tokens_in: 0, tokens_out: 0, cost_usd: 0 }]);
      for (const file of ["pitchers.csv", "batters.csv"]) expect(readFileSync(path.join(second, file), "utf8")).toBe(readFileSync(path.join(first, file), "utf8"));
      // Another model behind the same server is another answer: asked again.
      const other = await start(["roster", "--input", CSV, "--out", mkdtempSync(path.join(os.tmpdir(), "wb-roster-c3-")), "--provider", "openai"], { ...ownEnv, OPENAI_MODEL: "gpt-4o" });
      expect(other.code, other.out).toBe(0);
      expect(sim.stats().requests - before).toBe(2);
    } finally {
      await own.dispose();
    }
  }, 300_000);

  it("a budget too small for the request stops it before it is sent: nothing billed, the rules' proposal written", async () => {
    const own = await createTestDatabase("postgres"); // no cached answer to stand in for the request
    try {
      const out = mkdtempSync(path.join(os.tmpdir(), "wb-roster-budget-"));
      const offline = mkdtempSync(path.join(os.tmpdir(), "wb-roster-budget-rules-"));
      expect((await start(["roster", "--input", CSV, "--out", offline], {})).code).toBe(0);
      const before = sim.stats().requests;
      const { code, out: text } = await start(["roster", "--input", CSV, "--out", out, "--provider", "openai", "--max-cost", "0.00001"], { ...env(), DATABASE_URL: own.url! });
      expect(code, text).toBe(0);
      expect(sim.stats().requests).toBe(before);
      expect(text).toMatch(/The model gave no usable roster \(.*[Bb]udget.*\): the proposal below is the rules' alone/);
      const runId = /run (roster-\S+)\)/.exec(text)![1]!;
      expect(await own.db.query("SELECT 1 FROM llm_calls WHERE run_id = $1", [runId])).toEqual([]);
      expect(readFileSync(path.join(out, "pitchers.csv"), "utf8")).toBe(readFileSync(path.join(offline, "pitchers.csv"), "utf8"));
    } finally {
      await own.dispose();
    }
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
      expect(names(out, "pitchers.csv")).toContain("Gus Castillo"); // the rules' reading, as offline
    } finally {
      await broken.close();
    }
  }, 120_000);
});
