import { afterEach, describe, expect, it } from "vitest";
import type { RawPlay } from "../../../src/domain";
import type { FaultRule } from "../../../scripts/simulated-model/faults";
import type { SimulatedModel } from "../../../scripts/simulated-model/server";
import { extractionOf, extractorFor, loadPlays, recordEvents, startSim, truthByHash } from "./llm-test-kit";

const plays: RawPlay[] = loadPlays().slice(0, 24); // three batches of 8
const target = plays[10]!; // in the middle of the second batch
const truth = truthByHash();
let sim: SimulatedModel | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function run(faults: FaultRule[], options: Parameters<typeof extractorFor>[1] = {}) {
  sim = await startSim({ faults });
  const { events, log } = recordEvents();
  const result = await extractorFor(sim, { events, batchSize: 8, ...options }).extract(plays, { runId: "faults" });
  return { result, log, stats: sim.stats() };
}

describe("a fault that passes: every row ends extracted after a retry or a repair", () => {
  it.each<[string, FaultRule[]]>([
    ["429 with retry-after", [{ kind: "rate_limit", requests: [1], retryAfterMs: 40 }]],
    ["500 twice", [{ kind: "server_error", requests: [1, 2] }]],
    ["a hang past the client timeout", [{ kind: "timeout", requests: [2] }]],
    ["a truncated answer", [{ kind: "truncated", playHash: target.play_hash, times: 1 }]],
    ["malformed JSON", [{ kind: "malformed", playHash: target.play_hash, times: 1 }]],
    ["one play breaking the schema", [{ kind: "schema", playHash: target.play_hash, times: 1 }]],
    ["a refusal", [{ kind: "refusal", playHash: target.play_hash, times: 1 }]],
  ])("%s", async (_name, faults) => {
    const { result, log, stats } = await run(faults, { timeoutMs: 400 });
    expect(result.failures).toEqual([]);
    for (const p of plays) expect(result.records.get(p.play_hash)).toEqual(extractionOf(truth.get(p.play_hash)!));
    expect(Object.values(stats.faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(log.filter(([n]) => n === "llm:retry").length).toBeGreaterThan(0);
    expect(stats.requests).toBeLessThanOrEqual(3 + 2);
  });

  it("honours retry-after: the retry waits what the server asked", async () => {
    const { log } = await run([{ kind: "rate_limit", requests: [1], retryAfterMs: 40 }]);
    const retry = log.find(([n]) => n === "llm:retry")![1] as { delayMs: number; reason: string };
    expect(retry.delayMs).toBe(40);
    expect(retry.reason).toMatch(/429/);
  });

  it("re-asks only the play whose item broke the schema, not its neighbours", async () => {
    const { stats } = await run([{ kind: "schema", playHash: target.play_hash, times: 1 }]);
    expect(stats.requests).toBe(4);
    expect(stats.playsRequested).toBe(24 + 1);
  });
});

describe("a fault that persists: the row is quarantined with its reason, its neighbours are not", () => {
  it.each<[string, FaultRule["kind"], RegExp]>([
    ["schema break", "schema", /breaks the schema at `outs`/],
    ["refusal", "refusal", /refused/],
    ["truncation", "truncated", /truncated/],
    ["malformed JSON", "malformed", /not valid JSON/],
  ])("%s on one play", async (_name, kind, reason) => {
    const { result, stats } = await run([{ kind, playHash: target.play_hash }]);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({ play_id: target.play_id, play_hash: target.play_hash });
    expect(result.failures[0]!.reason).toMatch(reason);
    expect(result.records.size).toBe(23);
    for (const p of plays.filter((x) => x !== target)) expect(result.records.get(p.play_hash)).toEqual(extractionOf(truth.get(p.play_hash)!));
    // Bisecting isolates the row in log2(8) splits: far fewer requests than re-asking each row alone.
    expect(stats.requests).toBeLessThanOrEqual(3 + 9);
  });

  it("the retry budget bounds the requests of a run whatever the server does", async () => {
    const { result, stats } = await run([{ kind: "server_error", rate: 1 }], { retry: { retryBudget: 5, baseDelayMs: 1 } });
    expect(stats.requests).toBe(3 + 5);
    expect(result.records.size).toBe(0);
    expect(result.failures).toHaveLength(24);
    expect(result.failures.every((f) => /HTTP 500/.test(f.reason))).toBe(true);
  });

  it("a provider that keeps timing out ends every row quarantined after the declared attempts", async () => {
    const { result, stats } = await run([{ kind: "timeout", rate: 1 }], { timeoutMs: 200, retry: { maxAttempts: 2, baseDelayMs: 1 } });
    expect(stats.requests).toBe(3 * 2);
    expect(result.failures.map((f) => f.reason)).toEqual(Array(24).fill("The request timed out (after 2 attempts)"));
  });
});
