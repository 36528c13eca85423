import { afterEach, describe, expect, it } from "vitest";
import type { SimulatedModel } from "../../scripts/simulated-model/server";
import { LlmRateLimitError } from "../../src/errors";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { extractorFor, loadPlays, recordEvents, startSim } from "../transform/llm/llm-test-kit";
import { accountFor, runOnSim } from "./llm-fault-kit";

// Issue 9 item 4: retry-after is honoured up to a ceiling (LLM_RETRY_AFTER_MAX_S, default 60 s; 3 s here to keep it fast),
// not cut at the backoff cap; past the ceiling the batch is rescheduled instead of waited for.
const ROWS = 24;
let sim: SimulatedModel | undefined;
let t: TestDatabase | undefined;
afterEach(async () => {
  await sim?.close();
  await t?.dispose();
  sim = t = undefined;
});

describe("retry-after against a 3 s ceiling", () => {
  it("2 s (under the ceiling) is waited out in full, and every row loads", async () => {
    sim = await startSim({ faults: [{ kind: "rate_limit", requests: [1], retryAfterSeconds: 2 }] });
    t = await createTestDatabase("pglite");
    const { events, log } = recordEvents();
    const started = Date.now();
    const result = await runOnSim(sim, t.db, { rows: ROWS, runId: "ra-2", env: { LLM_RETRY_AFTER_MAX_S: "3", LLM_CONCURRENCY: "1" }, events });
    const elapsed = Date.now() - started;
    const retry = log.find(([n]) => n === "llm:retry")![1] as { delayMs: number; reason: string };
    expect(retry.delayMs).toBe(2000);
    expect(elapsed).toBeGreaterThanOrEqual(1950);
    expect(result.plays).toHaveLength(ROWS);
    expect(result.quarantine).toEqual([]);
    expect((await accountFor(t.db, "ra-2")).duplicateKeys).toBe(0);
  });

  it("the default ceiling is 60 s: a 20 s retry-after is waited out in full, not cut to 8 s", async () => {
    sim = await startSim({ faults: [{ kind: "rate_limit", requests: [1], retryAfterSeconds: 20 }] });
    const { events, log } = recordEvents();
    const llm = extractorFor(sim, { events, retry: { baseDelayMs: 5, capDelayMs: 200 } });
    expect(llm.options.retry.maxRetryAfterMs).toBe(60_000);
    const controller = new AbortController();
    const run = llm.extract(loadPlays().slice(0, 8), { runId: "ra-20", signal: controller.signal });
    await new Promise((r) => setTimeout(r, 300));
    const retry = log.find(([n]) => n === "llm:retry")?.[1] as { delayMs: number } | undefined;
    expect(retry?.delayMs).toBe(20_000);
    controller.abort(); // no need to sit through the 20 s here
    const result = await run;
    expect(result.stopped?.name).toBe("AbortError");
    expect(result.unfinished).toHaveLength(8);
  });

  it("5 s is over the ceiling: no wait, the step stops with the wait it must be rescheduled after; every row is accounted for", async () => {
    sim = await startSim({ faults: [{ kind: "rate_limit", requests: [1], retryAfterSeconds: 5 }] });
    const { events, log } = recordEvents();
    const llm = extractorFor(sim, { events, batchSize: 8, concurrency: 1, retry: { maxRetryAfterMs: 3000, baseDelayMs: 5 } });
    const started = Date.now();
    const result = await llm.extract(loadPlays().slice(0, ROWS), { runId: "ra-5" });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(result.stopped).toBeInstanceOf(LlmRateLimitError);
    expect((result.stopped as LlmRateLimitError).retryAfterMs).toBe(5000);
    expect(result.stopped!.message).toMatch(/wait 5 s .*over the 3 s ceiling.*not waited for; try again after it/);
    expect(result.failures).toEqual([]);
    expect(result.records.size + result.unfinished.length).toBe(ROWS);
    expect(result.unfinished.length).toBeGreaterThanOrEqual(8);
    // Progress hears the wait.
    expect(log.some(([n, e]) => n === "llm:retry" && (e as { delayMs: number }).delayMs === 5000)).toBe(true);
    expect(sim.stats().requests).toBeLessThanOrEqual(2);
  });

  it("in the pipeline, rows not reached are accounted for with the reason, and the run says why it stopped", async () => {
    sim = await startSim({ faults: [{ kind: "rate_limit", requests: [1], retryAfterSeconds: 5 }] });
    t = await createTestDatabase("pglite");
    const result = await runOnSim(sim, t.db, { rows: ROWS, runId: "ra-5p", env: { LLM_RETRY_AFTER_MAX_S: "3", LLM_CONCURRENCY: "1" } });
    expect(result.stoppedReason).toMatch(/over the 3 s ceiling/);
    expect(result.plays.length + result.held.length + result.quarantine.length).toBe(ROWS);
    expect(result.quarantine.length).toBeGreaterThanOrEqual(8);
    const db = await accountFor(t.db, "ra-5p");
    expect(db.duplicateKeys).toBe(0);
    expect(db.quarantined).toBe(result.quarantine.length);
  });
});
