import { describe, expect, it } from "vitest";
import { excitementArcChart, qualityChecksChart, renderPng, renderSvg } from "../../src/charts";
import { decodePng, inkRatio } from "./png-pixels";
import * as rows from "./sample-rows";

describe("renderPng", () => {
  it("rasterises a chart into a non-blank PNG at the requested density", async () => {
    const svg = await renderSvg(excitementArcChart(rows.excitement));
    const one = renderPng(svg, { scale: 1 });
    const two = renderPng(svg, { scale: 2 });
    expect(two.width).toBe(one.width * 2);
    expect(two.displayWidth).toBe(one.width);
    const { width, height } = decodePng(one.png);
    expect([width, height]).toEqual([one.width, one.height]);
    expect(inkRatio(one.png)).toBeGreaterThan(0.03);
  });

  it("draws text with the machine's fonts (a text-only SVG is not blank)", () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="28" font-family="sans-serif" font-size="20">passed 729</text></svg>';
    expect(inkRatio(renderPng(svg, { scale: 1 }).png)).toBeGreaterThan(0.02);
  });

  it("an empty chart still renders axes and title", async () => {
    const png = renderPng(await renderSvg(qualityChecksChart([])), { scale: 1 });
    expect(inkRatio(png.png)).toBeGreaterThan(0.005);
  });

  it("rejects a bad scale naming the field", () => {
    expect(() => renderPng("<svg/>", { scale: 0 })).toThrow("`scale`");
  });
});
