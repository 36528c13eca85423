import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulatedModel, type SimulatedModel } from "../../scripts/simulated-model/server";
import { parsePlays } from "../../src/extract/play-reader";
import { DB_KINDS } from "../support/databases";
import { cli, cliDatabase, gameLines, runFacts, runIdOf, type CliDatabase } from "./accounting-cli";

// Issue 9, items 6 and 8 on the LLM path: one quarantine entry per input row even when the same text
// repeats, and a run stopped by its cost budget exits 4, says so (with the budget as given), and is failed.
const KEY = "sk-test-accounting-0123456789abcdef";

describe.each(DB_KINDS)("LLM path accounting on %s", (kind) => {
  const lines = gameLines();
  const repeated = lines[2]!; // play 3: a pitch, whose answer the model keeps breaking
  const repeatedHash = parsePlays(`playbyplay\n${repeated}\n`).plays[0]!.play_hash;
  let sim: SimulatedModel;
  let store: CliDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    sim = await startSimulatedModel({ latencyMs: 5, faults: [{ kind: "schema", playHash: repeatedHash }] });
    store = await cliDatabase(kind);
    env = { ...store.env, OPENAI_API_KEY: KEY, OPENAI_BASE_URL: sim.baseURL, OPENAI_MODEL: sim.modelId, LLM_CASCADE: "off" };
  });
  afterAll(async () => {
    await store.dispose();
    await sim.close();
  });

  it("a text on 5 rows that fails extraction is 5 quarantine entries (14 = 9 loaded + 5 quarantined)", async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "wb-dup-")), "dup.csv");
    writeFileSync(file, ["playbyplay", ...lines.slice(0, 10), repeated, repeated, repeated, repeated, ""].join("\n"));
    const r = await cli(["--input", file, "--provider", "openai"], { ...env, ALERT_QUALITY_MAX_FAILED_RATE: "0.5" });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Rows\s+14 in = 9 loaded \+ 5 quarantined/);
    const runId = runIdOf(r.out);
    const { facts, ids } = await store.read(async (db) => ({
      facts: await runFacts(db, runId),
      ids: (await db.query<{ play_id: number }>(`SELECT play_id FROM quarantine WHERE run_id = $1 ORDER BY play_id`, [runId])).map((x) => x.play_id),
    }));
    expect(ids).toEqual([3, 11, 12, 13, 14]);
    expect(facts.state).toBe("success");
    expect(facts.accounting).toMatchObject({ outcome: "loaded", rows_in: 14, loaded: 9, quarantined: 5, held: 0, balanced: true });
    expect(facts.plays).toBe(9);
    expect(facts.distinctPlayHashes).toBe(9);
    expect(r.out).not.toContain(KEY.slice(3, 15));
  }, 180_000);

  it("--max-cost 0.005 stops the run: exit 4, the budget printed as $0.005, no 'Fix the input', ledger failed, every row accounted", async () => {
    const r = await cli(["--rows", "80", "--provider", "openai", "--max-cost", "0.005"], env);
    expect(r.code).toBe(4);
    expect(r.out).toContain("by the cost budget of $0.005");
    expect(r.out).not.toContain("$0.01,");
    expect(r.out).not.toContain("over the budget of $0.01");
    expect(r.out).not.toContain("Fix the input");
    expect(r.out).toMatch(/Outcome\s+stopped by the cost budget \(exit 4\)/);
    const runId = runIdOf(r.out);
    const facts = await store.read((db) => runFacts(db, runId));
    expect(facts.state).toBe("failed");
    expect(facts.error).toMatch(/Stopped by the cost budget of \$0\.005: \d+ row\(s\) were not extracted/);
    expect(facts.accounting?.outcome).toBe("stopped");
    expect(facts.accounting?.rows_in).toBe(80);
    expect(facts.accounting?.balanced).toBe(true);
    const a = facts.accounting!;
    expect(a.loaded + a.quarantined + a.held).toBe(80);
    expect(a.quarantined).toBeGreaterThan(0);
  }, 180_000);

  it("trigger (the DAG) under a budget that runs out: exit 4, ledger failed, every row accounted", async () => {
    const r = await cli(["trigger", "--rows", "80", "--provider", "openai", "--force"], { ...env, MAX_COST_USD: "0.005" });
    expect(r.code).toBe(4);
    const runId = /run (ingest-[\w-]+) /.exec(r.out)![1]!;
    const facts = await store.read((db) => runFacts(db, runId));
    expect(facts.state).toBe("failed");
    expect(facts.error).toMatch(/Stopped by the cost budget of \$0\.005/);
    expect(facts.accounting).toMatchObject({ outcome: "stopped", rows_in: 80, balanced: true });
  }, 180_000);
});

describe.each(DB_KINDS)("most LLM batches failing on %s", (kind) => {
  let sim: SimulatedModel;
  let store: CliDatabase;
  beforeAll(async () => {
    sim = await startSimulatedModel({ latencyMs: 5, faults: [{ kind: "malformed", rate: 0.9 }] });
    store = await cliDatabase(kind);
  });
  afterAll(async () => {
    await store.dispose();
    await sim.close();
  });

  it("90% malformed answers: the gate holds, exit 3, ledger failed, alert fired, the summary blames the AI step, not the input", async () => {
    const env = { ...store.env, OPENAI_API_KEY: KEY, OPENAI_BASE_URL: sim.baseURL, OPENAI_MODEL: sim.modelId, LLM_MAX_RETRIES: "1", LLM_CASCADE: "off" };
    const r = await cli(["--rows", "40", "--provider", "openai"], env);
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/Cause: \d+ of the \d+ quarantined rows failed in the AI step/);
    expect(r.out).not.toContain("Fix the input");
    const facts = await store.read((db) => runFacts(db, runIdOf(r.out)));
    expect(facts.state).toBe("failed");
    expect(facts.alerts).toContain("quality-gate");
    const a = facts.accounting!;
    expect(a).toMatchObject({ outcome: "held", rows_in: 40, loaded: 0, balanced: true });
    expect(a.quarantined).toBeGreaterThan(2);
    expect(a.quarantined + a.held).toBe(40);
    expect(facts.heldThisRun).toBe(a.held);
    expect(facts.plays).toBe(0);
  }, 180_000);
});
