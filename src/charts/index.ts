export type {
  Chart,
  CostRow,
  ExcitementArcPoint,
  FieldAccuracy,
  PitchInningRow,
  PlotlyChart,
  PlotlyFigure,
  QualityCheckRow,
  RunCostPoint,
  TaskSpan,
  SpanState,
  VegaLiteSpec,
} from "./types";
export { isPlotlyChart } from "./types";
export { VEGA_LITE_SCHEMA, type ChartOptions } from "./chart-options";
export { excitementArcChart, type ExcitementChartOptions } from "./excitement-chart";
export { batterChart, pitchMixChart, pitcherChart } from "./player-charts";
export { costChart, taskTimelineChart } from "./pipeline-charts";
export { fieldAccuracyChart, qualityChecksChart } from "./quality-charts";
export { costOverRunsChart, pitchInningRows, pitchUsageHeatmap } from "./plotly-charts";
export { ChartRenderError, renderPng, renderSvg, type PngOptions, type RenderedPng } from "./render";
export { chartHtml } from "./standalone-html";
export { chartTitle } from "./chart-title";
export { PLOTLY_MIME, VEGA_LITE_MIME, chartBundle, saveChart, showChart, type ChartBundle, type ShowChartOptions } from "./display";
