import { formatUsd } from "../../errors";
import type { Queryable } from "../../db/database";

/** What the alert rules look at for one run: read from the ledger by `readRunFacts`. */
export interface RunFacts {
  runId: string;
  dag: string;
  state: "queued" | "running" | "success" | "failed";
  scheduledFor: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  rowsIn: number | null;
  costUsd: number;
  /** Tasks that ended failed (after their retries). */
  failedTasks: { task: string; attempts: number; error: string | null }[];
  /** Finished task attempts in the run, and how many of them failed. */
  attempts: number;
  failedAttempts: number;
  /** The run's data-quality report (`quality_results`). */
  qualityChecks: { check: string; passed: number; failed: number }[];
  /** Set when the orchestrator decided the quality gate itself; otherwise derived from `qualityChecks`. */
  qualityGatePassed?: boolean;
  /** Where the run's rows ended (`run_row_accounting`), when the run recorded it. */
  rows?: { rowsIn: number; loaded: number; quarantined: number; held: number };
}

export type AlertSeverity = "warning" | "critical";

/** A rule returns the alert's message when it fires for the run, `null` when the run is healthy. */
export interface AlertRule {
  name: string;
  severity: AlertSeverity;
  evaluate(facts: RunFacts, now: Date): string | null;
}

export interface RuleThresholds {
  /** Failed attempts over attempts above which `error-rate` fires (config `alerts.errorRate`). */
  errorRate: number;
  /** A run spending more than this fires `cost-over-budget` (config `llm.maxCostUsd`). */
  maxCostUsd: number;
  /** A quality check failing more than this share of rows fails the gate. */
  qualityMaxFailedRate: number;
  /** A scheduled run not finished this long after `scheduled_for` fires `run-late`. */
  lateAfterMs: number;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The five built-in rules: task failed, error rate, cost over budget, quality gate, run late. */
export function defaultRules(t: RuleThresholds): AlertRule[] {
  return [
    {
      name: "task-failed",
      severity: "critical",
      evaluate: (f) =>
        f.failedTasks.length === 0
          ? null
          : `Run ${f.runId}: ${f.failedTasks.map((x) => `task ${x.task} failed after ${x.attempts} attempt(s)${x.error ? ` (${x.error})` : ""}`).join("; ")}`,
    },
    {
      name: "error-rate",
      severity: "warning",
      evaluate: (f) => {
        const rate = f.attempts === 0 ? 0 : f.failedAttempts / f.attempts;
        return rate > t.errorRate
          ? `Run ${f.runId}: ${f.failedAttempts} of ${f.attempts} task attempts failed (${pct(rate)}, threshold ${pct(t.errorRate)})`
          : null;
      },
    },
    {
      name: "cost-over-budget",
      severity: "critical",
      evaluate: (f) =>
        f.costUsd > t.maxCostUsd ? `Run ${f.runId} spent $${f.costUsd.toFixed(4)}, over the budget of $${formatUsd(t.maxCostUsd)}` : null,
    },
    {
      name: "quality-gate",
      severity: "critical",
      evaluate: (f) => {
        const failing = f.qualityChecks.filter((c) => c.failed > 0 && c.failed / (c.passed + c.failed) > t.qualityMaxFailedRate);
        if (f.qualityGatePassed === true || (f.qualityGatePassed === undefined && failing.length === 0)) return null;
        const detail = failing.map((c) => `${c.check} failed ${c.failed} of ${c.passed + c.failed} rows`).join(", ");
        const rows = f.rows && f.rows.held > 0
          ? `: ${f.rows.quarantined} of ${f.rows.rowsIn} rows quarantined (limit ${pct(t.qualityMaxFailedRate)}), nothing loaded, ${f.rows.held} valid row(s) held`
          : "";
        return `Run ${f.runId}: quality gate failed${rows}${detail ? ` (${detail}; limit ${pct(t.qualityMaxFailedRate)})` : ""}`;
      },
    },
    {
      name: "run-late",
      severity: "warning",
      evaluate: (f, now) => {
        if (!f.scheduledFor) return null;
        const deadline = f.scheduledFor.getTime() + t.lateAfterMs;
        const doneAt = f.state === "success" || f.state === "failed" ? f.finishedAt : null;
        const late = (doneAt ?? now).getTime() > deadline;
        if (!late) return null;
        const minutes = Math.round(((doneAt ?? now).getTime() - f.scheduledFor.getTime()) / 60_000);
        return `Run ${f.runId} scheduled for ${f.scheduledFor.toISOString()} ${doneAt ? `finished ${minutes} min later` : `has not finished after ${minutes} min`} (deadline ${Math.round(t.lateAfterMs / 60_000)} min)`;
      },
    },
  ];
}

/** Read the facts of one run from the ledger and the quality report. */
export async function readRunFacts(db: Queryable, runId: string): Promise<RunFacts | undefined> {
  const [run] = await db.query<{
    dag: string; state: RunFacts["state"]; scheduled_for: Date | null; started_at: Date | null;
    finished_at: Date | null; rows_in: number | null; cost_usd: number;
  }>(
    `SELECT dag, state, scheduled_for, started_at, finished_at, rows_in, coalesce(cost_usd, 0)::float8 AS cost_usd
     FROM pipeline_runs WHERE run_id = $1`,
    [runId],
  );
  if (!run) return undefined;
  const failedTasks = await db.query<{ task: string; attempts: number; error: string | null }>(
    `SELECT task, attempts::int AS attempts, error FROM pipeline_tasks WHERE run_id = $1 AND state = 'failed' ORDER BY task`,
    [runId],
  );
  const [rate] = await db.query<{ attempts: number; failed_attempts: number }>(
    `SELECT attempts, failed_attempts FROM health_run_error_rate WHERE run_id = $1`,
    [runId],
  );
  const qualityChecks = await db.query<{ check: string; passed: number; failed: number }>(
    `SELECT check_name AS check, passed::int AS passed, failed::int AS failed FROM quality_results WHERE run_id = $1 ORDER BY check_name`,
    [runId],
  );
  // A run that held rows failed its quality gate, whatever the per-check rates say.
  const [rows] = await db.query<{ rows_in: number; loaded: number; quarantined: number; held: number }>(
    `SELECT rows_in, loaded, quarantined, held FROM run_row_accounting WHERE run_id = $1`,
    [runId],
  );
  return {
    runId,
    dag: run.dag,
    ...(rows ? { rows: { rowsIn: rows.rows_in, loaded: rows.loaded, quarantined: rows.quarantined, held: rows.held } } : {}),
    ...(rows && rows.held > 0 ? { qualityGatePassed: false } : {}),
    state: run.state,
    scheduledFor: run.scheduled_for,
    startedAt: run.started_at,
    finishedAt: run.finished_at,
    rowsIn: run.rows_in,
    costUsd: run.cost_usd,
    failedTasks,
    attempts: rate?.attempts ?? 0,
    failedAttempts: rate?.failed_attempts ?? 0,
    qualityChecks,
  };
}
