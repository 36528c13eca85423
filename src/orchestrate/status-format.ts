import path from "node:path";
import { findProjectRoot } from "../config";
import type { LedgerTaskRow, RunRow } from "./ledger";

/** 1,234 ms / 2.3 s / 4 min 05 s */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => (c ?? "").padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

function runDuration(run: RunRow): number | null {
  if (!run.started_at) return null;
  return (run.finished_at ?? new Date()).getTime() - run.started_at.getTime();
}

/** A path as people want to read it: relative to the project when inside it (no machine paths in notebooks). */
function displayPath(p: string): string {
  const rel = path.relative(findProjectRoot(), p);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : p;
}

/** A run and its tasks: state, attempts, duration, rows, and the error of anything that failed. */
export function formatRunStatus(run: RunRow, tasks: readonly LedgerTaskRow[]): string {
  const head = [
    `run ${run.run_id}  (${run.dag}, ${run.trigger}, ${run.env})  ${run.state.toUpperCase()}  ${formatDuration(runDuration(run))}`,
    run.input_path ? `input ${displayPath(run.input_path)}` : "",
    `rows: ${describeRunRows(run) || "-"}` +
      (run.llm_requests ? `; LLM ${run.llm_requests} requests, $${(run.cost_usd ?? 0).toFixed(4)}, ${run.cache_hits ?? 0} cache hits` : ""),
    run.resumes > 0 ? `resumed ${run.resumes} time(s)` : "",
    run.error ? `error: ${run.error}` : "",
  ].filter((l) => l !== "");
  const rows = inDisplayOrder(tasks).map((t) => [
    t.parent ? `  ${t.task}` : t.fan_out !== null ? `${t.task} (×${t.fan_out})` : t.task,
    t.state + (t.branch ? ` → ${t.branch.join(", ")}` : ""),
    t.fan_out !== null ? "" : String(t.attempts),
    formatDuration(t.duration_ms),
    t.rows_in === null ? "" : `${t.rows_in} → ${t.rows_out ?? ""}${t.rows_quarantined ? ` (${t.rows_quarantined} q)` : ""}`,
    t.error ? t.error.slice(0, 80) : "",
  ]);
  return `${head.join("\n")}\n\n${table(["task", "state", "attempts", "duration", "rows", "error"], rows)}`;
}

/** Tasks in the order they started, each fan-out's copies right under it. */
function inDisplayOrder(tasks: readonly LedgerTaskRow[]): LedgerTaskRow[] {
  const t0 = (t: LedgerTaskRow) => t.started_at?.getTime() ?? Number.MAX_SAFE_INTEGER;
  const top = tasks.filter((t) => !t.parent).sort((a, b) => t0(a) - t0(b));
  return top.flatMap((t) => [t, ...tasks.filter((c) => c.parent === t.task).sort((a, b) => (a.fan_index ?? 0) - (b.fan_index ?? 0))]);
}

/**
 * What a run's DAG counts, in words: plays in, loaded and quarantined for an ingest run; for a report run,
 * which run it reported on and over how many plays.
 */
export function describeRunRows(r: RunRow): string {
  if (r.upstream_run_id) return `report on ${r.upstream_run_id}${r.rows_in === null ? "" : ` (${r.rows_in} plays)`}`;
  return r.rows_in === null ? "" : `${r.rows_in} in → ${r.rows_loaded ?? 0} loaded + ${r.rows_quarantined ?? 0} quarantined`;
}

/** Recent runs, newest first. */
export function formatRuns(runs: readonly RunRow[]): string {
  if (runs.length === 0) return "No runs yet. `npm start -- trigger` starts one.";
  return table(
    ["run", "dag", "state", "trigger", "started", "duration", "rows"],
    runs.map((r) => [
      r.run_id, r.dag, r.state, r.trigger, r.started_at ? r.started_at.toISOString().replace("T", " ").slice(0, 19) : "",
      formatDuration(runDuration(r)), describeRunRows(r),
    ]),
  );
}
