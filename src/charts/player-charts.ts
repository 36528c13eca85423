import { bandHeight, baseSpec, resolveChartOptions, type ChartOptions } from "./chart-options";
import type { BatterStatsRow, PitchMixRow, PitcherStatsRow } from "../summarize/analysis-rows";
import type { VegaLiteSpec } from "./types";

/**
 * Pitchers side by side: pitch count (left) and average velocity (right),
 * sorted by workload; the tooltip adds the most frequent pitch. A pitcher
 * with no known speed gets a bar but no dot.
 *
 * @example showChart(pitcherChart(await pitcherStats(db)))
 */
export function pitcherChart(rows: readonly PitcherStatsRow[], options: ChartOptions = {}): VegaLiteSpec {
  const o = resolveChartOptions(options, { title: "Pitchers: workload and average velocity", width: 300, height: bandHeight(rows.length) });
  // Copied so vega's bookkeeping on data objects never touches the caller's rows.
  const values = rows.map((r) => ({ ...r }));
  const y = { field: "name", type: "nominal", title: null, sort: { field: "pitch_count", order: "descending" } };
  const tooltip = [
    { field: "name", title: "Pitcher" },
    { field: "pitch_count", title: "Pitches" },
    { field: "avg_velocity_mph", title: "Avg velocity (mph)", format: ".1f" },
    { field: "most_frequent_pitch_name", title: "Most frequent pitch" },
    { field: "most_frequent_pitch_count", title: "Thrown" },
  ];
  return {
    ...baseSpec(o.title),
    data: { values },
    hconcat: [
      {
        width: o.width,
        height: o.height,
        mark: { type: "bar", color: "#4c78a8" },
        encoding: { y, x: { field: "pitch_count", type: "quantitative", title: "Pitches thrown" }, tooltip },
      },
      {
        width: o.width,
        height: o.height,
        transform: [{ filter: "isValid(datum.avg_velocity_mph)" }],
        // A dot, not a bar: velocities sit in a narrow band far from zero.
        mark: { type: "point", filled: true, size: 110, opacity: 1, color: "#f58518" },
        encoding: {
          y: { ...y, axis: null },
          x: { field: "avg_velocity_mph", type: "quantitative", title: "Average velocity (mph)", scale: { zero: false } },
          tooltip,
        },
      },
    ],
  };
}

/**
 * Batters: what each one saw, as stacked bars of balls, strikes and balls in
 * play, sorted by pitches seen; the tooltip adds swings and the contact rate.
 *
 * @example showChart(batterChart(await batterStats(db)))
 */
export function batterChart(rows: readonly BatterStatsRow[], options: ChartOptions = {}): VegaLiteSpec {
  const o = resolveChartOptions(options, { title: "Batters: balls, strikes and balls in play", width: 560, height: bandHeight(rows.length) });
  const values = rows.map((r) => ({ ...r }));
  return {
    ...baseSpec(o.title),
    width: o.width,
    height: o.height,
    data: { values },
    transform: [
      { fold: ["balls", "strikes", "balls_in_play"], as: ["outcome_key", "count"] },
      { calculate: "datum.outcome_key === 'balls_in_play' ? 'Ball in play' : datum.outcome_key === 'balls' ? 'Ball' : 'Strike'", as: "outcome" },
      { calculate: "indexof(['balls', 'strikes', 'balls_in_play'], datum.outcome_key)", as: "outcome_order" },
    ],
    mark: { type: "bar" },
    encoding: {
      y: { field: "name", type: "nominal", title: null, sort: { field: "pitches_seen", order: "descending" } },
      x: { field: "count", type: "quantitative", title: "Pitches", stack: "zero" },
      color: {
        field: "outcome",
        type: "nominal",
        title: "Outcome",
        scale: { domain: ["Ball", "Strike", "Ball in play"], range: ["#72b7b2", "#e45756", "#54a24b"] },
      },
      order: { field: "outcome_order", sort: "ascending" },
      tooltip: [
        { field: "name", title: "Batter" },
        { field: "outcome", title: "Outcome" },
        { field: "count", title: "Pitches" },
        { field: "pitches_seen", title: "Pitches seen" },
        { field: "swings", title: "Swings" },
        { field: "contact_rate", title: "Contact rate", format: ".0%" },
      ],
    },
  };
}

/**
 * Pitch-type mix per pitcher: each bar is one pitcher's pitches split by type,
 * normalised to 100% so starters and relievers compare.
 *
 * @example showChart(pitchMixChart(await pitchMix(db)))
 */
export function pitchMixChart(rows: readonly PitchMixRow[], options: ChartOptions = {}): VegaLiteSpec {
  const pitchers = new Set(rows.map((r) => r.pitcher_id)).size;
  const o = resolveChartOptions(options, { title: "Pitch-type mix per pitcher", width: 560, height: bandHeight(pitchers) });
  return {
    ...baseSpec(o.title),
    width: o.width,
    height: o.height,
    data: { values: rows.map((r) => ({ ...r })) },
    mark: { type: "bar" },
    encoding: {
      y: { field: "pitcher_name", type: "nominal", title: null },
      x: { field: "pitches", type: "quantitative", stack: "normalize", title: "Share of pitches", axis: { format: "%" } },
      color: { field: "pitch_type_name", type: "nominal", title: "Pitch type", scale: { scheme: "tableau10" } },
      tooltip: [
        { field: "pitcher_name", title: "Pitcher" },
        { field: "pitch_type_name", title: "Pitch type" },
        { field: "pitch_type_code", title: "Code" },
        { field: "pitches", title: "Pitches" },
        { field: "share", title: "Share", format: ".0%" },
      ],
    },
  };
}
