import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimulatedModel } from "../../scripts/simulated-model/server";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../support/databases";
import { DATA_DIR, startSim } from "../transform/llm/llm-test-kit";
import { accountFor, runOnSim } from "./llm-fault-kit";

// Issue 9 item 11: a 2 MB paragraph became one 542,477-token request. A row over LLM_MAX_ROW_TOKENS is
// quarantined before any request, with a reason naming the row, its size and the limit.
const lines = readFileSync(path.join(DATA_DIR, "playbyplay.csv"), "utf8").split("\n");
const normal = lines.slice(1, 21);
const huge = `"${"Delgado deals a slider at 86 mph and Okafor fouls it back. ".repeat(34_000)}"`; // ≈ 2 MB
const file = path.join(mkdtempSync(path.join(os.tmpdir(), "wb-size-")), "game.csv");
writeFileSync(file, [lines[0], ...normal.slice(0, 10), huge, ...normal.slice(10), ""].join("\n"));

describe.each(DB_KINDS)("a row over the token limit (%s)", (kind) => {
  let t: TestDatabase;
  let sim: SimulatedModel;
  beforeAll(async () => {
    [t, sim] = await Promise.all([createTestDatabase(kind), startSim()]);
  });
  afterAll(async () => {
    await sim?.close();
    await t?.dispose();
  });

  it("is quarantined before any request, naming the row, its token count and the limit; the others load", async () => {
    expect(huge.length).toBeGreaterThan(2_000_000);
    const result = await runOnSim(sim, t.db, { rows: 0, runId: "size", input: file });
    expect(result.rowsIn).toBe(21);
    expect(result.quarantine).toHaveLength(1);
    const reason = JSON.stringify(result.quarantine[0]!.reasons);
    expect(reason).toMatch(/row 11 \(line 12\): the text is [\d,]{7,} tokens, over the limit of 1,000 \(LLM_MAX_ROW_TOKENS\); not sent to the model/);
    expect(result.plays).toHaveLength(20);
    // No request carried it: 20 plays asked, and no request is anywhere near its size.
    expect(sim.stats().playsRequested).toBe(20);
    expect(sim.stats().tokensIn).toBeLessThan(20_000);
    const db = await accountFor(t.db, "size");
    expect(db.quarantined).toBe(1);
    expect(db.loadedHashes).toBe(new Set(result.plays.map((p) => p.play_hash)).size);
    expect(db.duplicateKeys).toBe(0);
  });
});
