import { afterAll, beforeAll, expect, it } from "vitest";
import type { SimulatedModel } from "../../../scripts/simulated-model/server";
import { createTestDatabase, type TestDatabase } from "../../support/databases";
import { API_KEY, extractorFor, loadPlays, recordEvents, startSim } from "./llm-test-kit";

let sim: SimulatedModel;
let t: TestDatabase;
beforeAll(async () => {
  // A server that echoes the key in its 401 message, as some providers do.
  sim = await startSim({ faults: [{ kind: "unauthorized", requests: [1] }, { kind: "server_error", requests: [2] }] });
  t = await createTestDatabase("pglite");
});
afterAll(async () => {
  await sim?.close();
  await t?.dispose();
});

it("the API key never reaches results, events, logs or the database, even when a server echoes it", async () => {
  const printed: string[] = [];
  const original = { log: console.log, error: console.error, warn: console.warn };
  for (const k of ["log", "error", "warn"] as const) console[k] = (...args: unknown[]) => void printed.push(args.map(String).join(" "));
  const { events, log } = recordEvents();
  const llm = extractorFor(sim, { db: t.db, events, batchSize: 8, concurrency: 1 });
  let result;
  try {
    result = await llm.extract(loadPlays().slice(0, 16), { runId: "secrets" });
  } finally {
    Object.assign(console, original);
  }

  const failure = result.failures[0];
  expect(failure?.reason).toMatch(/HTTP 401.*\[redacted\]/);
  expect(result.records.size).toBe(8);
  const calls = await t.db.query("SELECT * FROM llm_calls");
  const cache = await t.db.query("SELECT * FROM llm_cache");
  expect(calls.some((c) => String((c as { error: string | null }).error).includes("401"))).toBe(true);
  const everything = JSON.stringify([result.failures, log, calls, cache, printed, String(llm.options.model)]);
  expect(everything).not.toContain(API_KEY);
  expect(everything).not.toContain(API_KEY.slice(0, 12));
  expect(sim.stats().authorized).toBe(sim.stats().requests);
});
