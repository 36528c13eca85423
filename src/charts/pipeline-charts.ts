import { OptionsError } from "../errors";
import { usdFormat } from "./axis-formats";
import { bandHeight, baseSpec, resolveChartOptions, type ChartOptions } from "./chart-options";
import { OKABE_ITO, OUTCOME_COLOURS } from "./palette";
import type { CostRow, TaskSpan, SpanState, VegaLiteSpec } from "./types";

/** Attempt outcomes: colour-blind-safe colours, and a shape at the end of each bar as the second cue. */
const STATES: Record<SpanState, { colour: string; shape: string }> = {
  success: { colour: OUTCOME_COLOURS.good, shape: "circle" },
  failed: { colour: OUTCOME_COLOURS.bad, shape: "cross" },
  retried: { colour: OUTCOME_COLOURS.warning, shape: "triangle-up" },
  skipped: { colour: OUTCOME_COLOURS.neutral, shape: "square" },
};

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
  // Only the outcomes that occur get a legend entry.
  const present = (Object.keys(STATES) as SpanState[]).filter((k) => spans.some((sp) => sp.state === k));
  const stateLegend = {
    field: "state",
    type: "nominal",
    title: "Attempt outcome",
    scale: { domain: present, range: present.map((k) => STATES[k].colour) },
  };
  const tooltip = [
    { field: "task", title: "Task" },
    { field: "attempt", title: "Attempt" },
    { field: "state", title: "Outcome" },
    { field: "start_s", title: "Start (s)", format: ".2f" },
    { field: "duration_s", title: "Duration (s)", format: ".2f" },
  ];
  return {
    ...baseSpec(o.title),
    width: o.width,
    height: o.height,
    data: { values },
    encoding: { y: { field: "task", type: "nominal", title: null, sort: tasks } },
    layer: [
      {
        mark: { type: "bar", stroke: "white", strokeWidth: 0.5, cornerRadius: 2 },
        encoding: {
          x: { field: "start_s", type: "quantitative", title: "Seconds since run start" },
          x2: { field: "end_s" },
          color: stateLegend,
          tooltip,
        },
      },
      {
        name: "outcome_shapes",
        mark: { type: "point", filled: true, size: 60, opacity: 1, stroke: "white", strokeWidth: 0.8 },
        encoding: {
          x: { field: "end_s", type: "quantitative" },
          color: stateLegend,
          shape: { field: "state", type: "nominal", title: "Attempt outcome", scale: { domain: present, range: present.map((k) => STATES[k].shape) } },
          tooltip,
        },
      },
    ],
  };
}

/**
 * Cost in USD, forecast next to actual: per pipeline step (left) and per
 * model (right).
 */
export function costChart(rows: readonly CostRow[], options: ChartOptions = {}): VegaLiteSpec {
  const o = resolveChartOptions(options, { title: "Cost: forecast vs actual (USD)", width: 300, height: 220 });
  // The axis's format follows the largest bar: a run costing $0.0015 ticks $0.0005, $0.0010, $0.0015.
  const sums = (field: "step" | "model") => {
    const by = new Map<string, number>();
    for (const r of rows) by.set(`${r[field]}|${r.kind}`, (by.get(`${r[field]}|${r.kind}`) ?? 0) + r.usd);
    return Math.max(0, ...by.values());
  };
  const panel = (field: "step" | "model", title: string) => ({
    width: o.width,
    height: o.height,
    title: { text: title, fontSize: 12 },
    mark: { type: "bar" },
    encoding: {
      x: { field, type: "nominal", title: null, axis: { labelAngle: -30 } },
      xOffset: { field: "kind", sort: ["forecast", "actual"] },
      y: { aggregate: "sum", field: "usd", type: "quantitative", title: "USD", axis: { format: usdFormat(sums(field)), tickCount: 5 } },
      color: { field: "kind", type: "nominal", title: null, scale: { domain: ["forecast", "actual"], range: [OKABE_ITO.skyBlue, OKABE_ITO.blue] } },
      tooltip: [
        { field, title: field === "step" ? "Step" : "Model" },
        { field: "kind", title: "Kind" },
        { aggregate: "sum", field: "usd", title: "USD", format: "$.6f" },
      ],
    },
  });
  return { ...baseSpec(o.title), data: { values: rows.map((r) => ({ ...r })) }, hconcat: [panel("step", "Per step"), panel("model", "Per model")] };
}

function toMs(value: Date | string): number {
  return value instanceof Date ? value.getTime() : Date.parse(value);
}

function uniqueInOrder(values: readonly string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) === i);
}
