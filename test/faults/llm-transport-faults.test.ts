import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimulatedModel } from "../../scripts/simulated-model/server";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../support/databases";
import { startSim } from "../transform/llm/llm-test-kit";
import { accountFor, FAULT_KEY, runOnSim, type RunAccount } from "./llm-fault-kit";
import { runCli as startCli } from "../support/cli";

// Issue 9 item 2: a connection reset mid-body or a truncated HTTP body is a transport fault, retried like a 500,
// not a bad answer; at 20% of requests every row still loads.
const ROWS = 240;

/** The clean run both database kinds compare with: the same rows on a fault-free model, run once for the file. */
let cleanRun: Promise<{ plays: number; account: RunAccount }> | undefined;
const cleanReference = () =>
  (cleanRun ??= (async () => {
    const [clean, cleanSim] = await Promise.all([createTestDatabase("pglite"), startSim()]);
    try {
      const reference = await runOnSim(cleanSim, clean.db, { rows: ROWS, runId: "clean" });
      return { plays: reference.plays.length, account: await accountFor(clean.db, "clean") };
    } finally {
      await Promise.all([cleanSim.close(), clean.dispose()]);
    }
  })());

describe.each(DB_KINDS)("transport faults on 20 percent of requests (reset + truncate), in-process run on %s", (kind) => {
  let faulty: TestDatabase;
  let sim: SimulatedModel;
  beforeAll(async () => {
    faulty = await createTestDatabase(kind);
    sim = await startSim({ faults: [{ kind: "reset", rate: 0.1 }, { kind: "truncate", rate: 0.1 }], seed: 7 });
  });
  afterAll(async () => {
    await sim?.close();
    await faulty?.dispose();
  });

  it("retries every broken exchange: all rows load, none quarantined, same checksum as a clean run", async () => {
    const reference = await cleanReference();
    const result = await runOnSim(sim, faulty.db, { rows: ROWS, runId: "faulty" });
    const served = sim.stats();
    expect((served.faults.reset ?? 0) + (served.faults.truncate ?? 0)).toBeGreaterThanOrEqual(4);

    expect(result.rowsIn).toBe(ROWS);
    expect(result.quarantine).toEqual([]);
    expect(result.held).toEqual([]);
    expect(result.gate.passed).toBe(true);
    expect(result.plays).toHaveLength(ROWS);
    expect(result.llm.retries).toBeGreaterThanOrEqual((served.faults.reset ?? 0) + (served.faults.truncate ?? 0));

    const db = await accountFor(faulty.db, "faulty");
    const expected = reference.account;
    expect(reference.plays).toBe(ROWS);
    expect(db.quarantined).toBe(0);
    expect(db.duplicateKeys).toBe(0);
    expect(db.loadedHashes).toBe(new Set(result.plays.map((p) => p.play_hash)).size);
    expect(db.snapshot).toEqual(expected.snapshot);
  });
});

describe("npm start under transport faults", () => {
  let sim: SimulatedModel;
  beforeAll(async () => {
    sim = await startSim({ faults: [{ kind: "reset", rate: 0.1 }, { kind: "truncate", rate: 0.1 }], seed: 11 });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it("exits 0 with every row loaded", async () => {
    const { code, out } = await startCli(["--rows", "64", "--provider", "openai"], {
      OPENAI_API_KEY: FAULT_KEY, OPENAI_BASE_URL: sim.baseURL, OPENAI_MODEL: sim.modelId, LLM_CASCADE: "off",
    });
    expect((sim.stats().faults.reset ?? 0) + (sim.stats().faults.truncate ?? 0)).toBeGreaterThan(0);
    expect(code, out).toBe(0);
    expect(out).toMatch(/Rows\s+64 in = 64 loaded \+ 0 quarantined/);
  }, 120_000);
});

