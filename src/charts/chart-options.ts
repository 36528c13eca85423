import { OptionsError } from "../errors";
import type { VegaLiteSpec } from "./types";
import { dropUndefined } from "../util/defined";

/**
 * The schema JupyterLab's vega renderer expects: it renders the mime type
 * `application/vnd.vegalite.v5+json`. The installed vega-lite (v6) compiles
 * these specs too; the builders only use features both versions share.
 */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/** Options every builder accepts. */
export interface ChartOptions {
  /** Chart title. Default: a title naming what the chart shows. */
  title?: string;
  /** Plot width in pixels (per panel for side-by-side charts). Default: 640, or 300 per panel. */
  width?: number;
  /** Plot height in pixels. Default: depends on the chart (bars grow with the row count). */
  height?: number;
}

export interface ResolvedChartOptions {
  title: string;
  width: number;
  height: number;
}

/** Spread the defaults once and reject bad sizes with a message naming the field. */
export function resolveChartOptions(options: ChartOptions | undefined, defaults: ResolvedChartOptions): ResolvedChartOptions {
  const merged = { ...defaults, ...dropUndefined(options ?? {}) };
  for (const field of ["width", "height"] as const) {
    const value = merged[field];
    if (!Number.isInteger(value) || value < 20 || value > 4000) {
      throw new OptionsError(field, "an integer between 20 and 4000 (pixels)", value);
    }
  }
  if (typeof merged.title !== "string") throw new OptionsError("title", "a string", merged.title);
  return merged;
}

/** Height for a bar chart with one band per row: readable for 3 rows and for 30. */
export function bandHeight(rowCount: number, perRow = 22): number {
  return Math.min(900, Math.max(80, rowCount * perRow));
}

/** Common top-level properties: schema, title, white background, no view border. */
export function baseSpec(title: string, titleOffset?: number): VegaLiteSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: title, anchor: "start", fontSize: 15, ...(titleOffset === undefined ? {} : { offset: titleOffset }) },
    background: "white",
    padding: 12,
    config: { view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 12 }, legend: { labelFontSize: 11 } },
  };
}
