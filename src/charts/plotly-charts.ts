import { bandHeight, baseSpec, resolveChartOptions, type ChartOptions } from "./chart-options";
import type { PitchInningRow, PlotlyChart } from "./types";

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
        hovertemplate: "%{y}, %{x}: %{z} pitches<extra></extra>",
        colorbar: { title: { text: "Pitches" } },
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
      color: { aggregate: "sum", field: "pitches", type: "quantitative", title: "Pitches", scale: { scheme: "blues" } },
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
