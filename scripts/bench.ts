import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config";
import type { EnrichedPlay, ReferenceTables } from "../src/domain";
import { readPlays, readReferenceTables } from "../src/extract";
import { openDatabase } from "../src/db/database";
import { migrate } from "../src/load/migrator";
import { costUsd, priceFor } from "../src/monitor/cost";
import { scaleCheck } from "../src/summarize/scale-check";
import { analyzePlays } from "../src/transform/play-analyzer";
import { LlmExtractor } from "../src/transform/llm";
import { runPipeline } from "../src/pipeline/run-pipeline";
import { FAULT_KINDS } from "./simulated-model/faults";
import { startSimulatedModel, SIMULATED_BANNER } from "./simulated-model/server";
import { benchServerUrl, kernelAndGuideTargets, scaleTargets, startTargets, transformTarget } from "./bench/offline-targets";
import { llmCostTargets } from "./bench/llm-cost";
import { machineLoad, printTargets } from "./bench/targets";

/**
 * `npm run bench [-- --latency 300 --batch-size 8 --concurrency 8 --scale-copies 100 | --no-scale]
 *                  [--scale-rows 1000,10000,100000] [--no-kernel] [--no-offline] [--no-faults]]`
 *
 * First the offline targets, each measured once and printed beside its target: `npm start` on the 729
 * plays (wall, peak RSS), the offline transform, read → load → summary at 1k, 10k and 100k rows on
 * PGlite and the server (rows/s), a fresh kernel's first import and each guide executed headlessly.
 * Then the 729-row LLM path (extraction, mapping, deterministic analysis) against the
 * simulated model answering after 300 ms, and prints our figures next to the chapter
 * design's (five sequential requests per row), as ratios, with the targets of the issue.
 * Then the fault campaign: the whole in-process pipeline against a simulated model that breaks 20%
 * of requests with a mix of every fault kind (rows loaded, ledger vs what the model served).
 * Then the scale check: 100 copies of the game loaded and summarised, with peak RSS.
 * Exits 1 when a target is missed.
 */
const { values: args } = parseArgs({
  options: {
    latency: { type: "string", default: "300" },
    "batch-size": { type: "string" },
    concurrency: { type: "string" },
    "scale-copies": { type: "string", default: "100" },
    "no-scale": { type: "boolean", default: false },
    "scale-rows": { type: "string", default: "1000,10000,100000" },
    "no-kernel": { type: "boolean", default: false },
    "no-offline": { type: "boolean", default: false },
    "no-faults": { type: "boolean", default: false },
  },
});

/** The chapter's design for 729 rows: extract, three mappings and analysis, one request each, in sequence. */
const CHAPTER = { requests: 3645, tokensIn: 1_560_000, costUsdGpt4o: 5.65, wallMs: [10 * 60_000, 20 * 60_000] as const };
const TARGETS = { requests: 180, tokensIn: 0.15 * CHAPTER.tokensIn, wallMs: 30_000, costShare: 0.05 };

const config = loadConfig();
const dataDir = config.dataDir;
let offlineOk = true;
if (!args["no-offline"]) {
  // Each measurement says it started: the whole set takes a few minutes.
  const loadBefore = machineLoad();
  console.log(`· npm start offline on the 729 plays, and the offline transform … (${loadBefore})`);
  const offline = [...(await startTargets(config.projectRoot)), transformTarget(dataDir)];
  if (!args["no-scale"]) {
    const sizes = args["scale-rows"].split(",").map(Number).filter((n) => Number.isInteger(n) && n > 0);
    console.log(`· read → load → summary at ${sizes.map((n) => n.toLocaleString("en-US")).join(", ")} rows on PGlite and the server …`);
    offline.push(...(await scaleTargets(config.projectRoot, dataDir, sizes, await benchServerUrl())));
  }
  if (!args["no-kernel"]) {
    console.log("· a fresh kernel's first import, and each guide executed headlessly …");
    offline.push(...kernelAndGuideTargets(config.projectRoot));
  }
  offlineOk = printTargets("Offline targets (issue 12), measured in this run", offline);
  console.log(`machine: ${loadBefore} at the start, ${machineLoad()} at the end`);
  console.log("");
}
const plays = readPlays(path.join(dataDir, "playbyplay.csv")).plays;
const reference = readReferenceTables(dataDir);
const latencyMs = Number(args.latency);
const sim = await startSimulatedModel({ latencyMs, dataDir });
const db = await openDatabase({ kind: "pglite", pgliteDir: "memory://" });
await migrate(db, path.join(config.projectRoot, "migrations"));

