import * as wb from "../../index";

/** Per-task p95 and the success rate from the health views, and a bar chart of the p95. */
export async function buildDashboard(db: wb.Queryable): Promise<wb.Dashboard> {
  const durations = await wb.readTaskDurations(db);
  const rates = await wb.readSuccessRate(db);
  const runs = rates.reduce((n, r) => n + r.runs, 0);
  const succeeded = rates.reduce((n, r) => n + r.succeeded, 0);
  const taskP95 = durations.map((d) => ({ task: d.task, p95_ms: d.p95_ms }));
  const chart: wb.VegaLiteSpec = {
    $schema: wb.VEGA_LITE_SCHEMA,
    title: `Task p95 duration (success rate ${((succeeded / runs) * 100).toFixed(0)}%)`,
    width: 480,
    data: { values: taskP95 },
    mark: "bar",
    encoding: {
      y: { field: "task", type: "nominal", sort: "-x", title: null },
      x: { field: "p95_ms", type: "quantitative", title: "p95 duration (ms)" },
    },
  };
  return { taskP95, successRate: runs === 0 ? 0 : succeeded / runs, chart };
}
