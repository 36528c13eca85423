import { OptionsError } from "../errors";
import { bandHeight, baseSpec, resolveChartOptions, type ChartOptions } from "./chart-options";
import type { CostRow, FieldAccuracy, QualityCheckRow, TaskSpan, SpanState, VegaLiteSpec } from "./types";

const STATE_COLOURS: Record<SpanState, string> = { success: "#54a24b", failed: "#e45756", retried: "#f58518", skipped: "#bab0ac" };

/**
 * The run's task timeline (a Gantt chart): one row per task, one bar per
 * attempt from start to end in seconds since the run began, coloured by
 * outcome, so a task that failed twice and then succeeded shows three bars.
 *
 * @example showChart(taskTimelineChart(spansFromLedger(run)))
 */
export function taskTimelineChart(spans: readonly TaskSpan[], options: ChartOptions = {}): VegaLiteSpec {
  const tasks = uniqueInOrder([...spans].sort((a, b) => toMs(a.start) - toMs(b.start)).map((s) => s.task));
  const o = resolveChartOptions(options, { title: "Pipeline run: task timeline", width: 640, height: bandHeight(tasks.length, 26) });
  spans.forEach((s, i) => {
    for (const key of ["start", "end"] as const) {
      if (Number.isNaN(toMs(s[key]))) throw new OptionsError(`spans[${i}].${key}`, "a Date or an ISO date string", s[key]);
    }
  });
  const t0 = spans.length ? Math.min(...spans.map((s) => toMs(s.start))) : 0;
  const t1 = spans.length ? Math.max(...spans.map((s) => toMs(s.end))) : 0;
  // Instant tasks (a cache hit, a skip) still get a sliver of width so they stay visible.
  const minWidth = Math.max(0.001, (t1 - t0) / 1000 / 150);
  const values = spans.map((s) => {
    const start = (toMs(s.start) - t0) / 1000;
    const end = (toMs(s.end) - t0) / 1000;
    return { task: s.task, attempt: s.attempt, state: s.state, start_s: start, end_s: Math.max(end, start + minWidth), duration_s: end - start };
  });
  return {
    ...baseSpec(o.title),
    width: o.width,
    height: o.height,
    data: { values },
    mark: { type: "bar", stroke: "white", strokeWidth: 0.5, cornerRadius: 2 },
    encoding: {
      y: { field: "task", type: "nominal", title: null, sort: tasks },
      x: { field: "start_s", type: "quantitative", title: "Seconds since run start" },
      x2: { field: "end_s" },
      color: {
        field: "state",
        type: "nominal",
        title: "Attempt outcome",
        scale: { domain: Object.keys(STATE_COLOURS), range: Object.values(STATE_COLOURS) },
      },
      tooltip: [
        { field: "task", title: "Task" },
        { field: "attempt", title: "Attempt" },
        { field: "state", title: "Outcome" },
        { field: "start_s", title: "Start (s)", format: ".2f" },
        { field: "duration_s", title: "Duration (s)", format: ".2f" },
      ],
    },
  };
}

/**
 * Cost in USD, forecast next to actual: per pipeline step (left) and per
 * model (right).
 */
export function costChart(rows: readonly CostRow[], options: ChartOptions = {}): VegaLiteSpec {
  const o = resolveChartOptions(options, { title: "Cost: forecast vs actual (USD)", width: 300, height: 220 });
  const panel = (field: "step" | "model", title: string) => ({
    width: o.width,
    height: o.height,
    title: { text: title, fontSize: 12 },
    mark: { type: "bar" },
    encoding: {
      x: { field, type: "nominal", title: null, axis: { labelAngle: -30 } },
      xOffset: { field: "kind", sort: ["forecast", "actual"] },
      y: { aggregate: "sum", field: "usd", type: "quantitative", title: "USD", axis: { format: "$.3~f" } },
      color: { field: "kind", type: "nominal", title: null, scale: { domain: ["forecast", "actual"], range: ["#9ecae9", "#1f4e99"] } },
      tooltip: [
        { field, title: field === "step" ? "Step" : "Model" },
        { field: "kind", title: "Kind" },
        { aggregate: "sum", field: "usd", title: "USD", format: "$.4f" },
      ],
    },
  });
  return { ...baseSpec(o.title), data: { values: rows.map((r) => ({ ...r })) }, hconcat: [panel("step", "Per step"), panel("model", "Per model")] };
}