console.log(`${SIMULATED_BANNER}\n  server ${sim.baseURL}, model "${sim.modelId}", ${latencyMs} ms per answer\n`);
const makeExtractor = () =>
  new LlmExtractor({
    apiKey: "sk-simulated-bench",
    baseURL: sim.baseURL,
    model: sim.modelId,
    batchSize: Number(args["batch-size"] ?? config.llm.batchSize),
    concurrency: Number(args.concurrency ?? config.llm.concurrency),
    timeoutMs: config.llm.timeoutMs,
    db,
    reference,
  });

const llm = makeExtractor();
const forecast = await llm.forecast(plays);
console.log(
  `Forecast (offline, ${forecast.model} at prices of ${forecast.pricesAsOf}): ${forecast.requests} extraction requests, ` +
    `${fmt(forecast.tokensIn)} input tokens, ~${fmt(forecast.expectedTokensOut)} output tokens, ` +
    `$${forecast.expectedCostUsd.toFixed(4)} expected, $${forecast.worstCaseCostUsd.toFixed(4)} worst case\n`,
);

const { enriched, wallMs, failures } = await runLlmPath(llm, "bench-1");
const s = sim.stats();
const gpt4o = priceFor("gpt-4o")!;
const ourCost4o = costUsd({ tokensIn: s.tokensIn, tokensOut: s.tokensOut }, gpt4o);
const ownPrice = priceFor(sim.modelId)!;

const before = sim.stats().requests;
const second = await runLlmPath(makeExtractor(), "bench-2");
const secondRequests = sim.stats().requests - before;

const rows: [string, string, string, string, string, boolean][] = [
  ["requests", fmt(CHAPTER.requests), fmt(s.requests), ratio(s.requests, CHAPTER.requests), `≤ ${TARGETS.requests}`, s.requests <= TARGETS.requests],
  ["input tokens", fmt(CHAPTER.tokensIn), fmt(s.tokensIn), ratio(s.tokensIn, CHAPTER.tokensIn), `≤ ${fmt(TARGETS.tokensIn)} (15%)`, s.tokensIn <= TARGETS.tokensIn],
  ["output tokens", "—", fmt(s.tokensOut), "—", "", true],
  [`cost at gpt-4o prices (${gpt4o.asOf})`, `$${CHAPTER.costUsdGpt4o.toFixed(2)}`, `$${ourCost4o.toFixed(4)}`, ratio(ourCost4o, CHAPTER.costUsdGpt4o),
    `≤ ${TARGETS.costShare * 100}% ($${(TARGETS.costShare * CHAPTER.costUsdGpt4o).toFixed(2)})`, ourCost4o <= TARGETS.costShare * CHAPTER.costUsdGpt4o],
  [`cost at ${ownPrice.model} prices`, "—", `$${costUsd({ tokensIn: s.tokensIn, tokensOut: s.tokensOut }, ownPrice).toFixed(4)}`, "—", "", true],
  ["wall time", "10–20 min", `${(wallMs / 1000).toFixed(1)} s`, ratio(wallMs, CHAPTER.wallMs[0]), `≤ ${TARGETS.wallMs / 1000} s`, wallMs <= TARGETS.wallMs],
  ["second run: requests", "—", fmt(secondRequests), "—", "0", secondRequests === 0],
];
console.log(`LLM path, ${plays.length} rows (${s.extractionRequests} extraction + ${s.mappingRequests} mapping requests; analysis is deterministic)`);
printTable(["", "chapter design", "ours", "ours / chapter", "target", ""], rows.map(([a, b, c, d, e, ok]) => [a, b, c, d, e, ok ? "ok" : "MISSED"]));
console.log(`rows failed: ${failures} (first run), ${second.failures} (second run); second run wall ${(second.wallMs / 1000).toFixed(2)} s`);

