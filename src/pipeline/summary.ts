import { formatUsd } from "../errors";
import { exitCodeFor } from "./exit-codes";
import type { PipelineResult } from "./run-pipeline";

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const num = (n: number, digits = 0) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The run's summary as plain text: rows, quality checks, LLM usage, time per step, top pitchers and batters. */
export function formatSummary(r: PipelineResult): string {
  const loaded = r.plays.length;
  const lines = [
    `Run ${r.runId} — provider: ${r.provider === "openai" ? "OpenAI" : "offline (rule-based)"}`,
    ``,
    `Rows       ${num(r.rowsIn)} in = ${num(loaded)} loaded + ${num(r.quarantine.length)} quarantined` +
      (r.held.length > 0 ? ` + ${num(r.held.length)} held by the quality gate` : "") +
      `   (new ${r.load.inserted}, updated ${r.load.updated}, unchanged ${r.load.unchanged})`,
  ];
  for (const w of r.warnings) lines.push(`Input      ${w}`);
  if (r.outcome === "stopped") {
    const budget = r.budgetUsd === undefined ? "" : ` of $${formatUsd(r.budgetUsd)}`;
    const detail = r.stoppedReason ? ` (${r.stoppedReason.replace(/^Cost budget exceeded: /, "")})` : "";
    lines.push(`Stopped    by the cost budget${budget}${detail}: the rows it did not reach are quarantined. ` +
      `Raise --max-cost (or MAX_COST_USD) and run again: rows already answered come from the cache.`);
  } else if (r.stoppedReason) lines.push(`Stopped    ${r.stoppedReason}`);
  if (!r.gate.passed) {
    const failedInTransform = r.quarantine.filter((q) => q.step === "transform").length;
    const why = r.outcome === "stopped"
      ? `most quarantined rows are the ones the budget stopped: raise the budget.`
      : failedInTransform * 2 > r.quarantine.length
        ? `${num(failedInTransform)} of the ${num(r.quarantine.length)} quarantined rows failed in the AI step (the provider's answers; reasons below): ` +
          `run again when it answers well, rows already answered come from the cache.`
        : `the input (reasons below). Fix the input, or raise the limit on purpose.`;
    lines.push(`Gate       FAILED: ${(r.gate.rate * 100).toFixed(1)}% of rows quarantined, over the ${(r.gate.maxRate * 100).toFixed(1)}% limit ` +
      `(ALERT_QUALITY_MAX_FAILED_RATE): nothing was loaded; the ${num(r.held.length)} valid rows are held. Cause: ${why} ` +
      `\`npm start -- held load ${r.runId}\` loads the held rows as they are.`);
  }
  lines.push(``, `Quality checks`);
  for (const c of r.quality.checks) lines.push(`  ${pad(c.check, 12)} passed ${pad(c.passed, 5)} failed ${pad(c.failed, 4)} skipped ${c.skipped}`);
  const reasons = new Map<string, number>();
  for (const q of r.quarantine) for (const reason of q.reasons) {
    const key = `${reason.check}${reason.field ? `.${reason.field}` : ""}`;
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
  }
  if (reasons.size > 0) lines.push(`  quarantine reasons: ${[...reasons].map(([k, v]) => `${k} ×${v}`).join(", ")}`);
  const messages = new Map<string, number>();
  for (const q of r.quarantine) for (const reason of q.reasons) messages.set(reason.message, (messages.get(reason.message) ?? 0) + 1);
  for (const [message, n] of [...messages].sort((a, b) => b[1] - a[1]).slice(0, 3)) lines.push(`    ${n} × ${message.slice(0, 140)}`);
  lines.push(
    ``,
    `LLM        ${num(r.llm.requests)} requests (${num(r.llm.retries)} retries), ${num(r.llm.tokensIn)} tokens in, ${num(r.llm.tokensOut)} out, ` +
      `$${num(r.llm.costUsd, 4)}, ${num(r.llm.cachedRows)} rows from cache`,
    ``,
    `Time per step`,
    ...r.steps.map((s) => `  ${pad(s.step, 10)} ${pad(`${num(s.durationMs)} ms`, 10)} rows ${s.rowsIn} → ${s.rowsOut}`),
    ``,
    `Top pitchers of this run (by pitches)`,
    ...r.topPitchers.map((p) => `  ${pad(p.name, 20)} ${pad(`${p.pitch_count} pitches`, 13)} avg ${p.avg_velocity_mph === null ? "—" : num(p.avg_velocity_mph, 1)} mph, most often ${p.most_frequent_pitch_name ?? "—"}`),
    ``,
    `Top batters of this run (by pitches seen)`,
    ...r.topBatters.map((b) => `  ${pad(b.name, 20)} ${pad(`${b.pitches_seen} seen`, 10)} balls ${b.balls}, strikes ${b.strikes}, in play ${b.balls_in_play}, contact ${b.contact_rate === null ? "—" : `${num(b.contact_rate * 100)}%`}`),
  );
  const outcome = { loaded: "loaded", held: "held by the quality gate", stopped: "stopped by the cost budget" }[r.outcome];
  lines.push(``, `Outcome    ${outcome} (exit ${exitCodeFor(r.outcome)})${r.cause ? `: ${r.cause}` : ""}`);
  return lines.join("\n");
}
