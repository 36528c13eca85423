import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkHtmlExports, type PageCheck } from "../../scripts/browser-check";
import { makeExportInteractive, makeInteractive } from "../../scripts/notebooks/interactive-html";
import { chartBundle, costOverRunsChart, fieldAccuracyChart, PLOTLY_MIME, pitchUsageHeatmap } from "../../src/charts";
import * as rows from "./sample-rows";

// A real `jupyter nbconvert --to html` export of a notebook holding what showChart displays:
// two plotly charts (figure + PNG) and a vega-lite chart (spec + PNG).

const dir = mkdtempSync(path.join(os.tmpdir(), "interactive-html-"));
afterAll(() => (process.env.KEEP_TMP ? console.log(dir) : rmSync(dir, { recursive: true, force: true })));

const runs = [1, 2, 3].map((i) => ({
  run_id: `run-${i}`, dag: "pipeline", state: "success", started_at: new Date(Date.UTC(2025, 2, i)), cost_usd: 0.0004 * i, llm_requests: 2 * i, tokens_in: 900 * i, rows_in: 10,
}));

let notebook: { cells: unknown[] };
let html: string;
let pages: PageCheck[];

beforeAll(async () => {
  const output = async (chart: Parameters<typeof chartBundle>[0]) => ({ output_type: "display_data", ...(await chartBundle(chart)) });
  notebook = {
    cells: [
      { cell_type: "code", id: "a1", metadata: {}, execution_count: 1, source: ["showChart(heatmap)"], outputs: [await output(pitchUsageHeatmap(rows.pitchByInning))] },
      { cell_type: "code", id: "a2", metadata: {}, execution_count: 2, source: ["showChart(accuracy)"], outputs: [await output(fieldAccuracyChart(rows.fieldAccuracy))] },
      { cell_type: "code", id: "a3", metadata: {}, execution_count: 3, source: ["showChart(cost)"], outputs: [await output(costOverRunsChart(runs))] },
    ],
  };
  const nbFile = path.join(dir, "charts.ipynb");
  writeFileSync(nbFile, JSON.stringify({ ...notebook, metadata: {}, nbformat: 4, nbformat_minor: 5 }));
  execFileSync("jupyter", ["nbconvert", "--to", "html", "--output-dir", dir, nbFile], { stdio: "pipe" });
  html = readFileSync(path.join(dir, "charts.html"), "utf8");

  writeFileSync(path.join(dir, "interactive.html"), html);
  const result = makeExportInteractive(path.join(dir, "interactive.html"), nbFile);
  expect(result).toEqual({ html: expect.any(String), figures: 2, interactive: 2 });
  // The same page with a plotly.js that defines nothing: the charts cannot draw.
  writeFileSync(path.join(dir, "broken.html"), makeInteractive(html, notebook as never, () => "/* no plotly here */").html);
  pages = await checkHtmlExports([path.join(dir, "interactive.html"), path.join(dir, "broken.html")], { screenshotDir: path.join(dir, "shots") });
}, 90_000);

describe("interactive HTML export", () => {
  it("nbconvert alone shows only the static images of the plotly charts", () => {
    expect(html).not.toContain("Plotly.newPlot");
    expect(html.match(/<img [^>]*src="data:image\/png;base64,/g)).toHaveLength(3);
  });

  it("draws both plotly charts with the local plotly.js-dist (no network), hides their static twins, keeps the vega chart's image", () => {
    const page = pages[0]!;
    expect(page.problems).toEqual([]);
    expect(page.charts.map((c) => c.kind).sort()).toEqual(["img", "plotly", "plotly"]);
    for (const c of page.charts) expect(c.blank).toBe(false);
    const processed = readFileSync(path.join(dir, "interactive.html"), "utf8");
    expect(processed).not.toMatch(/<script[^>]+src="https?:[^"]*plotly/i);
    expect(processed.match(/class="wb-plotly-chart"/g)).toHaveLength(2);
  });

  it("a page whose plotly charts cannot draw fails the browser check and keeps the static images", () => {
    const broken = pages[1]!;
    expect(broken.ok).toBe(false);
    expect(broken.problems).toContain("the interactive plotly charts did not draw (failed)");
  });

  it("is idempotent and leaves a notebook without plotly charts alone", () => {
    const once = makeInteractive(html, notebook as never);
    expect(makeInteractive(once.html, notebook as never).html).toBe(once.html);
    const noPlotly = { cells: [{ outputs: [{ data: { "image/png": "iVBOR" } }] }] };
    expect(makeInteractive(html, noPlotly)).toEqual({ html, figures: 0, interactive: 0 });
    expect(JSON.stringify(notebook)).toContain(PLOTLY_MIME);
  });
});
