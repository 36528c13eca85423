import { isPlotlyChart, type Chart } from "./types";

/** The chart's title as plain text ("chart" when it has none). */
export function chartTitle(chart: Chart): string {
  if (isPlotlyChart(chart)) return chart.title;
  const t = chart.title;
  if (typeof t === "string") return t;
  if (t && typeof t.text === "string") return t.text;
  return "chart";
}

/** A file-name-safe slug of the title: "Excitement over the game" → "excitement-over-the-game". */
export function chartSlug(chart: Chart): string {
  return chartTitle(chart).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "chart";
}
