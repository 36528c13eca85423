import type { EnrichedPlay, PlayAnalysis, QuarantinedPlay } from "../domain/index";
import { BudgetStoppedError, QualityGateError } from "../errors";
import type { MalformedRow } from "../extract/play-reader";
import { releaseHeldLoadedBy, writeHeld } from "../load/held-writer";
import { loadPlays } from "../load/play-loader";
import { writeQualityReport } from "../load/quality-writer";
import { quarantineMalformed, writeQuarantine } from "../load/quarantine-writer";
import { loadReferenceTables } from "../load/reference-loader";
import { recordRunAccounting } from "../load/row-accounting";
import { batterStats, pitcherStats } from "../summarize/analyses";
import type { QualityReport } from "../validate/quality-report";
import { validatePlays } from "../validate/validate-plays";
import type { TaskContext } from "./task-context";
import { enrichPlays, extractedPlays, paramsOf, refsOf } from "./workbook-tasks";

/** What the quality gate decided, staged by `validate` for the tasks after it. */
export interface GateDecision {
  rows: number;
  valid: number;
  quarantined: number;
  rate: number;
  maxRate: number;
  passed: boolean;
  /** Rows the cost budget stopped before they were extracted (quarantined by the transform step). */
  notExtracted?: number;
  /** The run's budget in USD, when it had one. */
  budgetUsd?: number;
}

// The extract tasks quarantine the rows a spent budget did not reach with this reason (see workbook-tasks.ts).
const budgetStopped = (q: QuarantinedPlay) => q.step === "transform" && q.reasons.some((r) => /^not extracted: Cost budget exceeded/.test(r.message));

/** validate: the quality checks, then the gate: load when few enough rows fail, else report and alert. */
export async function validateTask(ctx: TaskContext): Promise<{ branch: string }> {
  const { plays, extracted, mappings, quarantine } = await extractedPlays(ctx);
  const analyses = (await ctx.get<PlayAnalysis[]>("analyze_plays", "analyses")) ?? [];
  const enriched = enrichPlays(extracted, mappings, analyses, refsOf(ctx));
  const validation = validatePlays(enriched, refsOf(ctx), { runId: ctx.runId, events: ctx.events });
  const malformed = (await ctx.get<MalformedRow[]>("load_csv", "malformed")) ?? [];
  const quarantined: QuarantinedPlay[] = [...quarantineMalformed(malformed), ...quarantine, ...validation.quarantined];
  const rows = plays.length + malformed.length;
  const maxRate = paramsOf(ctx).maxQuarantineRate;
  const rate = rows === 0 ? 0 : quarantined.length / rows;
  const params = paramsOf(ctx);
  const gate: GateDecision = {
    rows, valid: validation.valid.length, quarantined: quarantined.length, rate, maxRate, passed: rate <= maxRate,
    notExtracted: quarantined.filter(budgetStopped).length,
    budgetUsd: params.provider === "openai" ? params.maxCostUsd : undefined,
  };
  await ctx.put("valid", validation.valid);
  await ctx.put("quarantined", quarantined);
  await ctx.put("report", validation.report);
  await ctx.put("gate", gate);
  ctx.record({ rowsIn: enriched.length, rowsOut: validation.valid.length, rowsQuarantined: quarantined.length });
  return { branch: gate.passed ? "load" : "quarantine_report" };
}

/** load: reference tables, then the plays (idempotent upserts), quarantine and quality report. */
export async function loadTask(ctx: TaskContext): Promise<void> {
  const valid = (await ctx.get<EnrichedPlay[]>("validate", "valid")) ?? [];
  const quarantined = (await ctx.get<QuarantinedPlay[]>("validate", "quarantined")) ?? [];
  const report = await ctx.get<QualityReport>("validate", "report");
  await loadReferenceTables(ctx.db, refsOf(ctx));
  const result = await loadPlays(ctx.db, { runId: ctx.runId, plays: valid, quarantined, report });
  await releaseHeldLoadedBy(ctx.db, ctx.runId, valid);
  const gate = await ctx.get<GateDecision>("validate", "gate");
  const stopped = stopError(gate);
  await recordRunAccounting(ctx.db, ctx.runId, {
    rowsIn: gate?.rows ?? valid.length + quarantined.length, loaded: valid, quarantined: quarantined.map((q) => q.play), held: [],
    outcome: stopped ? "stopped" : "loaded", cause: stopped?.message,
  });
  await ctx.put("load", result);
  ctx.record({ rowsIn: valid.length, rowsOut: result.inserted + result.updated + result.unchanged, rowsQuarantined: result.quarantined });
  ctx.recordRun({ rowsLoaded: valid.length, rowsQuarantined: quarantined.length });
}

