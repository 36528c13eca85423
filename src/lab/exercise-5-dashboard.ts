import { renderSvg } from "../charts/render";
import type { Chart } from "../charts/types";
import type { Queryable } from "../db/database";
import { RunLedger } from "../monitor/run-ledger";
import { fromError, reportCheck, untouched, verdicts, type CheckResult, type Hint } from "./check-result";
import { openLabDatabase } from "./lab-database";

/** What exercise 5 asks for: the dashboard's figures and its chart. */
export interface Dashboard {
  /** One row per task: the 95th percentile of its successful executions, ms (PostgreSQL's percentile_cont). */
  taskP95: { task: string; p95_ms: number }[];
  /** Finished runs that succeeded, 0..1. */
  successRate: number;
  /** A chart of the per-task p95 (vega-lite spec or a chart builder's result). */
  chart: Chart;
}

export type DashboardBuilder = (db: Queryable) => Promise<Dashboard>;

const P95_ANSWER = [
  "const taskP95 = (await wb.readTaskDurations(db)).map((r) => ({ task: r.task, p95_ms: r.p95_ms }));",
  "// or: SELECT task, percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms) AS p95_ms",
  "//       FROM pipeline_tasks WHERE state = 'success' GROUP BY task",
].join("\n");

/** Graded hints, one per part of the exercise. */
export const EXERCISE_5_HINTS = {
  dashboard: {
    part: "the dashboard",
    nudge: "buildDashboard returns one object: taskP95 (one row per task), successRate and chart.",
    answer: "return { taskP95: [...], successRate: …, chart: { … } };",
  },
  tasks: {
    part: "one p95 per task",
    nudge: "one row per task: group the ledger's task executions by task name.",
    answer: P95_ANSWER,
  },
  p95: {
    part: "the p95",
    nudge: "the 95th percentile of successful executions only, interpolated between ranks as PostgreSQL's percentile_cont does (not the median, not the maximum).",
    answer: P95_ANSWER,
  },
  rate: {
    part: "the success rate",
    nudge: "a rate between 0 and 1: runs that succeeded over runs that finished.",
    answer: [
      "const rates = await wb.readSuccessRate(db);   // one row per DAG: runs, succeeded, failed, success_rate",
      "const successRate = rates.reduce((n, r) => n + r.succeeded, 0) / rates.reduce((n, r) => n + r.runs, 0);",
    ].join("\n"),
  },
  chart: {
    part: "the chart",
    nudge: "a vega-lite spec that compiles, with the task on one axis and p95_ms on the other.",
    answer: "chart: { $schema: wb.VEGA_LITE_SCHEMA, data: { values: taskP95 }, mark: \"bar\", encoding: { y: { field: \"task\", type: \"nominal\" }, x: { field: \"p95_ms\", type: \"quantitative\" } } }",
  },
} satisfies Record<string, Hint>;

const TASKS = ["extract", "validate", "load"] as const;
/** Base durations (ms) per task; each run adds a deterministic wobble, run 3 an outlier extract. */
const BASE = { extract: 4200, validate: 350, load: 900 } as const;

/**
 * Seed six runs of `ingest` through the real run ledger (events recorded with a fixed clock):
 * five succeed, run 4 fails in `load`. Returns nothing; the rows are the ledger's.
 */