/** Data-quality results: per check, rows that passed and rows that failed, stacked. */
export function qualityChecksChart(rows: readonly QualityCheckRow[], options: ChartOptions = {}): VegaLiteSpec {
  const o = resolveChartOptions(options, { title: "Data-quality checks: rows passed and failed", width: 520, height: bandHeight(rows.length) });
  return {
    ...baseSpec(o.title),
    width: o.width,
    height: o.height,
    data: { values: rows.map((r) => ({ ...r, total: r.passed + r.failed })) },
    transform: [{ fold: ["passed", "failed"], as: ["result", "rows"] }],
    mark: { type: "bar" },
    encoding: {
      y: { field: "check", type: "nominal", title: null, sort: { field: "failed", order: "descending" } },
      x: { field: "rows", type: "quantitative", title: "Rows", stack: "zero" },
      color: { field: "result", type: "nominal", title: "Result", scale: { domain: ["passed", "failed"], range: ["#54a24b", "#e45756"] } },
      order: { field: "result", sort: "descending" },
      tooltip: [{ field: "check", title: "Check" }, { field: "result", title: "Result" }, { field: "rows", title: "Rows" }, { field: "total", title: "Rows checked" }],
    },
  };
}

/** Offline-extractor accuracy per field against ground truth, with the 95% target as a rule. */
export function fieldAccuracyChart(rows: readonly FieldAccuracy[], options: ChartOptions & { target?: number } = {}): VegaLiteSpec {
  const o = resolveChartOptions(options, { title: "Extractor accuracy per field", width: 520, height: bandHeight(rows.length) });
  const target = options.target ?? 0.95;
  if (!(target > 0 && target <= 1)) throw new OptionsError("target", "a share in (0, 1]", options.target);
  return {
    // Title offset: room above the plot for the target label.
    ...baseSpec(o.title, 16),
    width: o.width,
    height: o.height,
    layer: [
      {
        data: { values: rows.map((r) => ({ ...r, meets: r.accuracy >= target ? "meets target" : "below target" })) },
        mark: { type: "bar" },
        encoding: {
          y: { field: "field", type: "nominal", title: null, sort: { field: "accuracy", order: "ascending" } },
          x: { field: "accuracy", type: "quantitative", title: "Accuracy", scale: { domain: [0, 1] }, axis: { format: "%" } },
          color: { field: "meets", type: "nominal", title: null, scale: { domain: ["meets target", "below target"], range: ["#4c78a8", "#e45756"] } },
          tooltip: [{ field: "field", title: "Field" }, { field: "accuracy", title: "Accuracy", format: ".1%" }],
        },
      },
      {
        data: { values: [{ target, label: `${Math.round(target * 1000) / 10}% target` }] },
        mark: { type: "rule", color: "#333", strokeDash: [4, 3], strokeWidth: 1.5 },
        encoding: { x: { field: "target", type: "quantitative" } },
      },
      {
        data: { values: [{ target, label: `${Math.round(target * 1000) / 10}% target` }] },
        mark: { type: "text", align: "center", baseline: "bottom", dy: -3, fontSize: 10, color: "#333" },
        encoding: { x: { field: "target", type: "quantitative" }, y: { value: 0 }, text: { field: "label" } },
      },
    ],
  };
}

function toMs(value: Date | string): number {
  return value instanceof Date ? value.getTime() : Date.parse(value);
}

function uniqueInOrder(values: readonly string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) === i);
}
