import type { Config } from "../config";
import type { CanonicalMapping, Extraction, PlayAnalysis, QuarantinedPlay, RawPlay, ReferenceTables } from "../domain/index";
import type { MalformedRow } from "../extract/play-reader";
import { readPlays } from "../extract/play-reader";
import { readReferenceTables } from "../extract/reference-reader";
import { CostBudget } from "../monitor/cost/index";
import { LlmRateLimitError } from "../errors";
import { enrichPlays, extractionQuarantine } from "../pipeline/enrich";
import { createCanonicalMapper } from "../transform/canonical-mapper";
import { LlmExtractor, assertProviderAnswered, llmOptionsFromConfig } from "../transform/llm/index";
import { RuleExtractor } from "../transform/offline/rule-extractor";
import { analyzePlays } from "../transform/play-analyzer";
import type { TaskContext } from "./task-context";
import type { IngestParams } from "./workbook-params";

/** A failure to extract or map one play, with the reason. */
export interface RowFailure {
  play_hash: string;
  reason: string;
}

export const refsOf = (ctx: TaskContext): ReferenceTables => readReferenceTables(String(ctx.params.dataDir));
export const paramsOf = (ctx: TaskContext): IngestParams => ctx.params as unknown as IngestParams;

/** load_csv: read the input, stage the plays, and choose: run the extract tasks, or reuse the cache. */
export async function loadCsvTask(ctx: TaskContext, config: Config): Promise<{ branch: string }> {
  if (!ctx.inputPath) throw new Error("the run has no input file");
  const p = paramsOf(ctx);
  const { plays, malformed, warnings } = readPlays(ctx.inputPath, { limit: p.rows });
  // Repaired mis-decodings name their lines, as in npm start.
  for (const w of warnings) console.warn(`load_csv: ${w}`);
  await ctx.put("plays", plays);
  await ctx.put("malformed", malformed);
  ctx.record({ rowsIn: plays.length + malformed.length, rowsOut: plays.length, rowsQuarantined: malformed.length });
  ctx.recordRun({ rowsIn: plays.length + malformed.length });
  if (p.provider !== "openai") return { branch: "extract" };
  // Every row already answered (same text, model, prompt and schema): no request would be sent.
  const forecast = await llmFor(ctx, config).forecast(plays);
  return { branch: forecast.requests === 0 ? "reuse_cache" : "extract" };
}

/** extract[i]: one batch of rows through the rule extractor or the LLM. */
export async function extractTask(ctx: TaskContext, config: Config): Promise<void> {
  const p = paramsOf(ctx);
  const all = (await ctx.get<RawPlay[]>("load_csv", "plays")) ?? [];
  const batch = all.slice(ctx.fan!.index * p.batchRows, (ctx.fan!.index + 1) * p.batchRows);
  if (p.provider !== "openai") {
    const records = new RuleExtractor({ references: refsOf(ctx) }).extract(batch);
    await stageExtraction(ctx, records, [], batch.length);
    return;
  }
  // The run's budget is shared evenly by its extract tasks, which may run on different workers.
  const budget = new CostBudget(p.maxCostUsd / ctx.fan!.count);
  const r = await llmFor(ctx, config).extract(batch, { runId: ctx.runId, budget, signal: ctx.signal });
  const failures = [
    ...r.failures.map((f) => ({ play_hash: f.play_hash, reason: f.reason })),
    ...r.unfinished.map((u) => ({ play_hash: u.play_hash, reason: `not extracted: ${r.stopped?.message ?? "run stopped"}` })),
  ];
  ctx.record({ llmRequests: r.stats.requests, tokensIn: r.stats.tokensIn, tokensOut: r.stats.tokensOut, costUsd: r.stats.costUsd, cacheHits: r.stats.cachedRows });
  // A retry-after over the ceiling fails the task with the wait: the orchestrator reschedules it rather than holding a worker.
  if (r.stopped instanceof LlmRateLimitError) throw r.stopped;
  // An outage fails the task: the orchestrator retries it, and the run can be resumed once the provider is back.
  assertProviderAnswered(batch, r, true);
  await stageExtraction(ctx, r.records, failures, batch.length);
}