/** quarantine_report: the gate failed, so nothing loads; every rejected row is kept with its reasons. */
export async function quarantineReportTask(ctx: TaskContext): Promise<void> {
  const quarantined = (await ctx.get<QuarantinedPlay[]>("validate", "quarantined")) ?? [];
  const report = await ctx.get<QualityReport>("validate", "report");
  const held = (await ctx.get<EnrichedPlay[]>("validate", "valid")) ?? [];
  const gate = await ctx.get<GateDecision>("validate", "gate");
  const written = await writeQuarantine(ctx.db, ctx.runId, quarantined);
  if (report) await writeQualityReport(ctx.db, ctx.runId, report);
  // Nothing loads, but nothing is lost: the valid rows are kept with this run (`held load RUN` loads them).
  await writeHeld(ctx.db, ctx.runId, held);
  const cause = stopError(gate) ?? gateError(gate, held.length);
  await recordRunAccounting(ctx.db, ctx.runId, {
    rowsIn: gate?.rows ?? held.length + quarantined.length, loaded: [], quarantined: quarantined.map((q) => q.play), held,
    outcome: stopError(gate) ? "stopped" : "held", cause: cause.message,
  });
  const reasons = new Map<string, number>();
  for (const q of quarantined) for (const r of q.reasons) {
    const k = `${r.check}${r.field ? `.${r.field}` : ""}`;
    reasons.set(k, (reasons.get(k) ?? 0) + 1);
  }
  await ctx.put("top_reasons", [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 5));
  ctx.record({ rowsIn: quarantined.length, rowsQuarantined: written });
  ctx.recordRun({ rowsLoaded: 0, rowsQuarantined: quarantined.length });
}

/** alert: tell whoever is on call that the gate stopped the load. */
export async function alertTask(ctx: TaskContext): Promise<void> {
  const gate = await ctx.get<GateDecision>("validate", "gate");
  const top = (await ctx.get<[string, number][]>("quarantine_report", "top_reasons")) ?? [];
  const message =
    `Quality gate failed for run ${ctx.runId}: ${gate?.quarantined ?? "?"} of ${gate?.rows ?? "?"} rows quarantined ` +
    `(${((gate?.rate ?? 0) * 100).toFixed(1)}% > ${((gate?.maxRate ?? 0) * 100).toFixed(1)}%); nothing was loaded. ` +
    `Top reasons: ${top.map(([k, n]) => `${k} ×${n}`).join(", ") || "none"}`;
  ctx.events.emit("alert:fired", { runId: ctx.runId, rule: "quality_gate", severity: "critical", message });
  await ctx.put("alert", message);
}

/**
 * summarize: the headline analyses over what is loaded. Then the run's verdict: a run the budget stopped
 * or the gate held fails here (not retried), so the ledger says `failed` with the cause and `trigger` exits 4 or 3.
 */
export async function summarizeTask(ctx: TaskContext): Promise<void> {
  const pitchers = (await pitcherStats(ctx.db)).slice(0, 5);
  const batters = (await batterStats(ctx.db)).slice(0, 5);
  const gate = await ctx.get<GateDecision>("validate", "gate");
  await ctx.put("summary", { pitchers, batters, gate });
  ctx.record({ rowsOut: pitchers.length + batters.length });
  const failure = stopError(gate) ?? (gate && !gate.passed ? gateError(gate, gate.valid) : undefined);
  if (failure) throw failure;
}

function stopError(gate: GateDecision | undefined): BudgetStoppedError | undefined {
  return gate?.notExtracted ? new BudgetStoppedError(gate.budgetUsd, gate.notExtracted) : undefined;
}

function gateError(gate: GateDecision | undefined, held: number): QualityGateError {
  return new QualityGateError(held, gate?.quarantined ?? 0, gate?.rows ?? 0, gate?.rate ?? 0, gate?.maxRate ?? 0);
}
