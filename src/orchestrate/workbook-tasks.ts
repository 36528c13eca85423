import type { Config } from "../config";
import type { Extraction, ReferenceTables } from "../domain/index";
import { readReferenceTables } from "../extract/reference-reader";
import { CostBudget } from "../monitor/cost/index";
import { analyzeStep, enrichStep, joinExtracted } from "../pipeline/steps/analyze-step";
import { addUsage, extractStep, NO_STEP_USAGE, type ExtractStepResult } from "../pipeline/steps/extract-step";
import { mapStep } from "../pipeline/steps/map-step";
import { readStep } from "../pipeline/steps/read-step";
import { validateStep } from "../pipeline/steps/validate-step";
import { LlmExtractor, llmOptionsFromConfig } from "../transform/llm/index";
import type { TaskContext } from "./task-context";
import { get, getAll, put } from "./task-outputs";
import { INGEST } from "./workbook-outputs";
import type { IngestParams, WorkbookDagOptions } from "./workbook-params";

export const paramsOf = (ctx: { params: Record<string, unknown> }): IngestParams => ctx.params as unknown as IngestParams;
/** The reference tables of the run (`--references`, REFERENCES_DIR); runs recorded before the rename said `dataDir`. */
export const refsOf = (ctx: { runId: string; params: Record<string, unknown> }): ReferenceTables => {
  const dir = String(ctx.params.referencesDir ?? ctx.params.dataDir);
  // Read once per run (a 1,000-copy fan-out would read and check the three files 1,000 times).
  if (lastRefs?.runId !== ctx.runId || lastRefs.dir !== dir) lastRefs = { runId: ctx.runId, dir, refs: readReferenceTables(dir) };
  return lastRefs.refs;
};
let lastRefs: { runId: string; dir: string; refs: ReferenceTables } | undefined;

const must = async <T>(value: Promise<T | undefined>, what: string): Promise<T> => {
  const v = await value;
  if (v === undefined) throw new Error(`${what} was not staged by its task`);
  return v;
};

/** load_csv: read the input, stop early on another game's roster, stage the plays, and choose: extract, or reuse the cache. */
export async function loadCsvTask(ctx: TaskContext, config: Config): Promise<{ branch: string }> {
  if (!ctx.inputPath) throw new Error("the run has no input file");
  const p = paramsOf(ctx);
  const { plays, malformed, warnings } = await readStep(ctx.inputPath, { rows: p.rows, referencesDir: String(p.referencesDir ?? ctx.params.dataDir) });
  await put(ctx, INGEST.plays, plays);
  await put(ctx, INGEST.malformed, malformed);
  await put(ctx, INGEST.warnings, warnings);
  const rowsIn = plays.length + malformed.length;
  // The run's size, for progress displays (the trigger only knew the row limit).
  ctx.events.emit("rows:progress", { runId: ctx.runId, step: ctx.task, done: rowsIn, total: rowsIn });
  ctx.record({ rowsIn, rowsOut: plays.length, rowsQuarantined: malformed.length });
  ctx.recordRun({ rowsIn });
  if (p.provider !== "openai") return { branch: "extract" };
  // Every row already answered (same text, model, prompt and schema): no request would be sent.
  const forecast = await llmFor(ctx, config).forecast(plays);
  return { branch: forecast.requests === 0 ? "reuse_cache" : "extract" };
}

/** extract[i]: one batch of rows through the rule extractor or the LLM. The run's budget is shared evenly by the copies. */
export async function extractTask(ctx: TaskContext, config: Config, options: WorkbookDagOptions): Promise<void> {
  const p = paramsOf(ctx);
  const all = await must(get(ctx, INGEST.plays), "load_csv.plays");
  const batch = all.slice(ctx.fan!.index * p.batchRows, (ctx.fan!.index + 1) * p.batchRows);
  const llm = p.provider === "openai" ? llmFor(ctx, config) : undefined;
  // Each copy gets its share of the cap, so the copies (on any worker, in any order) stop at the same rows.
  const budget = llm ? new CostBudget(p.maxCostUsd / ctx.fan!.count) : undefined;
  const r = await extractStep(batch, refsOf(ctx), {
    provider: p.provider, extract: options.extract, context: all, llm, runId: ctx.runId, budget, signal: ctx.signal, onLongWait: options.onLongWait ?? "throw",
  });
  await stageExtracted(ctx, r, batch.length);
}

/** reuse_cache: the branch taken when the response cache covers every row (no request is sent). */
export async function reuseCacheTask(ctx: TaskContext, config: Config, options: WorkbookDagOptions): Promise<void> {
  const plays = await must(get(ctx, INGEST.plays), "load_csv.plays");
  const r = await extractStep(plays, refsOf(ctx), { provider: "openai", llm: llmFor(ctx, config), runId: ctx.runId, signal: ctx.signal, onLongWait: options.onLongWait ?? "throw" });
  await stageExtracted(ctx, r, plays.length);
}

