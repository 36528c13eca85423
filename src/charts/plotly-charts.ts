import { usdFormat } from "./axis-formats";
import { bandHeight, baseSpec, resolveChartOptions, type ChartOptions } from "./chart-options";
import { OKABE_ITO } from "./palette";
import type { PitchInningRow, PlotlyChart, RunCostPoint } from "./types";

/**
 * Pitch-type usage by inning as a plotly heatmap (pitch types × innings,
 * colour = pitches thrown). JupyterLab's plotly extension renders the figure
 * interactively; static views get the vega-lite twin in `fallback`.
 *
 * @example showChart(pitchUsageHeatmap(rows))
 */
export function pitchUsageHeatmap(rows: readonly PitchInningRow[], options: ChartOptions = {}): PlotlyChart {
  const types = [...new Set(rows.map((r) => r.pitch_type_name))].sort();
  const innings = [...new Set(rows.map((r) => r.inning_number))].sort((a, b) => a - b);
  const o = resolveChartOptions(options, { title: "Pitch-type usage by inning", width: 560, height: bandHeight(types.length, 30) });
  const z = types.map((t) => innings.map((i) => sumWhere(rows, t, i)));
  const figure = {
    data: [
      {
        type: "heatmap",
        x: innings.map((i) => `Inn ${i}`),
        y: types,
        z,
        colorscale: "Blues",
        // Plotly's Blues runs dark to light: reversed, more pitches are darker (as in the static twin).
        reversescale: true,
        hovertemplate: "%{y}, %{x}: %{z} pitches<extra></extra>",
        colorbar: { title: { text: "Pitches" }, tickformat: "d", dtick: Math.max(1, Math.ceil(Math.max(0, ...z.flat()) / 6)) },
      },
    ],
    layout: {
      title: { text: o.title },
      width: o.width + 220,
      height: o.height + 120,
      margin: { l: 140, r: 20, t: 50, b: 50 },
      xaxis: { title: { text: "Inning" }, type: "category" },
      yaxis: { automargin: true, type: "category" },
    },
    config: { displaylogo: false, responsive: true },
  };
  const fallback = {
    ...baseSpec(o.title),
    width: o.width,
    height: o.height,
    data: { values: rows.map((r) => ({ ...r, inning: `Inn ${r.inning_number}` })) },
    mark: { type: "rect", stroke: "white" },
    encoding: {
      x: { field: "inning", type: "ordinal", title: "Inning", sort: innings.map((i) => `Inn ${i}`), axis: { labelAngle: 0 } },
      y: { field: "pitch_type_name", type: "nominal", title: null, sort: types },
      color: { aggregate: "sum", field: "pitches", type: "quantitative", title: "Pitches", scale: { scheme: "blues" }, legend: { format: "d", tickMinStep: 1 } },
      tooltip: [{ field: "pitch_type_name", title: "Pitch type" }, { field: "inning", title: "Inning" }, { aggregate: "sum", field: "pitches", title: "Pitches" }],
    },
  };
  return { kind: "plotly", title: o.title, figure, fallback };
}

function sumWhere(rows: readonly PitchInningRow[], type: string, inning: number): number {
  let total = 0;
  for (const r of rows) if (r.pitch_type_name === type && r.inning_number === inning) total += r.pitches;
  return total;
}

/**
 * Pitches per pitch type and inning, from enriched plays (`validation.valid`): the rows
 * `pitchUsageHeatmap` takes. A play whose inning the commentary did not restate counts in the
 * last inning stated before it (as on the excitement arc); plays with no pitch type are left out.
 *
 * @example showChart(pitchUsageHeatmap(pitchInningRows(validation.valid)))
 */
// Optional fields too: the notebook kernel compiles without strictNullChecks, where zod makes nullable fields optional.
export function pitchInningRows(plays: readonly { inning_number?: number | null; pitch_type_name?: string | null }[]): PitchInningRow[] {
  const counts = new Map<string, PitchInningRow>();
  let inning: number | null = null;
  for (const p of plays) {
    inning = p.inning_number ?? inning;
    if (inning === null || p.pitch_type_name === null || p.pitch_type_name === undefined) continue;
    const key = `${inning}|${p.pitch_type_name}`;
    const row = counts.get(key) ?? { inning_number: inning, pitch_type_name: p.pitch_type_name, pitches: 0 };
    row.pitches += 1;
    counts.set(key, row);
  }
  return [...counts.values()].sort((a, b) => a.inning_number - b.inning_number || a.pitch_type_name.localeCompare(b.pitch_type_name));
}

/**
 * LLM cost over runs, oldest first, as a plotly bar chart: hover a bar for the run's id,
 * requests, tokens and rows; zoom into a stretch of runs. Takes `readCostPerRun(db)` rows
 * (newest first, as the view returns them) as they are. The y axis has enough digits for
 * runs that cost fractions of a cent.
 *
 * @example showChart(costOverRunsChart((await readHealth(db)).costPerRun))
 */
export function costOverRunsChart(rows: readonly RunCostPoint[], options: ChartOptions = {}): PlotlyChart {
  const o = resolveChartOptions(options, { title: "LLM cost per run", width: 640, height: 260 });
  const runs = [...rows].sort((a, b) => time(a.started_at) - time(b.started_at)).map((r, i) => ({
    ...r,
    order: i + 1,
    label: `${i + 1}. ${r.dag}`,
    started: r.started_at ? new Date(r.started_at).toISOString().replace("T", " ").slice(0, 19) : "not started",
  }));
  const format = usdFormat(Math.max(0, ...runs.map((r) => r.cost_usd)));
  const figure = {
    data: [
      {
        type: "bar",
        x: runs.map((r) => r.label),
        y: runs.map((r) => r.cost_usd),
        customdata: runs.map((r) => [r.run_id, r.llm_requests, r.tokens_in, r.rows_in, r.started, r.state]),
        marker: { color: OKABE_ITO.blue },
        hovertemplate: `<b>%{customdata[0]}</b> (%{customdata[5]})<br>started %{customdata[4]}<br>%{y:${format}} for %{customdata[1]} requests, %{customdata[2]:,} tokens in, %{customdata[3]} rows<extra></extra>`,
      },
    ],
    layout: {
      title: { text: o.title },
      width: o.width + 100,
      height: o.height + 140,
      margin: { l: 80, r: 20, t: 50, b: 90 },
      xaxis: { title: { text: "Run (oldest first)" }, type: "category", tickangle: -30 },
      yaxis: { title: { text: "USD" }, tickformat: format, rangemode: "tozero" },
    },
    config: { displaylogo: false, responsive: true },
  };
  const fallback = {
    ...baseSpec(o.title),
    width: o.width,
    height: o.height,
    data: { values: runs },
    mark: { type: "bar", color: OKABE_ITO.blue },
    encoding: {
      x: { field: "label", type: "ordinal", title: "Run (oldest first)", sort: runs.map((r) => r.label), axis: { labelAngle: -30 } },
      y: { field: "cost_usd", type: "quantitative", title: "USD", axis: { format, tickCount: 5 } },
      tooltip: [
        { field: "run_id", title: "Run" },
        { field: "cost_usd", title: "USD", format: "$.6f" },
        { field: "llm_requests", title: "Requests", format: "d" },
        { field: "rows_in", title: "Rows", format: "d" },
      ],
    },
  };
  return { kind: "plotly", title: o.title, figure, fallback };
}

function time(value: Date | string | null): number {
  if (value === null) return Number.POSITIVE_INFINITY;
  const t = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}
