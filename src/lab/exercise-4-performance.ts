import path from "node:path";
import { findProjectRoot } from "../config";
import type { RawPlay } from "../domain/index";
import { readPlays } from "../extract/index";
import type { Database } from "../db/database";
import { LlmExtractor } from "../transform/llm/llm-extractor";
import type { LlmExtractorOptions } from "../transform/llm/llm-options";
import { fromError, reportCheck, untouched, verdicts, type CheckResult, type Hint } from "./check-result";
import { openLabDatabase } from "./lab-database";
import { startSimulatedModelProcess, type SimulatedModelProcess } from "../notebook/simulated-model-process";

/** What exercise 4 asks for: extractor options (batching, concurrency, cache) given the run's database. */
export type LlmTuning = (db: Database) => Partial<LlmExtractorOptions>;

const ROWS = 40;
const LATENCY_MS = 100;
/** Graded hints, one per part of the exercise. */
export const EXERCISE_4_HINTS = {
  options: {
    part: "the options",
    nudge: "tuneLlm returns an object of extractor options; the check adds the connection itself.",
    answer: "return { batchSize: …, concurrency: …, db: … };",
  },
  complete: {
    part: "the batch size",
    nudge: "every answer must fit its token limit: a request with too many plays comes back cut off.",
    answer: "batchSize: 10   // 8–20 plays per request",
  },
  batching: {
    part: "batching",
    nudge: "batching: several plays travel in one request, and the system prompt is paid once per request.",
    answer: "batchSize: 10",
  },
  concurrency: {
    part: "concurrency",
    nudge: "concurrency: while one request waits for its answer, others can be in flight.",
    answer: "concurrency: 4",
  },
  cache: {
    part: "the cache",
    nudge: "a cache that outlives one extractor (and one run) has to live in the database, not in memory.",
    answer: "db: db   // the database the check passes to tuneLlm",
  },
} satisfies Record<string, Hint>;

interface Measured {
  requests: number;
  ms: number;
  extracted: number;
  failed: number;
}

async function measure(sim: SimulatedModelProcess, options: LlmExtractorOptions, plays: RawPlay[], runId: string): Promise<Measured> {
  const before = (await sim.stats()).requests;
  const started = Date.now();
  const result = await new LlmExtractor(options).extract(plays, { runId });
  const ms = Date.now() - started;
  return { requests: (await sim.stats()).requests - before, ms, extracted: result.records.size, failed: result.failures.length + result.unfinished.length };
}

/**
 * Exercise 4 (performance): extract 40 plays from the simulated model (100 ms a request) once
 * as the baseline (one play per request, one request at a time, no cache) and twice with the
 * learner's options, each time with a new extractor. Passes with ≥ 5× fewer requests, ≥ 3× less
 * wall time, every play extracted, and no request at all on the second run.
 */
export async function evaluateExercise4(tune: LlmTuning): Promise<CheckResult> {
  const v = verdicts(4);
  const stub = untouched(4, tune);
  if (stub) return stub;
  const plays = readPlays(path.join(findProjectRoot(), "data", "playbyplay.csv"), { limit: ROWS }).plays;
  let sim: SimulatedModelProcess | undefined;
  const db = await openLabDatabase();
  try {
    let tuned: Partial<LlmExtractorOptions>;
    try {
      tuned = tune(db);
    } catch (e) {
      return fromError(4, e, EXERCISE_4_HINTS.options);
    }
    sim = await startSimulatedModelProcess(LATENCY_MS);
    const connection = { apiKey: "sk-lab-simulated", baseURL: sim.baseURL, model: sim.modelId };
    const baseline = await measure(sim, { ...connection, batchSize: 1, concurrency: 1 }, plays, "lab-baseline");
    const first = await measure(sim, { ...tuned, ...connection }, plays, "lab-tuned-1");
    const second = await measure(sim, { ...tuned, ...connection }, plays, "lab-tuned-2");
    const fewer = baseline.requests / Math.max(first.requests, 1);
    const faster = baseline.ms / Math.max(first.ms, 1);
    const figures = `baseline ${baseline.requests} requests in ${(baseline.ms / 1000).toFixed(2)} s; yours ${first.requests} requests in ${(first.ms / 1000).toFixed(2)} s (${fewer.toFixed(1)}× fewer, ${faster.toFixed(1)}× faster); second run ${second.requests} requests`;
    if (first.extracted !== plays.length || first.failed > 0) {
      return v.notYet(`${figures}, but only ${first.extracted} of ${plays.length} plays came back (${first.failed} failed or unfinished).`, EXERCISE_4_HINTS.complete);
    }
    if (fewer < 5) return v.notYet(`${figures}: that is under 5× fewer requests.`, EXERCISE_4_HINTS.batching);
    if (faster < 3) return v.notYet(`${figures}: that is under 3× faster.`, EXERCISE_4_HINTS.concurrency);
    if (second.requests > 0) return v.notYet(`${figures}: the second run should send none.`, EXERCISE_4_HINTS.cache);
    return v.pass(`${figures} (the cache answered all ${second.extracted} plays).`);
  } catch (e) {
    return fromError(4, e, EXERCISE_4_HINTS.options);
  } finally {
    await sim?.close().catch(() => undefined);
    await db.close().catch(() => undefined);
  }
}

/** Run the exercise 4 check and show the verdict. */
export async function checkExercise4(tune: LlmTuning): Promise<void> {
  reportCheck(await evaluateExercise4(tune));
}