const llmCostOk = printTargets("LLM bill targets (issue 12), measured in this run", await llmCostTargets(config.projectRoot));
const faultsOk = args["no-faults"] ? true : await runFaultCampaign(latencyMs);

let scaleOk = true;
if (!args["no-scale"]) scaleOk = await runScale(enriched, reference, Number(args["scale-copies"]));

await db.close();
await sim.close();
process.exit(offlineOk && rows.every((r) => r[5]) && llmCostOk && scaleOk && faultsOk ? 0 : 1);

/** Extraction, mapping and deterministic analysis of every play; wall time of the three. */
async function runLlmPath(extractor: LlmExtractor, runId: string): Promise<{ enriched: EnrichedPlay[]; wallMs: number; failures: number }> {
  const started = Date.now();
  const extracted = await extractor.extract(plays, { runId });
  const mapped = await extractor.map(extracted.records, { runId });
  const rows = plays.filter((p) => extracted.records.has(p.play_hash)).map((p) => ({ ...p, ...extracted.records.get(p.play_hash)! }));
  // Analysis is computed from the extracted game state, not asked of the model (see LlmExtractor.map).
  const analysis = analyzePlays(rows);
  const wallMs = Date.now() - started;
  const enriched = rows.map((r, i) => ({ ...r, ...mapped.mappings.get(r.play_hash)!, ...analysis[i]! }));
  return { enriched, wallMs, failures: extracted.failures.length + extracted.unfinished.length };
}

/**
 * FAULT CAMPAIGN: 729 rows through `runPipeline` while 20% of requests fail, spread evenly over
 * every fault kind the simulated model has except `unauthorized` (a wrong key is not a fault to
 * retry) and `wrong_id` (mapping only, and the rules leave nothing to map here): HTTP errors, hangs,
 * broken transports, bad and implausible answers. Every row must load, and the `llm_calls` ledger
 * must hold every request the model saw and the tokens it billed.
 */