export async function seedLedger(db: Queryable): Promise<void> {
  const ledger = new RunLedger(db, { dag: "ingest", env: "dev" });
  let clock = Date.parse("2025-03-03T06:30:00Z");
  const at = () => new Date(clock);
  for (let r = 1; r <= 6; r++) {
    const runId = `lab-run-${r}`;
    const started = clock;
    await ledger.record("run:start", { runId, rows: 729, provider: "offline" }, at());
    let failed = false;
    for (const task of TASKS) {
      const durationMs = BASE[task] + ((r * 37 + task.length * 53) % 200) + (task === "extract" && r === 3 ? 2600 : 0);
      await ledger.record("task:start", { runId, task, attempt: 1 }, at());
      clock += durationMs;
      if (task === "load" && r === 4) {
        await ledger.record("task:error", { runId, task, attempt: 1, durationMs, error: new Error("duplicate key value violates unique constraint") }, at());
        await ledger.record("run:error", { runId, durationMs: clock - started, error: new Error("task load failed") }, at());
        failed = true;
        break;
      }
      await ledger.record("task:success", { runId, task, attempt: 1, durationMs }, at());
    }
    if (!failed) await ledger.record("run:success", { runId, durationMs: clock - started, loaded: 700, quarantined: 29 }, at());
    clock += 3_600_000;
  }
}

/** percentile_cont: linear interpolation between the two closest ranks. */
export function percentileCont(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

/**
 * Exercise 5 (monitoring dashboard): seed the ledger, call the learner's builder, and compare its
 * per-task p95 and success rate with figures computed here from the raw ledger rows; the chart
 * must render to SVG (vega, in Node) and name every task.
 */
export async function evaluateExercise5(build: DashboardBuilder): Promise<CheckResult> {
  const v = verdicts(5);
  const stub = untouched(5, build);
  if (stub) return stub;
  const db = await openLabDatabase();
  try {
    await seedLedger(db);
    let dash: Dashboard;
    try {
      dash = await build(db);
    } catch (e) {
      return fromError(5, e, EXERCISE_5_HINTS.dashboard);
    }
    const rows = await db.query<{ task: string; duration_ms: number }>(`SELECT task, duration_ms FROM pipeline_tasks WHERE state = 'success'`);
    const runs = await db.query<{ state: string }>(`SELECT state FROM pipeline_runs WHERE state IN ('success', 'failed')`);
    const expectedRate = runs.filter((r) => r.state === "success").length / runs.length;
    const expected = TASKS.map((task) => ({ task, p95: percentileCont(rows.filter((r) => r.task === task).map((r) => r.duration_ms), 0.95) }));
    for (const e of expected) {
      const got = dash.taskP95?.find((t) => t.task === e.task);
      if (!got) return v.notYet(`taskP95 has no row for ${e.task}.`, EXERCISE_5_HINTS.tasks);
      if (Math.abs(Number(got.p95_ms) - e.p95) > 0.5) return v.notYet(`p95 of ${e.task} is ${got.p95_ms} ms; the ledger's successful executions give ${e.p95.toFixed(1)} ms.`, EXERCISE_5_HINTS.p95);
    }
    if (!(Math.abs(Number(dash.successRate) - expectedRate) < 1e-9)) {
      return v.notYet(`successRate is ${dash.successRate}; ${runs.filter((r) => r.state === "success").length} of ${runs.length} finished runs succeeded (${expectedRate.toFixed(3)}).`, EXERCISE_5_HINTS.rate);
    }
    let svg: string;
    try {
      svg = await renderSvg(dash.chart);
    } catch (e) {
      return fromError(5, e, EXERCISE_5_HINTS.chart);
    }
    const unnamed = TASKS.filter((t) => !svg.includes(`>${t}<`));
    if (!svg.startsWith("<svg") || unnamed.length > 0) return v.notYet(`the chart renders but does not show ${unnamed.join(", ")}.`, EXERCISE_5_HINTS.chart);
    return v.pass(`p95 per task (${expected.map((e) => `${e.task} ${Math.round(e.p95)} ms`).join(", ")}) and the success rate (${(expectedRate * 100).toFixed(1)}%) match the ledger, and the chart renders (${svg.length.toLocaleString("en-US")} bytes of SVG).`);
  } catch (e) {
    return fromError(5, e, EXERCISE_5_HINTS.dashboard);
  } finally {
    await db.close().catch(() => undefined);
  }
}

/** Run the exercise 5 check and show the verdict. */
export async function checkExercise5(build: DashboardBuilder): Promise<void> {
  reportCheck(await evaluateExercise5(build));
}
