import { spawn } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSimulatedModel, type SimulatedModel } from "../../scripts/simulated-model/server";
import { findProjectRoot } from "../../src/config";
import { cliCommand } from "../support/cli";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { until } from "../support/until";
import { DATA_DIR } from "../transform/llm/llm-test-kit";
import { FAULT_KEY, ledgerVsServed } from "./llm-fault-kit";

// Issue 9 item 3: a `trigger` killed by SIGKILL mid-run and resumed: the ledger counts every request the provider saw.
const root = findProjectRoot();
const KILL_AT = 5;
let t: TestDatabase;
let sim: SimulatedModel;
let victim: ReturnType<typeof cli> | undefined;

function cli(args: string[]) {
  // One process (never the tsx CLI, which runs the program in a child that SIGKILL would not reach).
  const child = spawn(process.execPath, cliCommand(args), {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_URL: t.url!, LLM_PROVIDER: "openai", OPENAI_API_KEY: FAULT_KEY,
      OPENAI_BASE_URL: sim.baseURL, OPENAI_MODEL: sim.modelId, LLM_CONCURRENCY: "3", LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (b: Buffer) => (out += b.toString()));
  child.stderr.on("data", (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number>((resolve) => child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  return { child, exited, output: () => out };
}

beforeAll(async () => {
  t = await createTestDatabase("postgres");
  sim = await startSimulatedModel({
    latencyMs: 250, dataDir: DATA_DIR,
    // The moment the provider receives request KILL_AT, the client dies without a chance to write anything more.
    onRequest: (n) => void (n === KILL_AT && victim?.child.kill("SIGKILL")),
  });
});
afterAll(async () => {
  victim?.child.kill("SIGKILL");
  await sim?.close();
  await t?.dispose();
});

it("after a SIGKILL mid-run and a resume, the ledger's request count equals what the simulated model saw", async () => {
  victim = cli(["trigger", "--rows", "96", "--batch-rows", "48"]);
  expect(await victim.exited).toBe(128);
  const runId = /Started run (\S+)/.exec(victim.output())?.[1];
  expect(runId, victim.output()).toBeDefined();
  // Let requests already on the wire arrive (up to 5 s on a busy machine) before comparing.
  const arrived = async () => {
    const v = await ledgerVsServed(t.db, sim.stats(), runId);
    return v.served.requests >= v.ledger.requests ? v : undefined;
  };
  await until(arrived, 5000, 50).catch(() => undefined);
  expect(sim.stats().requests).toBeGreaterThanOrEqual(KILL_AT);
  // Requests in flight when the process died stay `started`, with their forecast: the trace is there.
  const killed = await ledgerVsServed(t.db, sim.stats(), runId);
  // Every request the provider saw is in the ledger. One written `started` whose bytes had not left when the kill
  // landed (between the ledger row and the send) is in the ledger and never reached the provider: only such
  // `started` rows may be extra, none may be missing.
  const neverArrived = killed.ledger.requests - killed.served.requests;
  expect(neverArrived).toBeGreaterThanOrEqual(0);
  expect(neverArrived).toBeLessThanOrEqual(killed.ledger.started);
  expect(killed.ledger.started).toBeGreaterThanOrEqual(1);

  const resumed = cli(["resume", runId!]);
  const code = await resumed.exited;
  expect(code, resumed.output()).toBe(0);
  const after = await ledgerVsServed(t.db, sim.stats(), runId);
  expect(after.served.requests).toBeGreaterThan(KILL_AT);
  // The resume's requests all count on both sides: the ledger and the provider differ only by what never arrived.
  expect(after.ledger.requests - after.served.requests).toBe(neverArrived);
  if (neverArrived === 0) expect(after.ledger.tokensIn).toBe(after.served.tokensIn);
  else expect(after.ledger.tokensIn).toBeGreaterThan(after.served.tokensIn);
  const [plays] = await t.db.query<{ n: number }>("SELECT count(DISTINCT play_hash)::int AS n FROM plays");
  const [raw] = await t.db.query<{ n: number }>("SELECT count(DISTINCT play_hash)::int AS n FROM raw_plays");
  expect(plays!.n).toBe(raw!.n);
}, 180_000);
