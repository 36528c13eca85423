import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimulatedModel } from "../../scripts/simulated-model/server";
import { costByStep, totalCost } from "../../src/monitor/cost";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../support/databases";
import { startSim } from "../transform/llm/llm-test-kit";
import { accountFor, ledgerVsServed, runOnSim } from "./llm-fault-kit";

// Issue 9 item 3: every billed request leaves a trace. Each transport fault below bills an answer the client never reads.
const ROWS = 160;

describe.each(DB_KINDS)("the llm_calls ledger under every transport fault, in-process run on %s", (kind) => {
  let t: TestDatabase;
  let sim: SimulatedModel;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    sim = await startSim({
      seed: 3,
      faults: [
        { kind: "reset", rate: 0.06 }, { kind: "truncate", rate: 0.06 }, { kind: "close", rate: 0.06 },
        { kind: "garbled", rate: 0.06 }, { kind: "hang", rate: 0.04 }, { kind: "server_error", rate: 0.04 },
      ],
    });
  });
  afterAll(async () => {
    await sim?.close();
    await t?.dispose();
  });

  it("records every request the simulated model saw; known usage exactly, the rest marked usage_unknown with the forecast", async () => {
    const result = await runOnSim(sim, t.db, { rows: ROWS, runId: "ledger", env: { LLM_TIMEOUT_MS: "4000" } }); // long enough that only a hang times out, even on a busy machine
    const served = sim.stats();
    expect(served.undelivered.requests).toBeGreaterThanOrEqual(3);
    const { ledger, served: s } = await ledgerVsServed(t.db, served, "ledger");
    expect(ledger.requests).toBe(s.requests);
    expect(ledger.usageUnknown).toBe(s.undelivered);
    expect(ledger.started).toBe(0);
    // The estimate of input tokens is the very count the provider bills (same tokenizer, same request).
    expect(ledger.tokensIn).toBe(s.tokensIn);
    expect(ledger.tokensOutKnown).toBe(s.tokensOutDelivered);

    const unknown = await t.db.query<{ tokens_in: number; tokens_out: number; cost_usd: number; error: string; completed_at: unknown }>(
      "SELECT tokens_in, tokens_out, cost_usd, error, completed_at FROM llm_calls WHERE run_id = 'ledger' AND status = 'usage_unknown'",
    );
    for (const u of unknown) {
      expect(u.tokens_in).toBeGreaterThan(0);
      expect(u.tokens_out).toBeGreaterThan(0);
      expect(u.cost_usd).toBeGreaterThan(0);
      expect(u.error).toMatch(/connection broke|not valid JSON|timed out/);
      expect(u.completed_at).not.toBeNull();
    }
    // What the run reports is what the ledger holds, estimates included.
    const steps = await costByStep(t.db, "ledger");
    expect(steps.reduce((n, x) => n + x.requests, 0)).toBe(result.llm.requests);
    expect(steps.reduce((n, x) => n + x.tokensIn, 0)).toBe(result.llm.tokensIn);
    expect(totalCost(steps).usageUnknownRequests).toBe(s.undelivered);

    const db = await accountFor(t.db, "ledger");
    expect(result.quarantine).toEqual([]);
    expect(result.plays).toHaveLength(ROWS);
    expect(db.duplicateKeys).toBe(0);
    expect(db.loadedHashes).toBe(new Set(result.plays.map((p) => p.play_hash)).size);
  });
});
