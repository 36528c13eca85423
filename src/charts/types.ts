/**
 * Row shapes the chart builders accept, and the chart objects they return.
 * Rows are plain data (what a SQL query or an analysis step hands back); the
 * builders copy them inline into the spec, so a chart never fetches a URL.
 * The player charts take summarize's row types (`PitcherStatsRow`,
 * `BatterStatsRow`, `PitchMixRow`) as they are; only chart-specific rows live here.
 */
import type { ExcitementPoint } from "../summarize/analysis-rows";

/**
 * One play on the excitement arc, in game order: the fields the chart reads
 * from summarize's `ExcitementPoint`, so `excitementTimeline(db)` rows (or
 * `frameRows` of its frame) pass straight in. A play whose inning is unknown
 * (null) is still drawn; it just opens no inning boundary.
 */
export type ExcitementArcPoint = Pick<ExcitementPoint, "play_id" | "inning_number" | "inning_half" | "excitement" | "key_moment"> & {
  /** Shown in the key-moment tooltip, e.g. "Home run, 2 RBI". */
  label?: string;
};

/** Pitches of one type thrown in one inning (the plotly heatmap's cells). */
export interface PitchInningRow {
  inning_number: number;
  pitch_type_name: string;
  pitches: number;
}

// Task spans are the ledger's (monitor/); the Gantt chart draws them.
export type { SpanState, TaskSpan } from "../monitor/task-spans";

/** One run's LLM spend (a `readCostPerRun(db)` row, or anything with these fields). */
export interface RunCostPoint {
  run_id: string;
  dag: string;
  state: string;
  started_at: Date | string | null;
  cost_usd: number;
  llm_requests: number;
  tokens_in: number;
  rows_in: number;
}

export interface CostRow {
  step: string;
  model: string;
  usd: number;
  kind: "forecast" | "actual";
}

export interface QualityCheckRow {
  check: string;
  passed: number;
  failed: number;
  /** Rows the check did not apply to (the fields it needs are null). Default: 0. */
  skipped?: number;
}

export interface FieldAccuracy {
  field: string;
  /** Share of rows where the extractor matched ground truth, 0..1. */
  accuracy: number;
}

/**
 * A vega-lite spec as JSON. Kept structural (not vega-lite's own `TopLevelSpec`)
 * because the notebook kernel resolves modules node10-style and cannot see
 * vega-lite's `exports`-only type declarations.
 */
export interface VegaLiteSpec {
  $schema: string;
  title?: string | { text: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** A plotly figure (`data` traces + `layout`), as the plotly mime type carries it. */
export interface PlotlyFigure {
  data: Record<string, unknown>[];
  layout: Record<string, unknown>;
  config?: Record<string, unknown>;
}

/** A plotly chart plus the vega-lite twin used for its static image. */
export interface PlotlyChart {
  kind: "plotly";
  title: string;
  figure: PlotlyFigure;
  /** Drawn in Node for static views (GitHub, nbconvert HTML), where plotly cannot run. */
  fallback: VegaLiteSpec;
}

/** Anything `showChart`, `saveChart` and `renderSvg` accept. */
export type Chart = VegaLiteSpec | PlotlyChart;

export function isPlotlyChart(chart: Chart): chart is PlotlyChart {
  return (chart as PlotlyChart).kind === "plotly" && typeof (chart as PlotlyChart).figure === "object";
}
