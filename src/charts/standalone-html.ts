import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { findProjectRoot } from "../config";
import { chartTitle } from "./chart-title";
import { isPlotlyChart, type Chart } from "./types";

/**
 * A self-contained interactive HTML page for a chart. The libraries are
 * inlined from the project's own node_modules (vega + vega-lite builds, or
 * `plotly.js-dist`), never fetched from a CDN, so the page works offline.
 */
export function chartHtml(chart: Chart): string {
  const title = escapeHtml(chartTitle(chart));
  const scripts = isPlotlyChart(chart)
    ? [plotlyLibrary(), `Plotly.newPlot("chart", ${safeJson(chart.figure.data)}, ${safeJson(chart.figure.layout)}, ${safeJson(chart.figure.config ?? {})});`]
    : [
        libraryScript("vega", "build/vega.min.js"),
        libraryScript("vega-lite", "build/vega-lite.min.js"),
        `new vega.View(vega.parse(vegaLite.compile(${safeJson(chart)}).spec), { renderer: "svg", container: "#chart", hover: true }).runAsync();`,
      ];
  return [
    "<!doctype html>",
    `<html><head><meta charset="utf-8"><title>${title}</title></head>`,
    `<body style="margin:16px;font-family:sans-serif;background:white"><div id="chart"></div>`,
    ...scripts.map((s) => `<script>${s.replace(/<\/script/gi, "<\\/script")}</script>`),
    "</body></html>",
  ].join("\n");
}

/** plotly.js from the project's own `plotly.js-dist`, as a script body to inline into a page. */
export function plotlyLibrary(): string {
  return libraryScript("plotly.js-dist", "plotly.js");
}

function libraryScript(packageName: string, file: string): string {
  const resolver = createRequire(path.join(findProjectRoot(), "package.json"));
  // Walk up from the entry point: not every package exports its package.json.
  let dir = path.dirname(resolver.resolve(packageName));
  while (!existsSync(path.join(dir, "package.json")) || JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).name !== packageName) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the ${packageName} package folder`);
    dir = parent;
  }
  return readFileSync(path.join(dir, file), "utf8");
}

function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);
}
