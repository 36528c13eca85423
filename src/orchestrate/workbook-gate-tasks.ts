import { holdStep, loadStep, topReasons } from "../pipeline/steps/load-step";
import { summarizeStep } from "../pipeline/steps/summarize-step";
import { runFailureOf, type GateDecision } from "../pipeline/steps/validate-step";
import type { TaskContext } from "./task-context";
import { get, put } from "./task-outputs";
import { INGEST } from "./workbook-outputs";
import { refsOf } from "./workbook-tasks";

export type { GateDecision };

const validated = async (ctx: TaskContext) => {
  const v = await get(ctx, INGEST.validated);
  if (!v) throw new Error("validate.validated was not staged by its task");
  return v;
};

/** load: reference tables, then the plays (idempotent upserts), quarantine and quality report. */
export async function loadTask(ctx: TaskContext): Promise<void> {
  const v = await validated(ctx);
  const result = await loadStep(ctx.db, { runId: ctx.runId, refs: refsOf(ctx), ...v });
  await put(ctx, INGEST.loaded, result);
  ctx.record({ rowsIn: v.valid.length, rowsOut: result.inserted + result.updated + result.unchanged, rowsQuarantined: result.quarantined });
  ctx.recordRun({ rowsLoaded: v.valid.length, rowsQuarantined: v.quarantined.length });
}

/** quarantine_report: the gate failed, so nothing loads; every rejected row is kept with its reasons, the valid ones held. */
export async function quarantineReportTask(ctx: TaskContext): Promise<void> {
  const v = await validated(ctx);
  const result = await holdStep(ctx.db, { runId: ctx.runId, refs: refsOf(ctx), ...v });
  await put(ctx, INGEST.held, result);
  await put(ctx, INGEST.topReasons, topReasons(v.quarantined));
  ctx.record({ rowsIn: v.quarantined.length, rowsQuarantined: result.quarantined });
  ctx.recordRun({ rowsLoaded: 0, rowsQuarantined: v.quarantined.length });
}

/** alert: tell whoever is on call that the gate stopped the load. */
export async function alertTask(ctx: TaskContext): Promise<void> {
  const gate = await get(ctx, INGEST.gate);
  const top = (await get(ctx, INGEST.topReasons)) ?? [];
  const message =
    `Quality gate failed for run ${ctx.runId}: ${gate?.quarantined ?? "?"} of ${gate?.rows ?? "?"} rows quarantined ` +
    `(${((gate?.rate ?? 0) * 100).toFixed(1)}% > ${((gate?.maxRate ?? 0) * 100).toFixed(1)}%); nothing was loaded. ` +
    `Top reasons: ${top.map(([k, n]) => `${k} ×${n}`).join(", ") || "none"}`;
  ctx.events.emit("alert:fired", { runId: ctx.runId, rule: "quality_gate", severity: "critical", message });
  await put(ctx, INGEST.alert, message);
}

/**
 * summarize: this run's top pitchers and batters, over what it loaded. Then the run's verdict: a run
 * the budget stopped or the gate held fails here (not retried), so the ledger says `failed` with the
 * cause and both `npm start` and `trigger` exit 4 or 3.
 */
export async function summarizeTask(ctx: TaskContext): Promise<void> {
  const v = await validated(ctx);
  const summary = summarizeStep(v.gate.passed ? v.valid : [], refsOf(ctx));
  await put(ctx, INGEST.summary, summary);
  ctx.record({ rowsIn: v.gate.passed ? v.valid.length : 0, rowsOut: summary.topPitchers.length + summary.topBatters.length });
  const failure = runFailureOf(v.gate);
  if (failure) throw failure;
}
