import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulatedModel, type SimulatedModel } from "../../scripts/simulated-model/server";
import { findProjectRoot } from "../../src/config";
import { runCli as start } from "../support/cli";

// `npm start` as a user runs it: a child process on the pinned Node, with its own embedded database.
const root = findProjectRoot();
const KEY = "sk-test-cli-0123456789abcdefghijklmnop";

describe("npm start", () => {
  let sim: SimulatedModel;
  beforeAll(async () => {
    sim = await startSimulatedModel({ latencyMs: 20 });
  });
  afterAll(async () => {
    await sim.close();
  });

  it("runs offline with no keys and prints the summary: rows in = loaded + quarantined, checks, steps, top players", async () => {
    const { code, out } = await start(["--rows", "25"]);
    expect(code).toBe(0);
    expect(out).toContain("offline (rule-based");
    const m = /Rows\s+(\d+) in = (\d+) loaded \+ (\d+) quarantined/.exec(out);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBe(25);
    expect(Number(m![2]) + Number(m![3])).toBe(25);
    expect(out).toMatch(/consistency\s+passed \d+/);
    expect(out).toMatch(/Top pitchers/);
    expect(out).toMatch(/LLM\s+0 requests/);
  }, 120_000);

  it("calls the OpenAI path when a key is set, counts requests and cost, and never prints the key", async () => {
    const { code, out } = await start(["--rows", "24", "--provider", "openai", "--max-cost", "0.50"], {
      OPENAI_API_KEY: KEY, OPENAI_BASE_URL: sim.baseURL, OPENAI_MODEL: sim.modelId, LLM_CASCADE: "off",
    });
    expect(code).toBe(0);
    const requests = Number(/LLM\s+(\d+) requests/.exec(out)?.[1]);
    expect(requests).toBeGreaterThanOrEqual(3); // 24 plays, 8 per request
    expect(requests).toBeLessThanOrEqual(6);
    expect(out).toMatch(/\$0\.0\d{3}/);
    expect(out).not.toContain(KEY.slice(0, 12));
    expect(out).toContain("configured");
  }, 120_000);

  it("stops with the reason, instead of quarantining every row, when the provider cannot be reached", async () => {
    const { code, out } = await start(["--rows", "8", "--provider", "openai"], {
      OPENAI_API_KEY: KEY, OPENAI_BASE_URL: "http://127.0.0.1:9/v1", OPENAI_MODEL: sim.modelId, LLM_MAX_RETRIES: "1",
    });
    expect(code).toBe(1);
    expect(out).toMatch(/Error: The LLM provider answered none of the 8 plays: .*onnection/);
    expect(out).not.toContain(KEY.slice(0, 12));
  }, 120_000);

  it("holds the whole input back when the quality gate fails, and says so", async () => {
    const lines = readFileSync(path.join(root, "data", "playbyplay.csv"), "utf8").split("\n").slice(0, 8);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "wb-gate-")), "bad.csv");
    writeFileSync(file, [...lines, '""', '""', '""', ""].join("\n")); // 7 plays + 3 empty rows: 30% quarantined
    const { code, out } = await start(["--input", file]);
    expect(code).toBe(3); // rows held by the quality gate (see test/faults/accounting-held.test.ts)
    expect(out).toMatch(/Rows\s+10 in = 0 loaded \+ 3 quarantined \+ 7 held by the quality gate/);
    expect(out).toMatch(/Gate\s+FAILED: 30\.0% of rows quarantined, over the 5\.0% limit/);
    expect(out).toMatch(/1 × line 9: empty commentary text/);
  }, 120_000);

  it("the start script's own command (tsx on src/) prints what the tests' CLI prints", async () => {
    // Every other CLI test runs this run's bundle of src/cli/main.ts (test/support/test-bundles.ts): the same code.
    for (const args of [["--help"], ["--rows", "ten"]]) {
      const viaTsx = await start(args, {}, { viaTsx: true });
      expect(viaTsx.out).toContain(args[0] === "--help" ? "Usage: npm start -- [command] [options]" : "--rows");
      expect(await start(args)).toEqual(viaTsx);
    }
  }, 60_000);

  it("rejects a bad option with one line naming it", async () => {
    const { code, out } = await start(["--rows", "ten"]);
    expect(code).toBe(1);
    expect(out.trim()).toBe('Error: Expected `--rows` to be an integer ≥ 1, or "all", got "ten"');
    expect((await start(["--rows", "-3"])).out.trim()).toBe('Error: Expected `--rows` to be an integer ≥ 1, or "all", got "-3"');
  }, 60_000);
});
