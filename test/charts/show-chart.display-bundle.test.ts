import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PLOTLY_MIME, VEGA_LITE_MIME, chartBundle, fieldAccuracyChart, pitchUsageHeatmap, saveChart, showChart } from "../../src/charts";
import { inkRatio } from "./png-pixels";
import * as rows from "./sample-rows";

const dir = mkdtempSync(path.join(os.tmpdir(), "charts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("chartBundle", () => {
  it("carries the interactive vega-lite spec, a PNG fallback sized for display, and the title", async () => {
    const spec = fieldAccuracyChart(rows.fieldAccuracy);
    const bundle = await chartBundle(spec);
    expect(Object.keys(bundle.data).sort()).toEqual([VEGA_LITE_MIME, "image/png", "text/plain"].sort());
    expect(bundle.data[VEGA_LITE_MIME]).toBe(spec);
    expect(bundle.data["text/plain"]).toBe("Extractor accuracy per field");
    expect(inkRatio(Buffer.from(bundle.data["image/png"] as string, "base64"))).toBeGreaterThan(0.02);
    expect(bundle.metadata["image/png"]).toMatchObject({ width: expect.any(Number), height: expect.any(Number) });
  });

  it("a plotly chart carries the plotly figure and an SVG image of its twin", async () => {
    const chart = pitchUsageHeatmap(rows.pitchByInning);
    const bundle = await chartBundle(chart, { image: "svg" });
    expect(Object.keys(bundle.data).sort()).toEqual([PLOTLY_MIME, "image/svg+xml", "text/plain"].sort());
    expect(bundle.data[PLOTLY_MIME]).toEqual(chart.figure);
    expect(bundle.data["image/svg+xml"]).toMatch(/^<svg[^>]*>.*Four-seam fastball/s);
  });
});

describe("showChart", () => {
  it("outside a kernel writes the static image and returns its path instead of throwing", async () => {
    const file = path.join(dir, "accuracy.png");
    const result = await showChart(fieldAccuracyChart(rows.fieldAccuracy), { saveTo: file });
    expect(result).toBe(file);
    expect(inkRatio(readFileSync(file))).toBeGreaterThan(0.02);
  });

  it("inside a tslab kernel sends ONE display message holding every representation", async () => {
    // tslab's own module, as the kernel holds it: its display writer is set per executed cell.
    const jupyter = createRequire(path.join(process.cwd(), "package.json"))("tslab/dist/jupyter.js") as { lastWriteDisplayData: unknown };
    const sent: { data: Record<string, unknown>; update: boolean }[] = [];
    jupyter.lastWriteDisplayData = (message: { data: Record<string, unknown> }, update: boolean) => sent.push({ data: message.data, update });
    try {
      const result = await showChart(pitchUsageHeatmap(rows.pitchByInning));
      expect(result).toBeUndefined();
    } finally {
      jupyter.lastWriteDisplayData = null;
    }
    expect(sent).toHaveLength(1);
    expect(sent[0]!.update).toBe(false);
    expect(Object.keys(sent[0]!.data).sort()).toEqual([PLOTLY_MIME, "image/png", "text/plain"].sort());
  });
});

describe("saveChart", () => {
  it("writes svg, png, json and a self-contained html page with no CDN", async () => {
    const spec = fieldAccuracyChart(rows.fieldAccuracy);
    for (const ext of ["svg", "png", "json", "html"]) await saveChart(spec, path.join(dir, `acc.${ext}`));
    expect(readFileSync(path.join(dir, "acc.svg"), "utf8")).toContain("95% target");
    expect(JSON.parse(readFileSync(path.join(dir, "acc.json"), "utf8")).$schema).toContain("vega-lite/v5");
    const html = readFileSync(path.join(dir, "acc.html"), "utf8");
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).toContain("vegaLite.compile(");
    await expect(saveChart(spec, path.join(dir, "acc.gif"))).rejects.toThrow("`filePath`");
    expect(existsSync(path.join(dir, "acc.gif"))).toBe(false);
  });
});