/** map_canonical: canonical IDs for every record (rules first; the LLM only for what they leave), within what is left of the budget. */
export async function mapCanonicalTask(ctx: TaskContext, config: Config): Promise<void> {
  const p = paramsOf(ctx);
  const parts: ExtractStepResult[] = [...(await getAll(ctx, INGEST.extracted)), ...[await get(ctx, INGEST.reused)].filter((r): r is ExtractStepResult => r !== undefined)];
  const records = new Map<string, Extraction>(parts.flatMap((r) => r.records));
  const llm = p.provider === "openai" ? llmFor(ctx, config) : undefined;
  // What the run has spent so far is read from the call ledger (each request is recorded there once).
  const budget = llm ? new CostBudget(Math.max(Number.MIN_VALUE, p.maxCostUsd - (await spentUsd(ctx)))) : undefined;
  const m = await mapStep(records, refsOf(ctx), { provider: p.provider, llm, runId: ctx.runId, budget, signal: ctx.signal });
  const stop = parts.find((r) => r.stop)?.stop ?? m.stop;
  const usage = parts.reduce((u, r) => addUsage(u, r.usage), addUsage(NO_STEP_USAGE, m.usage));
  await put(ctx, INGEST.mapped, { records: [...records], mappings: m.mappings, failures: parts.flatMap((r) => r.failures), ...(stop ? { stop } : {}), usage });
  ctx.record({ rowsIn: records.size, rowsOut: m.mappings.length, llmRequests: m.usage.requests, tokensIn: m.usage.tokensIn, tokensOut: m.usage.tokensOut, costUsd: m.usage.costUsd, llmRetries: m.usage.retries });
}

/**
 * analyze_plays: key moments and excitement from each play's game state, the IDs the state settles,
 * and each play enriched with them: the game state is read once here, for the whole run.
 */
export async function analyzePlaysTask(ctx: TaskContext): Promise<void> {
  const plays = await must(get(ctx, INGEST.plays), "load_csv.plays");
  const mapped = await must(get(ctx, INGEST.mapped), "map_canonical.mapped");
  const mappings = new Map(mapped.mappings);
  const { extracted, missing } = joinExtracted(plays, new Map(mapped.records), mappings);
  const analyzed = analyzeStep(extracted, mappings, refsOf(ctx));
  const enriched = enrichStep(extracted, analyzed, refsOf(ctx));
  await put(ctx, INGEST.analyzed, {
    enriched, missing, failures: mapped.failures, ...(mapped.stop ? { stop: mapped.stop } : {}), ...(analyzed.state ? { findings: analyzed.state.findings } : {}),
  });
  ctx.record({ rowsIn: extracted.length, rowsOut: analyzed.analyses.length });
}

/** validate: the quality checks, then the gate: load when few enough rows fail, else hold, report and alert. */
export async function validateTask(ctx: TaskContext): Promise<{ branch: string }> {
  const p = paramsOf(ctx);
  const plays = await must(get(ctx, INGEST.plays), "load_csv.plays");
  const { enriched, missing, failures, stop, findings } = await must(get(ctx, INGEST.analyzed), "analyze_plays.analyzed");
  const result = validateStep({
    runId: ctx.runId, plays, malformed: await must(get(ctx, INGEST.malformed), "load_csv.malformed"),
    enriched, missing, failures, refs: refsOf(ctx), stateFindings: findings,
    maxRate: p.maxQuarantineRate, stop, budgetUsd: p.provider === "openai" ? p.maxCostUsd : undefined, events: ctx.events,
  });
  await put(ctx, INGEST.validated, result);
  await put(ctx, INGEST.gate, result.gate);
  ctx.record({ rowsIn: enriched.length, rowsOut: result.valid.length, rowsQuarantined: result.quarantined.length });
  return { branch: result.gate.passed ? "load" : "quarantine_report" };
}

/**
 * The hand-offs of the ingest DAG no later task reads once the given task has succeeded (the
 * in-process run drops them then: `runDagInProcess`'s `dropAfter`). What the caller reads at the end
 * (validated, gate, load, summary, warnings) is kept.
 */
export const INGEST_DROP_AFTER = {
  map_canonical: [INGEST.extracted, INGEST.reused],
  analyze_plays: [INGEST.mapped],
  validate: [INGEST.plays, INGEST.malformed, INGEST.analyzed],
} as const;

async function stageExtracted(ctx: TaskContext, r: ExtractStepResult, rowsIn: number): Promise<void> {
  await put(ctx, ctx.task.startsWith("reuse_cache") ? INGEST.reused : INGEST.extracted, r);
  const u = r.usage;
  ctx.record({ rowsIn, rowsOut: r.records.length, rowsQuarantined: r.failures.length, llmRequests: u.requests, tokensIn: u.tokensIn, tokensOut: u.tokensOut, costUsd: u.costUsd, cacheHits: u.cachedRows, llmRetries: u.retries });
}

/** Dollars this run's requests cost so far, from the call ledger. */
async function spentUsd(ctx: TaskContext): Promise<number> {
  const [row] = await ctx.db.query<{ usd: number }>(`SELECT coalesce(sum(cost_usd), 0)::float8 AS usd FROM llm_calls WHERE run_id = $1`, [ctx.runId]);
  return row?.usd ?? 0;
}

function llmFor(ctx: TaskContext, config: Config): LlmExtractor {
  const p = paramsOf(ctx);
  return new LlmExtractor(llmOptionsFromConfig(config, { db: ctx.db, events: ctx.events, reference: refsOf(ctx), model: p.model ?? config.llm.model }));
}
