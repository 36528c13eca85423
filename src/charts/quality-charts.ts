import { OptionsError } from "../errors";
import { COUNT_AXIS } from "./axis-formats";
import { bandHeight, baseSpec, resolveChartOptions, type ChartOptions } from "./chart-options";
import { OUTCOME_COLOURS } from "./palette";
import type { FieldAccuracy, QualityCheckRow, VegaLiteSpec } from "./types";

const RESULTS = [
  { key: "passed", colour: OUTCOME_COLOURS.good },
  { key: "failed", colour: OUTCOME_COLOURS.bad },
  { key: "skipped", colour: OUTCOME_COLOURS.neutral },
] as const;

/**
 * Data-quality results: per check, rows that passed, failed and were skipped
 * (a check skips a row whose fields it needs are null), stacked, with the
 * figures in words at the end of each bar so colour is never the only cue.
 */
export function qualityChecksChart(rows: readonly QualityCheckRow[], options: ChartOptions = {}): VegaLiteSpec {
  const anySkipped = rows.some((r) => (r.skipped ?? 0) > 0);
  const o = resolveChartOptions(options, { title: `Data-quality checks: rows passed${anySkipped ? ", failed and skipped" : " and failed"}`, width: 520, height: bandHeight(rows.length) });
  const values = rows.map((r) => {
    const skipped = r.skipped ?? 0;
    const parts = [`${r.passed} passed`, ...(r.failed > 0 ? [`${r.failed} failed`] : []), ...(skipped > 0 ? [`${skipped} skipped`] : [])];
    return { ...r, skipped, total: r.passed + r.failed + skipped, summary: parts.join(" · ") };
  });
  // Only the results that occur get a legend entry ("passed" always: it is what the chart is about).
  const shown = RESULTS.filter((x) => x.key === "passed" || values.some((v) => v[x.key] > 0));
  const y = { field: "check", type: "nominal", title: null, sort: { field: "failed", op: "max", order: "descending" } };
  return {
    ...baseSpec(o.title),
    width: o.width,
    height: o.height,
    data: { values },
    layer: [
      {
        transform: [
          { fold: shown.map((x) => x.key), as: ["result", "rows"] },
          { calculate: `indexof(${JSON.stringify(shown.map((x) => x.key))}, datum.result)`, as: "result_order" },
        ],
        mark: { type: "bar" },
        encoding: {
          y,
          x: { field: "rows", type: "quantitative", title: "Rows", stack: "zero", axis: COUNT_AXIS },
          color: { field: "result", type: "nominal", title: "Result", legend: { orient: "bottom", direction: "horizontal" }, scale: { domain: shown.map((x) => x.key), range: shown.map((x) => x.colour) } },
          order: { field: "result_order", sort: "ascending" },
          tooltip: [{ field: "check", title: "Check" }, { field: "result", title: "Result" }, { field: "rows", title: "Rows" }, { field: "total", title: "Rows checked" }],
        },
      },
      {
        name: "result_labels",
        mark: { type: "text", align: "left", baseline: "middle", dx: 4, fontSize: 10, color: "#333" },
        encoding: { y, x: { field: "total", type: "quantitative" }, text: { field: "summary" } },
      },
    ],
  };
}

/**
 * Offline-extractor accuracy per field against ground truth, with the 95%
 * target as a rule; each bar is labelled with its accuracy (and "below target"
 * when it is), and the legend lists only the categories that occur.
 */
export function fieldAccuracyChart(rows: readonly FieldAccuracy[], options: ChartOptions & { target?: number } = {}): VegaLiteSpec {
  const o = resolveChartOptions(options, { title: "Extractor accuracy per field", width: 520, height: bandHeight(rows.length) });
  const target = options.target ?? 0.95;
  if (!(target > 0 && target <= 1)) throw new OptionsError("target", "a share in (0, 1]", options.target);
  const values = rows.map((r) => {
    const meets = r.accuracy >= target;
    const pct = `${(Math.round(r.accuracy * 1000) / 10).toFixed(1)}%`;
    return { ...r, meets: meets ? "meets target" : "below target", label: meets ? pct : `${pct} (below target)` };
  });
  const categories = [
    { name: "meets target", colour: OUTCOME_COLOURS.good },
    { name: "below target", colour: OUTCOME_COLOURS.bad },
  ].filter((c) => values.some((v) => v.meets === c.name));
  const targetLabel = [{ target, label: `${Math.round(target * 1000) / 10}% target` }];
  const y = { field: "field", type: "nominal", title: null, sort: { field: "accuracy", op: "max", order: "ascending" } };
  return {
    // Title offset: room above the plot for the target label.
    ...baseSpec(o.title, 16),
    width: o.width,
    height: o.height,
    layer: [
      {
        data: { values },
        mark: { type: "bar" },
        encoding: {
          y,
          x: { field: "accuracy", type: "quantitative", title: "Accuracy", scale: { domain: [0, 1] }, axis: { format: "%" } },
          color: { field: "meets", type: "nominal", title: null, legend: { orient: "bottom", direction: "horizontal" }, scale: { domain: categories.map((c) => c.name), range: categories.map((c) => c.colour) } },
          tooltip: [{ field: "field", title: "Field" }, { field: "accuracy", title: "Accuracy", format: ".1%" }],
        },
      },
      {
        name: "accuracy_labels",
        data: { values },
        mark: { type: "text", align: "right", baseline: "middle", dx: -4, fontSize: 10, color: "white", fontWeight: "bold" },
        encoding: { y, x: { field: "accuracy", type: "quantitative" }, text: { field: "label" } },
      },
      {
        data: { values: targetLabel },
        mark: { type: "rule", color: "#333", strokeDash: [4, 3], strokeWidth: 1.5 },
        encoding: { x: { field: "target", type: "quantitative" } },
      },
      {
        data: { values: targetLabel },
        mark: { type: "text", align: "center", baseline: "bottom", dy: -3, fontSize: 10, color: "#333" },
        encoding: { x: { field: "target", type: "quantitative" }, y: { value: 0 }, text: { field: "label" } },
      },
    ],
  };
}