async function runFaultCampaign(latency: number): Promise<boolean> {
  const kinds = FAULT_KINDS.filter((k) => k !== "unauthorized" && k !== "wrong_id");
  // Each kind is drawn on its own; this rate makes the chance that a request gets some fault 20%.
  const rate = 1 - 0.8 ** (1 / kinds.length);
  const faulty = await startSimulatedModel({ latencyMs: latency, dataDir, seed: 9, faults: kinds.map((kind) => ({ kind, rate })) });
  const faultDb = await openDatabase({ kind: "pglite", pgliteDir: "memory://" });
  try {
    await migrate(faultDb, path.join(config.projectRoot, "migrations"));
    const faultConfig = loadConfig({
      env: { LLM_PROVIDER: "openai", OPENAI_API_KEY: "sk-simulated-bench", OPENAI_BASE_URL: faulty.baseURL, OPENAI_MODEL: faulty.modelId, LLM_TIMEOUT_MS: "5000", LOG_LEVEL: "silent", PGLITE_DIR: "memory://" },
      loadDotenv: false,
    });
    const started = Date.now();
    const r = await runPipeline({ config: faultConfig, db: faultDb, runId: "bench-faults", provider: "openai", maxCostUsd: 5 });
    const wall = Date.now() - started;
    const served = faulty.stats();
    const [l] = await faultDb.query<{ requests: number; tokens_in: number; tokens_out_known: number; unknown: number; tokens_out_estimated: number }>(
      `SELECT count(*)::int AS requests, coalesce(sum(tokens_in), 0)::int AS tokens_in,
              coalesce(sum(tokens_out) FILTER (WHERE status NOT IN ('started', 'usage_unknown')), 0)::int AS tokens_out_known,
              count(*) FILTER (WHERE status IN ('started', 'usage_unknown'))::int AS unknown,
              coalesce(sum(tokens_out) FILTER (WHERE status IN ('started', 'usage_unknown')), 0)::int AS tokens_out_estimated
         FROM llm_calls WHERE run_id = 'bench-faults' AND status <> 'cache_hit'`,
    );
    const injected = Object.values(served.faults).reduce((a, b) => a + b, 0);
    const checks: [string, string, boolean][] = [
      ["rows loaded", `${fmt(r.plays.length)} of ${fmt(r.rowsIn)} (${r.quarantine.length} quarantined, ${r.held.length} held)`, r.plays.length === r.rowsIn],
      ["requests: ledger = served", `${fmt(l!.requests)} = ${fmt(served.requests)}`, l!.requests === served.requests],
      ["input tokens: ledger = billed", `${fmt(l!.tokens_in)} = ${fmt(served.tokensIn)}`, l!.tokens_in === served.tokensIn],
      ["output tokens: ledger = delivered", `${fmt(l!.tokens_out_known)} = ${fmt(served.delivered.tokensOut)}`, l!.tokens_out_known === served.delivered.tokensOut],
      ["usage unknown: ledger = undelivered", `${fmt(l!.unknown)} = ${fmt(served.undelivered.requests)} (estimated ${fmt(l!.tokens_out_estimated)} out, billed ${fmt(served.undelivered.tokensOut)})`, l!.unknown === served.undelivered.requests],
    ];
    console.log(`\nFault campaign: a 20% chance of a fault per request, ${kinds.length} kinds (${injected} faults injected in ${fmt(served.requests)} requests, ${r.llm.retries} retries), wall ${(wall / 1000).toFixed(1)} s`);
    console.log(`  injected: ${Object.entries(served.faults).map(([k, n]) => `${k} ${n}`).join(", ")}`);
    for (const [what, figures, ok] of checks) console.log(`  ${what.padEnd(36)} ${figures}  ${ok ? "ok" : "MISSED"}`);
    return checks.every((c) => c[2]);
  } finally {
    await faultDb.close();
    await faulty.close();
  }
}

/**
 * SCALE HOOK: 100 games (72,900 rows) loaded and summarised offline into a fresh PGlite,
 * with the peak resident set size. Uses `scaleCheck` from src/summarize (helper H3's loader).
 */
async function runScale(enrichedPlays: EnrichedPlay[], refs: ReferenceTables, copies: number): Promise<boolean> {
  const scaleDb = await openDatabase({ kind: "pglite", pgliteDir: "memory://" });
  try {
    await migrate(scaleDb, path.join(config.projectRoot, "migrations"));
    const r = await scaleCheck(scaleDb, enrichedPlays, refs, { copies, runId: "bench-scale" });
    const consistent = r.rowsIn === r.loaded + r.quarantined;
    console.log(`\nScale: ${copies} games, ${fmt(r.rowsIn)} rows in → ${fmt(r.loaded)} loaded + ${fmt(r.quarantined)} quarantined (${consistent ? "all accounted for" : "ROWS LOST"})`);
    console.log(`  load ${(r.loadMs / 1000).toFixed(1)} s, summarise ${(r.summarizeMs / 1000).toFixed(2)} s (${r.pitchers} pitchers, ${r.batters} batters, ${fmt(r.timelineRows)} timeline rows), peak RSS ${r.peakRssMiB} MiB`);
    return consistent;
  } finally {
    await scaleDb.close();
  }
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

function ratio(ours: number, theirs: number): string {
  const r = ours / theirs;
  return `${(r * 100).toFixed(r < 0.01 ? 2 : 1)}% (1/${Math.round(1 / r)})`;
}

function printTable(header: string[], body: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of body) console.log(line(r));
}
