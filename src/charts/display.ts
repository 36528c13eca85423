import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { findProjectRoot } from "../config";
import { OptionsError } from "../errors";
import { chartSlug, chartTitle } from "./chart-title";
import { renderPng, renderSvg } from "./render";
import { chartHtml } from "./standalone-html";
import { isPlotlyChart, type Chart } from "./types";

export const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";
export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

export interface ShowChartOptions {
  /**
   * Static image put next to the interactive chart: "png" (default; every viewer shows it) or "svg".
   * Beware "svg" for HTML exports: nbconvert 6.5's HTML sanitiser strips inline SVG down to its text.
   */
  image?: "png" | "svg";
  /** PNG pixel density. Default: 2. */
  scale?: number;
  /** Outside a kernel: where to write the static image. Default: `artifacts/charts/<title>.<image>`. */
  saveTo?: string;
}

/** One Jupyter display message: several representations of the same chart. */
export interface ChartBundle {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/**
 * The display bundle for a chart: the interactive mime type (vega-lite v5 or
 * plotly JSON) that JupyterLab renders, a static image (PNG or SVG) that
 * GitHub's preview and nbconvert HTML show, and the title as text/plain.
 */
export async function chartBundle(chart: Chart, options: ShowChartOptions = {}): Promise<ChartBundle> {
  const image = options.image ?? "png";
  if (image !== "png" && image !== "svg") throw new OptionsError("image", '"png" or "svg"', options.image);
  const svg = await renderSvg(chart);
  const data: Record<string, unknown> = isPlotlyChart(chart) ? { [PLOTLY_MIME]: chart.figure } : { [VEGA_LITE_MIME]: chart };
  const metadata: Record<string, unknown> = {};
  if (image === "svg") {
    data["image/svg+xml"] = svg;
  } else {
    const png = renderPng(svg, { scale: options.scale ?? 2 });
    data["image/png"] = png.png.toString("base64");
    metadata["image/png"] = { width: png.displayWidth, height: png.displayHeight };
  }
  data["text/plain"] = chartTitle(chart);
  return { data, metadata };
}

/**
 * Show a chart in a tslab notebook as ONE output carrying every
 * representation (see `chartBundle`). tslab's public `display.raw` sends one
 * mime type per message, so this hands the whole bundle to the kernel's own
 * display writer instead. Outside a kernel (tests, CLI) nothing is displayed:
 * the static image is written to a file and its path returned.
 *
 * @example await showChart(excitementArcChart(points))
 */
export async function showChart(chart: Chart, options: ShowChartOptions = {}): Promise<string | undefined> {
  const bundle = await chartBundle(chart, options);
  const write = kernelDisplayWriter();
  if (write) {
    write({ data: bundle.data, metadata: bundle.metadata, transient: {} }, false);
    return undefined;
  }
  const file = options.saveTo ?? path.join(findProjectRoot(), "artifacts", "charts", `${chartSlug(chart)}.${options.image ?? "png"}`);
  await saveChart(chart, file, options);
  return file;
}

/**
 * Write a chart to a file chosen by extension: .svg, .png (static), .html
 * (interactive, libraries inlined from node_modules) or .json (the spec/figure).
 */
export async function saveChart(chart: Chart, filePath: string, options: Pick<ShowChartOptions, "scale"> = {}): Promise<string> {
  const ext = path.extname(filePath).toLowerCase();
  let content: string | Buffer;
  if (ext === ".svg") content = await renderSvg(chart);
  else if (ext === ".png") content = renderPng(await renderSvg(chart), { scale: options.scale ?? 2 }).png;
  else if (ext === ".html") content = chartHtml(chart);
  else if (ext === ".json") content = JSON.stringify(isPlotlyChart(chart) ? chart.figure : chart, null, 2);
  else throw new OptionsError("filePath", "a path ending in .svg, .png, .html or .json", filePath);
  mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
  writeFileSync(filePath, content);
  return filePath;
}

type DisplayWriter = (message: { data: Record<string, unknown>; metadata: Record<string, unknown>; transient: object }, update: boolean) => void;

/**
 * The running tslab kernel keeps its display writer in its own
 * `tslab/dist/jupyter.js` module (`lastWriteDisplayData`, set for each cell).
 * Look it up in the module cache instead of importing tslab: outside a
 * kernel it is simply absent, and nothing heavy gets loaded.
 */
function kernelDisplayWriter(): DisplayWriter | undefined {
  const cache = createRequire(path.join(process.cwd(), "index.js")).cache;
  for (const [file, mod] of Object.entries(cache)) {
    if (!/[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(file)) continue;
    const writer = (mod?.exports as { lastWriteDisplayData?: unknown } | undefined)?.lastWriteDisplayData;
    if (typeof writer === "function") return writer as DisplayWriter;
  }
  return undefined;
}
