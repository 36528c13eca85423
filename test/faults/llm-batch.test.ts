import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SimulatedModel } from "../../scripts/simulated-model/server";
import type { FaultRule } from "../../scripts/simulated-model/faults";
import { AbortError } from "../../src/errors";
import { costUsd, priceFor } from "../../src/monitor/cost";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../support/databases";
import { extractionOf, extractorFor, loadPlays, startSim, truthByHash } from "../transform/llm/llm-test-kit";

// Issue 12: the Batch API at half price. A batch that fails some lines, expires half-way, fails outright, or whose
// poll loses its connection still ends with every row extracted; a run that dies while its batch runs re-attaches to
// it when run again, and nothing is paid twice.
const ROWS = 96;
const plays = loadPlays().slice(0, ROWS);
const truth = truthByHash();

describe.each(DB_KINDS)("the Batch API under faults (%s)", (kind) => {
  let t: TestDatabase;
  let sim: SimulatedModel | undefined;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const run = async (runId: string, faults: FaultRule[]) => {
    sim = await startSim({ faults, seed: 5, batchLatencyMs: 30 });
    const llm = extractorFor(sim, { db: t.db, batchApi: true, batchPollMs: 10, batchSize: 8 });
    const r = await llm.extract(plays, { runId });
    const [ledger] = await t.db.query<{ lines: number; started: number; cost: number }>(
      "SELECT count(*)::int AS lines, count(*) FILTER (WHERE status = 'started')::int AS started, coalesce(sum(cost_usd), 0)::float8 AS cost FROM llm_calls WHERE run_id = $1",
      [runId],
    );
    return { r, s: sim.stats(), ledger: ledger!, price: priceFor(sim.modelId)! };
  };
  const allTrue = (records: Map<string, unknown>) => {
    for (const p of plays) expect(records.get(p.play_hash), `play ${p.play_id}`).toEqual(extractionOf(truth.get(p.play_hash)!));
  };

  it("a clean batch: one file, one batch, every line billed at half price and in the ledger", async () => {
    const { r, s, ledger, price } = await run("clean", []);
    expect(r.failures).toEqual([]);
    allTrue(r.records);
    expect(s.batch.batches).toBe(1);
    expect(s.batch.requests).toBe(ROWS / 8);
    expect(s.requests).toBe(s.batch.requests); // nothing sent on its own
    expect(ledger).toMatchObject({ lines: ROWS / 8, started: 0 });
    expect(ledger.cost).toBeCloseTo(costUsd({ tokensIn: s.tokensIn, tokensOut: s.tokensOut }, price) / 2, 10);
    expect(r.stats.costUsd).toBeCloseTo(ledger.cost, 10);
    // The forecast prices the Batch API at half the standard rate too.
    const forecast = (batchApi: boolean) => extractorFor(sim!, { batchApi, batchSize: 8 }).forecast(plays);
    expect((await forecast(true)).expectedCostUsd).toBeCloseTo((await forecast(false)).expectedCostUsd / 2, 12);
  });

  it("lines that fail and polls whose connection is reset: the failed lines are sent on their own, every row loads", async () => {
    const { r, s, ledger } = await run("lines", [{ kind: "batch_line_error", rate: 0.4 }, { kind: "poll_reset", requests: [1, 2, 3] }]);
    expect(s.faults.batch_line_error ?? 0).toBeGreaterThanOrEqual(1);
    expect(s.faults.poll_reset).toBe(3);
    expect(r.failures).toEqual([]);
    allTrue(r.records);
    // Each failed line is one request sent again on its own; the ledger has every line and every request.
    expect(s.requests - s.batch.requests).toBeGreaterThanOrEqual(2 * (s.faults.batch_line_error ?? 0));
    expect(ledger.lines).toBe(s.requests);
    expect(ledger.started).toBe(0);
  });

  it("a batch that expires half-way: the lines it answered are kept, the rest are sent on their own", async () => {
    const { r, s } = await run("expired", [{ kind: "batch_expired", times: 1 }]);
    expect(s.faults.batch_expired).toBe(1);
    expect(s.batch.requests).toBe(ROWS / 8 / 2);
    expect(s.requests - s.batch.requests).toBe(ROWS / 8 / 2);
    expect(r.failures).toEqual([]);
    allTrue(r.records);
  });

  it("a batch that fails: nothing was billed, every request is sent on its own", async () => {
    const { r, s } = await run("failed", [{ kind: "batch_failed", times: 1 }]);
    expect(s.batch.requests).toBe(0);
    expect(s.requests).toBe(ROWS / 8);
    allTrue(r.records);
  });
});

describe.each(DB_KINDS)("a run that dies while its batch runs (%s)", (kind) => {
  let t: TestDatabase;
  let sim: SimulatedModel;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await sim?.close();
    await t.db.query("DELETE FROM llm_batches");
    await t.db.query("DELETE FROM llm_calls");
    await t.db.query("DELETE FROM llm_cache");
  });
  afterAll(async () => {
    await t?.dispose();
  });

  /** Start a batch run, stop it when `when` says so, then run again on the same database. */
  const dieThenResume = async (when: () => Promise<boolean>, recordedAs: string) => {
    sim = await startSim({ batchLatencyMs: 300 });
    const stop = new AbortController();
    const first = extractorFor(sim, { db: t.db, batchApi: true, batchPollMs: 20 }).extract(plays, { runId: "crash", signal: stop.signal });
    while (!(await when())) await new Promise((r) => setTimeout(r, 2));
    stop.abort();
    const died = await first;
    expect(died.stopped).toBeInstanceOf(AbortError);
    expect(died.unfinished).toHaveLength(ROWS);
    expect((await t.db.query<{ status: string }>("SELECT status FROM llm_batches"))[0]!.status).toBe(recordedAs);
    expect((await t.db.query("SELECT 1 FROM llm_calls WHERE status = 'started'")).length).toBe(ROWS / 8);
    const again = await extractorFor(sim, { db: t.db, batchApi: true, batchPollMs: 20 }).extract(plays, { runId: "crash" });
    const s = sim.stats();
    expect(s.batch.batches).toBe(1);
    expect(s.requests).toBe(ROWS / 8);
    expect(again.failures).toEqual([]);
    for (const p of plays) expect(again.records.get(p.play_hash), `play ${p.play_id}`).toEqual(extractionOf(truth.get(p.play_hash)!));
    const ledger = await t.db.query<{ status: string }>("SELECT status FROM llm_calls WHERE status <> 'cache_hit'");
    expect(ledger).toHaveLength(ROWS / 8);
    expect(ledger.every((c) => c.status === "ok")).toBe(true);
    expect((await t.db.query<{ status: string }>("SELECT status FROM llm_batches"))[0]!.status).toBe("collected");
  };

  it("after the batch id is recorded: re-attaches to it, each line in the ledger once, nothing paid twice", async () => {
    await dieThenResume(async () => (await t.db.query("SELECT 1 FROM llm_batches WHERE status = 'submitted'")).length > 0, "submitted");
  });

  it("between creating the batch and recording its id: finds it by its key in the provider's list", async () => {
    await dieThenResume(async () => sim.stats().batch.batches > 0, "submitting");
  });
});
