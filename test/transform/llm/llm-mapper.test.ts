import { afterEach, expect, it } from "vitest";
import type { Extraction } from "../../../src/domain";
import type { SimulatedModel } from "../../../scripts/simulated-model/server";
import { extractionOf, extractorFor, startSim, truthByHash } from "./llm-test-kit";

let sim: SimulatedModel | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** Every truth record, plus one play whose pitcher is only a nickname no rule can resolve. */
function recordsWithNickname(): { records: Map<string, Extraction>; hash: string } {
  const truth = [...truthByHash().values()].filter((r) => r.pitcher_id !== null && r.batter_id !== null);
  const records = new Map(truth.map((r) => [r.play_hash, extractionOf(r)]));
  const hash = "00000000000000aa";
  records.set(hash, { ...extractionOf(truth[0]!), pitcher_name: "The Masked Closer" });
  return { records, hash };
}

it("maps by distinct name, rules first, and sends only the unresolved names in one request", async () => {
  const { records, hash } = recordsWithNickname();
  sim = await startSim();
  const result = await extractorFor(sim).map(records, { runId: "map" });
  expect(sim.stats().mappingRequests).toBe(1);
  expect(sim.stats().namesRequested).toBe(1);
  expect(result.stats.askedLlm).toBe(1);
  expect(result.mappings.get(hash)).toMatchObject({ pitcher_id: null, pitcher_confidence: null });
  expect(result.unresolved).toEqual([{ kind: "pitcher", name: "The Masked Closer", reason: "no reference entry fits" }]);
  const truth = truthByHash();
  for (const [h, m] of result.mappings) if (h !== hash) expect(m.pitcher_id).toBe(truth.get(h)!.pitcher_id);
});

it("rejects an ID that is not in the reference tables", async () => {
  const { records, hash } = recordsWithNickname();
  sim = await startSim({ faults: [{ kind: "wrong_id" }] });
  const result = await extractorFor(sim).map(records, { runId: "map-wrong" });
  expect(result.mappings.get(hash)!.pitcher_id).toBeNull();
  expect(result.unresolved).toHaveLength(1);
  expect(result.unresolved[0]!.reason).toMatch(/ID 999999, which is not in the reference/);
  expect(sim.stats().mappingRequests).toBe(2);
});
