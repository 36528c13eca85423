import { afterAll, beforeAll, expect, it } from "vitest";
import type { SimulatedModel } from "../../scripts/simulated-model/server";
import { runCli } from "../support/cli";
import { startSim } from "../transform/llm/llm-test-kit";

// `npm start -- --batch`: the extraction goes through the Batch API (one batch), and a line that fails is sent on its own.
let sim: SimulatedModel;
beforeAll(async () => {
  sim = await startSim({ batchLatencyMs: 50, faults: [{ kind: "batch_line_error", requests: [1] }, { kind: "poll_reset", requests: [2] }] });
});
afterAll(async () => {
  await sim?.close();
});

it("npm start -- --provider openai --batch loads every row through one batch, at half price", async () => {
  const { code, out } = await runCli(["--rows", "60", "--provider", "openai", "--batch"], {
    OPENAI_API_KEY: "sk-test-batch-cli-5d1f", OPENAI_BASE_URL: sim.baseURL, OPENAI_MODEL: sim.modelId, LLM_BATCH_POLL_MS: "20", LLM_CASCADE: "off",
  });
  expect(code, out).toBe(0);
  expect(out).toMatch(/Rows\s+60 in = 60 loaded \+ 0 quarantined/);
  const s = sim.stats();
  expect(s.batch.batches).toBe(1);
  expect(s.faults.batch_line_error).toBe(1);
  // Eight lines (seven of eight plays, one of four): seven answered in the batch, the failed one sent again on its own.
  expect(s.batch.requests).toBe(7);
  expect(s.requests).toBe(9);
  expect(out).not.toContain("sk-test-batch");
}, 120_000);
