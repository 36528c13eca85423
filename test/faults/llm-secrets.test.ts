import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimulatedModel } from "../../scripts/simulated-model/server";
import { MIN_SECRET_FRAGMENT, secretRedactor } from "../../src/transform/llm/chat-client";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../support/databases";
import { startSim } from "../transform/llm/llm-test-kit";
import { FAULT_KEY, runOnSim } from "./llm-fault-kit";

// Issue 9 item 12: a server echoing part of the key without its `sk-` prefix got that fragment into
// quarantine.reasons and llm_calls.error; and the response cache was keyed by host only, not port.
const fragments = Array.from({ length: FAULT_KEY.length - MIN_SECRET_FRAGMENT + 1 }, (_, i) => FAULT_KEY.slice(i, i + MIN_SECRET_FRAGMENT));
const leaks = (text: string) => fragments.filter((f) => text.includes(f));

describe.each(DB_KINDS)("secrets and the cache address (%s)", (kind) => {
  let t: TestDatabase;
  let echo: SimulatedModel;
  let a: SimulatedModel;
  let b: SimulatedModel;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    [echo, a, b] = await Promise.all([startSim({ faults: [{ kind: "unauthorized", requests: [1], echoWithoutPrefix: true }] }), startSim(), startSim()]);
  });
  afterAll(async () => {
    await Promise.all([echo?.close(), a?.close(), b?.close()]);
    await t?.dispose();
  });

  it("no 8-character fragment of the key reaches the quarantine, the ledger, the result or the console", async () => {
    const printed: string[] = [];
    const original = { log: console.log, error: console.error, warn: console.warn };
    for (const k of ["log", "error", "warn"] as const) console[k] = (...args: unknown[]) => void printed.push(args.map(String).join(" "));
    let result;
    try {
      result = await runOnSim(echo, t.db, { rows: 24, runId: "echo", env: { LLM_CONCURRENCY: "1" } });
    } finally {
      Object.assign(console, original);
    }
    const calls = await t.db.query<{ error: string | null }>("SELECT error FROM llm_calls WHERE run_id = 'echo'");
    const quarantine = await t.db.query<{ reasons: unknown }>("SELECT reasons FROM quarantine WHERE run_id = 'echo'");
    // The server did echo a fragment, and the failure was recorded: the test sees what it must hide.
    expect(calls.some((c) => /HTTP 401/.test(c.error ?? ""))).toBe(true);
    expect(quarantine.length).toBe(8);
    expect(JSON.stringify(quarantine)).toMatch(/HTTP 401.*Incorrect API key provided: \[redacted\]/);
    expect(result.plays.length + result.held.length + result.quarantine.length).toBe(24);
    expect(leaks(JSON.stringify([calls, quarantine, result.quarantine, result.stoppedReason, printed]))).toEqual([]);
  });

  it("the redactor hides any fragment of 8 or more characters, with or without the prefix, and leaves shorter ones", () => {
    const redact = secretRedactor(FAULT_KEY);
    const body = FAULT_KEY.slice(3, 19);
    expect(redact(`key ${body} echoed`)).toBe("key [redacted] echoed");
    expect(redact(`tail ${FAULT_KEY.slice(-8)}.`)).toBe("tail [redacted].");
    expect(redact(`short ${FAULT_KEY.slice(5, 12)}`)).toBe(`short ${FAULT_KEY.slice(5, 12)}`);
    expect(leaks(redact(`${FAULT_KEY} and ${FAULT_KEY.slice(10)} and ${FAULT_KEY.slice(0, 20)}`))).toEqual([]);
  });

  it("the cache is keyed by host and port: a server on another port of the same host answers for itself", async () => {
    expect(new URL(a.baseURL).hostname).toBe(new URL(b.baseURL).hostname);
    await runOnSim(a, t.db, { rows: 16, runId: "port-a" });
    const rerun = await runOnSim(a, t.db, { rows: 16, runId: "port-a2" });
    expect(rerun.llm.cachedRows).toBe(16);
    const other = await runOnSim(b, t.db, { rows: 16, runId: "port-b" });
    expect(other.llm.cachedRows).toBe(0);
    expect(b.stats().playsRequested).toBe(16);
  });
});