/** reuse_cache: the branch taken when the response cache covers every row (no request is sent). */
export async function reuseCacheTask(ctx: TaskContext, config: Config): Promise<void> {
  const plays = (await ctx.get<RawPlay[]>("load_csv", "plays")) ?? [];
  const r = await llmFor(ctx, config).extract(plays, { runId: ctx.runId, signal: ctx.signal });
  ctx.record({ llmRequests: r.stats.requests, cacheHits: r.stats.cachedRows });
  await stageExtraction(ctx, r.records, r.failures.map((f) => ({ play_hash: f.play_hash, reason: f.reason })), plays.length);
}

/** map_canonical: canonical IDs for every extracted record (rules first; the LLM only for what they leave). */
export async function mapCanonicalTask(ctx: TaskContext, config: Config): Promise<void> {
  const records = new Map<string, Extraction>([
    ...(await ctx.getAll<[string, Extraction][]>("extract", "records")).flat(),
    ...((await ctx.get<[string, Extraction][]>("reuse_cache", "records")) ?? []),
  ]);
  let mappings: Map<string, CanonicalMapping>;
  if (paramsOf(ctx).provider === "openai") {
    const r = await llmFor(ctx, config).map(records, { runId: ctx.runId, signal: ctx.signal });
    mappings = r.mappings;
    ctx.record({ llmRequests: r.stats.requests, tokensIn: r.stats.tokensIn, tokensOut: r.stats.tokensOut, costUsd: r.stats.costUsd, cacheHits: r.stats.cachedNames });
  } else {
    const mapper = createCanonicalMapper(refsOf(ctx));
    mappings = new Map([...records].map(([hash, e]) => [hash, mapper.map(e)]));
  }
  await ctx.put("records", [...records]);
  await ctx.put("mappings", [...mappings]);
  ctx.record({ rowsIn: records.size, rowsOut: mappings.size });
}

/** analyze_plays: key moments and excitement, computed from each play's game state. */
export async function analyzePlaysTask(ctx: TaskContext): Promise<void> {
  const { extracted } = await extractedPlays(ctx);
  const analyses: PlayAnalysis[] = analyzePlays(extracted);
  await ctx.put("analyses", analyses);
  ctx.record({ rowsIn: extracted.length, rowsOut: analyses.length });
}

/** The plays that have both a record and a mapping, in input order, and the rows that do not. */
export async function extractedPlays(ctx: TaskContext): Promise<{
  plays: RawPlay[];
  extracted: (RawPlay & Extraction)[];
  mappings: Map<string, CanonicalMapping>;
  quarantine: QuarantinedPlay[];
}> {
  const plays = (await ctx.get<RawPlay[]>("load_csv", "plays")) ?? [];
  const records = new Map((await ctx.get<[string, Extraction][]>("map_canonical", "records")) ?? []);
  const mappings = new Map((await ctx.get<[string, CanonicalMapping][]>("map_canonical", "mappings")) ?? []);
  const failures: RowFailure[] = [
    ...(await ctx.getAll<RowFailure[]>("extract", "failures")).flat(),
    ...((await ctx.get<RowFailure[]>("reuse_cache", "failures")) ?? []),
  ];
  const extracted = plays.filter((p) => records.has(p.play_hash) && mappings.has(p.play_hash)).map((p) => ({ ...p, ...records.get(p.play_hash)! }));
  const missing = plays.filter((p) => !records.has(p.play_hash) || !mappings.has(p.play_hash));
  const reasons = new Map(failures.map((f) => [f.play_hash, f.reason]));
  const quarantine = extractionQuarantine(plays, missing.map((p) => ({ play_hash: p.play_hash, reason: reasons.get(p.play_hash) ?? "no canonical mapping" })), "transform");
  return { plays, extracted, mappings, quarantine };
}

export { enrichPlays };
export type { MalformedRow };

async function stageExtraction(ctx: TaskContext, records: Map<string, Extraction>, failures: RowFailure[], rowsIn: number): Promise<void> {
  await ctx.put("records", [...records]);
  await ctx.put("failures", failures);
  ctx.record({ rowsIn, rowsOut: records.size, rowsQuarantined: failures.length });
}

function llmFor(ctx: TaskContext, config: Config): LlmExtractor {
  const p = paramsOf(ctx);
  return new LlmExtractor(llmOptionsFromConfig(config, { db: ctx.db, events: ctx.events, reference: refsOf(ctx), model: p.model ?? config.llm.model }));
}
