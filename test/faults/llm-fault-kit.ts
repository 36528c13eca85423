import { loadConfig, type Config } from "../../src/config";
import type { PipelineEvents } from "../../src/events";
import type { Database } from "../../src/db/database";
import { snapshotPlays, type PlaysSnapshot } from "../../src/load/plays-snapshot";
import { runPipeline, type PipelineResult } from "../../src/pipeline/run-pipeline";
import type { SimulatedModel, SimulatedModelStats } from "../../scripts/simulated-model/server";

/** Shared by the LLM fault tests: the in-process pipeline pointed at the simulated model, and what the database then holds. */
export const FAULT_KEY = "sk-test-faults-4b1e9d7c2a5f8e3b6d0c";

export function simConfig(sim: SimulatedModel, env: Record<string, string> = {}): Config {
  return loadConfig({
    env: {
      LLM_PROVIDER: "openai", OPENAI_API_KEY: FAULT_KEY, OPENAI_BASE_URL: sim.baseURL, OPENAI_MODEL: sim.modelId,
      // These tests are about the model path: every row goes to the model (the cascade is tested in test/transform/llm).
      LLM_TIMEOUT_MS: "1500", LOG_LEVEL: "silent", PGLITE_DIR: "memory://", LLM_CASCADE: "off", ...env,
    },
    loadDotenv: false,
  });
}

export async function runOnSim(
  sim: SimulatedModel,
  db: Database,
  options: { rows: number; runId: string; env?: Record<string, string>; maxCostUsd?: number; events?: PipelineEvents; input?: string },
): Promise<PipelineResult> {
  return runPipeline({
    config: simConfig(sim, options.env), db, rows: options.rows, runId: options.runId, provider: "openai", maxCostUsd: options.maxCostUsd ?? 5,
    events: options.events, input: options.input,
  });
}

/** What the database says about a run: rows loaded (by play_hash), quarantine entries, duplicate keys, checksum. */
export interface RunAccount {
  loadedHashes: number;
  quarantined: number;
  duplicateKeys: number;
  snapshot: PlaysSnapshot;
}

export async function accountFor(db: Database, runId: string): Promise<RunAccount> {
  const [loaded] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM plays WHERE run_id = $1", [runId]);
  const [quarantined] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM quarantine WHERE run_id = $1", [runId]);
  const [dups] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM (SELECT play_hash FROM plays GROUP BY play_hash HAVING count(*) > 1) d");
  return { loadedHashes: loaded!.n, quarantined: quarantined!.n, duplicateKeys: dups!.n, snapshot: await snapshotPlays(db) };
}

/** The `llm_calls` ledger of a run, next to what the simulated model served. */
export interface LedgerVsServed {
  ledger: { requests: number; tokensIn: number; tokensOutKnown: number; usageUnknown: number; started: number };
  served: { requests: number; tokensIn: number; tokensOutDelivered: number; undelivered: number };
}

export async function ledgerVsServed(db: Database, served: SimulatedModelStats, runId?: string): Promise<LedgerVsServed> {
  const [l] = await db.query<LedgerVsServed["ledger"]>(
    `SELECT count(*)::int AS requests,
            coalesce(sum(tokens_in), 0)::int AS "tokensIn",
            coalesce(sum(tokens_out) FILTER (WHERE status NOT IN ('started', 'usage_unknown')), 0)::int AS "tokensOutKnown",
            count(*) FILTER (WHERE status IN ('started', 'usage_unknown'))::int AS "usageUnknown",
            count(*) FILTER (WHERE status = 'started')::int AS started
       FROM llm_calls WHERE status <> 'cache_hit' AND ($1::text IS NULL OR run_id = $1::text)`,
    [runId ?? null],
  );
  return {
    ledger: l!,
    served: { requests: served.requests, tokensIn: served.tokensIn, tokensOutDelivered: served.delivered.tokensOut, undelivered: served.undelivered.requests },
  };
}
