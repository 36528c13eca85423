import { existsSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import { OptionsError, PipelineError, toError } from "../errors";
import { loadVega } from "./esm-import";
import { isPlotlyChart, type Chart } from "./types";

/** Fonts tried in order for vega's `sans-serif` text; DejaVu ships with Debian, Liberation with most distros. */
const FONT_FILES = [
  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
  "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
  "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
  "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
];

/** A chart spec that vega-lite or vega refused, with the chart title for context. */
export class ChartRenderError extends PipelineError {
  constructor(message: string, cause?: unknown) {
    super(message, { step: "monitor", cause });
  }
}

/**
 * Render a chart to SVG in Node: vega-lite compiles the spec, a headless
 * `vega.View` (renderer "none", no canvas needed) draws it. A plotly chart is
 * drawn from its vega-lite twin.
 *
 * @example const svg = await renderSvg(excitementArcChart(points))
 */
export async function renderSvg(chart: Chart): Promise<string> {
  const spec = isPlotlyChart(chart) ? chart.fallback : chart;
  const { vega, vegaLite } = await loadVega();
  let runtime: unknown;
  try {
    runtime = vega.parse(vegaLite.compile(spec).spec);
  } catch (e) {
    throw new ChartRenderError(`vega-lite could not compile the chart: ${toError(e).message}`, e);
  }
  const view = new vega.View(runtime, { renderer: "none", logLevel: vega.Error });
  try {
    return await view.toSVG();
  } catch (e) {
    throw new ChartRenderError(`vega could not render the chart: ${toError(e).message}`, e);
  } finally {
    view.finalize();
  }
}

export interface PngOptions {
  /** Pixel density: 2 gives crisp text on high-DPI screens. Default: 2. */
  scale?: number;
  /** Background painted under the chart. Default: "white". */
  background?: string;
}

export interface RenderedPng {
  png: Buffer;
  /** Size in pixels of the PNG. */
  width: number;
  height: number;
  /** Size at which to show it (pixels ÷ scale), so text keeps its intended size. */
  displayWidth: number;
  displayHeight: number;
}

/**
 * Rasterise an SVG with resvg, using the machine's fonts (DejaVu/Liberation
 * for vega's `sans-serif`) so labels render as text, not boxes.
 */
export function renderPng(svg: string, options: PngOptions = {}): RenderedPng {
  const scale = options.scale ?? 2;
  if (!(scale > 0 && scale <= 8)) throw new OptionsError("scale", "a number in (0, 8]", options.scale);
  const resvg = new Resvg(svg, {
    background: options.background ?? "white",
    fitTo: { mode: "zoom", value: scale },
    font: {
      loadSystemFonts: true,
      fontFiles: FONT_FILES.filter((f) => existsSync(f)),
      defaultFontFamily: "DejaVu Sans",
      sansSerifFamily: "DejaVu Sans",
      serifFamily: "DejaVu Serif",
      monospaceFamily: "DejaVu Sans Mono",
    },
  });
  const image = resvg.render();
  const png = image.asPng();
  return {
    png,
    width: image.width,
    height: image.height,
    displayWidth: Math.round(image.width / scale),
    displayHeight: Math.round(image.height / scale),
  };
}
