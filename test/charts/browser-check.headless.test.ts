import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkHtmlExports, type PageCheck } from "../../scripts/browser-check";
import { chartBundle, chartHtml, excitementArcChart, pitchUsageHeatmap, renderPng, renderSvg, taskTimelineChart } from "../../src/charts";
import * as rows from "./sample-rows";

// Pages shaped like `jupyter nbconvert --to html` (lab template) output.
const pngOutput = (b64: string) => `<div class="jp-RenderedImage jp-OutputArea-output"><img src="data:image/png;base64,${b64}"></div>`;
const svgOutput = (svg: string) => `<div class="jp-RenderedSVG jp-OutputArea-output" data-mime-type="image/svg+xml">${svg}</div>`;
const page = (body: string) => `<!doctype html><html><head><script src="https://cdn.example.invalid/require.js"></script></head><body>${body}</body></html>`;

const dir = mkdtempSync(path.join(os.tmpdir(), "browser-check-"));
let results: PageCheck[];
let interactive: PageCheck[];

beforeAll(async () => {
  const arc = await chartBundle(excitementArcChart(rows.excitement));
  const heat = await chartBundle(pitchUsageHeatmap(rows.pitchByInning));
  const gantt = await renderSvg(taskTimelineChart(rows.taskSpans));
  const blank = renderPng('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="150"></svg>', { scale: 1 }).png.toString("base64");
  writeFileSync(path.join(dir, "good.html"), page(pngOutput(arc.data["image/png"] as string) + pngOutput(heat.data["image/png"] as string) + svgOutput(gantt)));
  writeFileSync(path.join(dir, "one-blank.html"), page(pngOutput(arc.data["image/png"] as string) + pngOutput(blank)));
  writeFileSync(path.join(dir, "no-charts.html"), page("<p>text only</p>"));
  results = await checkHtmlExports(dir, { screenshotDir: path.join(dir, "shots") });
  // Standalone interactive pages: plotly.js and vega inlined from node_modules, drawn offline.
  mkdirSync(path.join(dir, "interactive"));
  writeFileSync(path.join(dir, "interactive", "plotly.html"), chartHtml(pitchUsageHeatmap(rows.pitchByInning)));
  writeFileSync(path.join(dir, "interactive", "vega.html"), chartHtml(taskTimelineChart(rows.taskSpans)));
  interactive = await checkHtmlExports(path.join(dir, "interactive"), {
    screenshotDir: path.join(dir, "shots"),
    selector: "#chart",
  });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const byName = (name: string) => results.find((r) => path.basename(r.file) === name)!;

describe("browser check of HTML exports (headless Chromium)", () => {
  it("passes a page whose image and inline-SVG charts are all drawn, and screenshots each", () => {
    const good = byName("good.html");
    expect(good.ok).toBe(true);
    expect(good.charts.map((c) => c.kind)).toEqual(["img", "img", "svg"]);
    for (const chart of good.charts) {
      expect(chart.blank).toBe(false);
      expect(existsSync(chart.screenshot)).toBe(true);
    }
  });

  it("fails a page with a blank chart and says which one", () => {
    const bad = byName("one-blank.html");
    expect(bad.ok).toBe(false);
    expect(bad.charts.map((c) => c.blank)).toEqual([false, true]);
    expect(bad.problems).toEqual([expect.stringMatching(/^chart 2 \(img\) is blank/)]);
  });

  it("fails a page with no charts at all", () => {
    expect(byName("no-charts.html")).toMatchObject({ ok: false, problems: ["no chart outputs found"] });
  });

  it("standalone chart pages draw with the local plotly.js and vega builds, no network", () => {
    expect(interactive.map((r) => [r.ok, r.charts.length])).toEqual([
      [true, 1],
      [true, 1],
    ]);
  });
});
