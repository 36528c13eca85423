import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database";
import { startSimulatedModel, type SimulatedModel } from "../../scripts/simulated-model/server";
import { runCli } from "../support/cli";
import { DB_KINDS, type DbKind } from "../support/databases";
import { cliDatabase, runIdOf, type CliDatabase } from "../faults/accounting-cli";

// Issue 10: one pipeline, two executors. On the same input and settings, `npm start` (the ingest DAG in
// this process) and `npm start -- trigger` (the same DAG on pg-boss, worked by the trigger's worker) leave
// the same rows: plays, quarantine, row accounting and the LLM call ledger (its cost), each compared
// row by row without the run id and timestamps, offline and on the LLM path with a budget that stops mid-run.

/** Every row of a table as canonical JSON, without the columns that name the run or the moment. */
async function rowsOf(db: Database, table: string, drop: string[], where = "true"): Promise<string[]> {
  const rows = await db.query<{ row: string }>(
    `SELECT (to_jsonb(t) - $1::text[])::text AS row FROM ${table} t WHERE ${where} ORDER BY 1`,
    [drop],
  );
  return rows.map((r) => r.row);
}

interface Outcome {
  code: number;
  plays: string[];
  quarantine: string[];
  held: string[];
  accounting: string[];
  calls: string[];
  /** The run's LLM totals on its ledger row (read from the call ledger). */
  totals: string[];
}

async function outcomeOf(store: CliDatabase, code: number, out: string): Promise<Outcome> {
  const runId = runIdOf(out);
  return store.read(async (db) => ({
    code,
    plays: await rowsOf(db, "plays", ["run_id", "loaded_at"]),
    quarantine: await rowsOf(db, "quarantine", ["id", "run_id", "created_at"]),
    held: await rowsOf(db, "held_plays", ["run_id", "created_at", "held_at", "released_at", "released_by"]),
    accounting: await rowsOf(db, "run_row_accounting", ["run_id", "recorded_at"], `run_id = '${runId}'`),
    // The cost rows: one per request (or cache hit), as the provider answered it; durations vary from run to run.
    calls: await rowsOf(db, "llm_calls", ["id", "run_id", "created_at", "completed_at", "duration_ms"]),
    totals: await rowsOf(
      db,
      "(SELECT run_id, state, error, rows_in, rows_loaded, rows_quarantined, llm_requests, tokens_in, tokens_out, cost_usd, cache_hits FROM pipeline_runs)",
      ["run_id"], `run_id = '${runId}'`,
    ),
  }));
}

async function both(kind: DbKind, args: string[], env: Record<string, string>): Promise<[Outcome, Outcome]> {
  const inProcess = await cliDatabase(kind);
  const onBoss = await cliDatabase(kind);
  try {
    const a = await runCli(args, { ...env, ...inProcess.env }, { timeoutMs: 200_000 });
    const b = await runCli(["trigger", ...args], { ...env, ...onBoss.env }, { timeoutMs: 200_000 });
    return [await outcomeOf(inProcess, a.code, a.out), await outcomeOf(onBoss, b.code, b.out)];
  } finally {
    await inProcess.dispose();
    await onBoss.dispose();
  }
}

describe.each(DB_KINDS)("npm start and trigger leave the same rows (%s)", (kind) => {
  let sim: SimulatedModel;
  beforeAll(async () => {
    sim = await startSimulatedModel({ latencyMs: 5 });
  });
  afterAll(() => sim?.close());

  it("offline: 150 plays in two extract tasks", async () => {
    const [inProcess, onBoss] = await both(kind, ["--rows", "150"], {});
    expect(inProcess.code).toBe(0);
    expect(inProcess.plays.length).toBeGreaterThan(100);
    expect(onBoss).toEqual(inProcess);
  }, 300_000);

  it("LLM path, simulated model, a budget that stops mid-run: exit 4 both ways, the same rows and the same cost", async () => {
    // One request at a time, so which rows the budget reaches does not depend on timing.
    const env = { OPENAI_API_KEY: "simulated-key", OPENAI_BASE_URL: sim.baseURL, OPENAI_MODEL: sim.modelId, LLM_CONCURRENCY: "1", MAX_COST_USD: "0.005" };
    const [inProcess, onBoss] = await both(kind, ["--rows", "80", "--provider", "openai"], env);
    expect(inProcess.code).toBe(4);
    expect(inProcess.calls.length).toBeGreaterThan(0);
    expect(inProcess.quarantine.some((q) => q.includes("not extracted: Cost budget exceeded"))).toBe(true);
    expect(onBoss).toEqual(inProcess);
  }, 400_000);
});
