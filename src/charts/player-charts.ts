import { COUNT_AXIS, MPH_AXIS, mphDomain } from "./axis-formats";
import { bandHeight, baseSpec, resolveChartOptions, type ChartOptions } from "./chart-options";
import { OKABE_ITO, TABLEAU_COLOR_BLIND_10 } from "./palette";
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
        mark: { type: "bar", color: OKABE_ITO.blue },
        encoding: { y, x: { field: "pitch_count", type: "quantitative", title: "Pitches thrown", axis: COUNT_AXIS }, tooltip },
      },
      {
        width: o.width,
        height: o.height,
        transform: [{ filter: "isValid(datum.avg_velocity_mph)" }],
        // A dot, not a bar: velocities sit in a narrow band far from zero.
        mark: { type: "point", filled: true, size: 110, opacity: 1, color: OKABE_ITO.orange },
        encoding: {
          y: { ...y, axis: null },
          x: {
            field: "avg_velocity_mph",
            type: "quantitative",
            title: "Average velocity (mph)",
            axis: MPH_AXIS,
            // Whole mph around the data: one pitcher (or all at one speed) still gets a readable axis.
            scale: velocityScale(rows.map((r) => r.avg_velocity_mph)),
          },
          tooltip,
        },
      },
    ],
  };
}

/** Batter outcomes: colour-blind-safe colours plus a letter in each segment, so colour is never the only cue. */
const OUTCOMES = [
  { key: "balls", label: "Ball (B)", letter: "B", colour: OKABE_ITO.skyBlue, text: "black" },
  { key: "strikes", label: "Strike (S)", letter: "S", colour: OKABE_ITO.vermillion, text: "white" },
  { key: "balls_in_play", label: "Ball in play (P)", letter: "P", colour: OKABE_ITO.blue, text: "white" },
] as const;

/**
 * Batters: what each one saw, as stacked bars of balls, strikes and balls in
 * play, sorted by pitches seen; each segment wide enough carries its letter
 * and count ("S 8"); the tooltip adds swings and the contact rate.
 *
 * @example showChart(batterChart(await batterStats(db)))
 */
export function batterChart(rows: readonly BatterStatsRow[], options: ChartOptions = {}): VegaLiteSpec {
  const o = resolveChartOptions(options, { title: "Batters: balls, strikes and balls in play", width: 560, height: bandHeight(rows.length) });
  const values = rows.map((r) => ({ ...r }));
  const mostSeen = Math.max(1, ...rows.map((r) => r.balls + r.strikes + r.balls_in_play));
  // A label needs about 22 px: segments narrower than that stay unlabelled (the tooltip still tells).
  const minLabelled = Math.ceil(22 / (o.width / mostSeen));
  const pick = (field: "label" | "letter" | "text") =>
    OUTCOMES.map((x) => `datum.outcome_key === '${x.key}' ? '${x[field]}'`).join(" : ") + " : ''";
  const y = { field: "name", type: "nominal", title: null, sort: { field: "pitches_seen", op: "max", order: "descending" } };
  return {
    ...baseSpec(o.title),
    width: o.width,
    height: o.height,
    data: { values },
    transform: [
      { fold: OUTCOMES.map((x) => x.key), as: ["outcome_key", "count"] },
      { calculate: pick("label"), as: "outcome" },
      { calculate: pick("letter"), as: "letter" },
      { calculate: pick("text"), as: "text_colour" },
      { calculate: `indexof(${JSON.stringify(OUTCOMES.map((x) => x.key))}, datum.outcome_key)`, as: "outcome_order" },
      { stack: "count", groupby: ["name"], sort: [{ field: "outcome_order", order: "ascending" }], as: ["count_start", "count_end"] },
    ],
    layer: [
      {
        mark: { type: "bar" },
        encoding: {
          y,
          x: { field: "count_start", type: "quantitative", title: "Pitches", axis: COUNT_AXIS },
          x2: { field: "count_end" },
          color: {
            field: "outcome",
            type: "nominal",
            title: "Outcome",
            scale: { domain: OUTCOMES.map((x) => x.label), range: OUTCOMES.map((x) => x.colour) },
          },
          tooltip: [
            { field: "name", title: "Batter" },
            { field: "outcome", title: "Outcome" },
            { field: "count", title: "Pitches" },
            { field: "pitches_seen", title: "Pitches seen" },
            { field: "swings", title: "Swings" },
            { field: "contact_rate", title: "Contact rate", format: ".0%" },
          ],
        },
      },
      {
        name: "segment_labels",
        transform: [{ filter: `datum.count >= ${minLabelled}` }, { calculate: "(datum.count_start + datum.count_end) / 2", as: "count_mid" }, { calculate: "datum.letter + ' ' + datum.count", as: "segment_label" }],
        mark: { type: "text", fontSize: 10, fontWeight: "bold", baseline: "middle", align: "center" },
        encoding: {
          y,
          x: { field: "count_mid", type: "quantitative" },
          text: { field: "segment_label" },
          color: { field: "text_colour", type: "nominal", scale: null, legend: null },
        },
      },
    ],
    // The letters' colours are literal values: keep them out of the outcome legend.
    resolve: { scale: { color: "independent" } },
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
      color: { field: "pitch_type_name", type: "nominal", title: "Pitch type", scale: { range: [...TABLEAU_COLOR_BLIND_10] } },
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

function velocityScale(speeds: readonly (number | null)[]): Record<string, unknown> {
  const domain = mphDomain(speeds);
  return domain ? { zero: false, domain, nice: false } : { zero: false };
}
