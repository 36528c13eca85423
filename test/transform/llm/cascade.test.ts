import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimulatedModel } from "../../../scripts/simulated-model/server";
import { findProjectRoot, loadConfig } from "../../../src/config";
import { readGroundTruth, readPlays, readReferenceTables } from "../../../src/extract";
import { calibrateCascade } from "../../../src/transform/llm/cascade-calibration";
import { settleByRules } from "../../../src/transform/llm/cascade";
import { llmOptionsFromConfig } from "../../../src/transform/llm";
import { extractionOf, extractorFor, loadPlays, startSim, truthByHash } from "./llm-test-kit";

// The cascade keeps the rules' record only where they are confident; what it keeps must be right. Measured on the
// project's game and on the two blind games (written by someone who had not read the rules; see
// test/transform/blind-game-otters.test.ts). The settle rates are floors of what the rules reach today.
const GAMES = [
  { dir: "data", settledAtLeast: 0.55 },
  { dir: "test/fixtures/blind-game-otters", settledAtLeast: 0.12 },
  { dir: "test/fixtures/blind-game-second", settledAtLeast: 0.15 },
];

describe.each(GAMES)("the cascade's confidence on $dir", ({ dir, settledAtLeast }) => {
  const full = path.join(findProjectRoot(), dir);
  const c = calibrateCascade(readPlays(path.join(full, "playbyplay.csv")).plays, readGroundTruth(full), readReferenceTables(full));

  it("keeps each field right at least 99% of the time on the rows it settles", () => {
    for (const f of c.fields) expect(f.precision, `${f.field}: ${f.correct} of ${f.kept}`).toBeGreaterThanOrEqual(0.99);
    expect(c.settledRowsCorrect / c.settledRows).toBeGreaterThanOrEqual(0.98);
  });

  it("settles a share of the rows, so only the rest cost a request", () => {
    expect(c.settledRows / c.rows).toBeGreaterThanOrEqual(settledAtLeast);
    expect(c.settledRows).toBeLessThan(c.rows);
  });
});

describe("the LLM extractor with the cascade", () => {
  let sim: SimulatedModel;
  beforeAll(async () => {
    sim = await startSim();
  });
  afterAll(async () => {
    await sim?.close();
  });

  it("sends only the rows the rules did not settle, and every row comes back equal to the ground truth", async () => {
    const plays = loadPlays().slice(0, 200);
    const truth = truthByHash();
    const { settled } = settleByRules(plays, readReferenceTables(path.join(findProjectRoot(), "data")));
    const before = sim.stats();
    const llm = extractorFor(sim, { cascade: true, batchSize: 8 });
    const forecast = await llm.forecast(plays);
    const r = await llm.extract(plays, { runId: "cascade" });
    const s = sim.stats();
    expect(r.stats.settledRows).toBe(settled.size);
    expect(settled.size).toBeGreaterThan(plays.length / 3);
    expect(s.playsRequested - before.playsRequested).toBe(plays.length - settled.size);
    expect(s.extractionRequests - before.extractionRequests).toBe(Math.ceil((plays.length - settled.size) / 8));
    expect(forecast.requests).toBe(r.stats.requests);
    expect(r.failures).toEqual([]);
    for (const p of plays) expect(r.records.get(p.play_hash), `play ${p.play_id}`).toEqual(extractionOf(truth.get(p.play_hash)!));
  });

  it("LLM_CASCADE=off sends every row to the model; on is the default", () => {
    const env = { LLM_PROVIDER: "openai", OPENAI_API_KEY: "sk-test-cascade", PGLITE_DIR: "memory://" };
    expect(llmOptionsFromConfig(loadConfig({ env, loadDotenv: false })).cascade).toBe(true);
    expect(llmOptionsFromConfig(loadConfig({ env: { ...env, LLM_CASCADE: "off" }, loadDotenv: false })).cascade).toBe(false);
    expect(() => loadConfig({ env: { ...env, LLM_CASCADE: "maybe" }, loadDotenv: false })).toThrow(/LLM_CASCADE/);
  });
});
