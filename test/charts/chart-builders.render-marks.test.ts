import { describe, expect, it } from "vitest";
import {
  OptionsError,
} from "../../src/errors";
import {
  batterChart,
  costChart,
  excitementArcChart,
  fieldAccuracyChart,
  pitchMixChart,
  pitchUsageHeatmap,
  pitcherChart,
  qualityChecksChart,
  renderSvg,
  taskTimelineChart,
  VEGA_LITE_SCHEMA,
} from "../../src/charts";
import * as rows from "./sample-rows";
import { countMarks } from "./svg-marks";

describe("chart builders render their data as marks", () => {
  it("excitement arc: one diamond per key moment, a trend line, a labelled rule per inning", async () => {
    const spec = excitementArcChart(rows.excitement);
    expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
    expect(JSON.stringify(spec)).not.toMatch(/"url"\s*:/);
    const svg = await renderSvg(spec);
    expect(countMarks(svg, "symbol", "key_moments")).toBe(rows.keyMomentCount);
    expect(countMarks(svg, "line", "trend")).toBe(1);
    expect(countMarks(svg, "rule")).toBe(9);
    expect(svg).toContain("Inn 1");
    expect(svg).toContain("Inn 9");
  });

  it("excitement arc: a play with no stated inning stays in the last stated one and opens no new inning", async () => {
    const spec = excitementArcChart(rows.excitementWithUnknownInnings);
    const svg = await renderSvg(spec);
    expect(countMarks(svg, "rule")).toBe(9);
    expect(countMarks(svg, "symbol", "key_moments")).toBe(rows.keyMomentCount);
    const values = (spec.data as { values: { inning: number | null; half: string }[] }).values;
    expect(values).toHaveLength(rows.excitement.length);
    expect(values[0]).toMatchObject({ inning: null, half: "unknown" });
    for (const v of values.slice(43, 46)) expect(v).toMatchObject({ inning: 5, half: "Top" });
  });

  it("excitement arc: the trend is a rolling mean over the chosen window", () => {
    const spec = excitementArcChart(rows.excitement, { window: 5 });
    expect(JSON.stringify(spec)).toContain('"frame":[-5,5]');
    expect(() => excitementArcChart(rows.excitement, { window: 0 })).toThrow(/`window`/);
  });

  it("pitchers: a workload bar per pitcher, a velocity dot only where a speed is known, names on the axis", async () => {
    const svg = await renderSvg(pitcherChart(rows.pitchers));
    expect(countMarks(svg, "rect")).toBe(rows.pitchers.length);
    expect(countMarks(svg, "symbol")).toBe(rows.pitchers.filter((p) => p.avg_velocity_mph !== null).length);
    for (const p of rows.pitchers) expect(svg).toContain(p.name);
  });

  it("batters: balls, strikes and balls in play stacked per batter", async () => {
    const svg = await renderSvg(batterChart(rows.batters));
    expect(countMarks(svg, "rect")).toBe(rows.batters.length * 3);
    expect(svg).toContain("Ball in play");
  });

  it("pitch mix: one segment per pitcher × pitch type", async () => {
    const svg = await renderSvg(pitchMixChart(rows.pitchMix));
    expect(countMarks(svg, "rect")).toBe(rows.pitchMix.length);
    expect(svg).toContain("Four-seam fastball");
  });

  it("task timeline: every attempt is its own bar, retries included", async () => {
    const svg = await renderSvg(taskTimelineChart(rows.taskSpans));
    expect(countMarks(svg, "rect")).toBe(rows.taskSpans.length);
    expect(svg).toContain("retried");
    expect(svg).toContain("Seconds since run start");
    expect(() => taskTimelineChart([{ ...rows.taskSpans[0]!, end: "not a date" }])).toThrow(OptionsError);
  });

  it("cost: forecast and actual bars per step and per model", async () => {
    const svg = await renderSvg(costChart(rows.costs));
    expect(countMarks(svg, "rect")).toBe(8);
    expect(svg).toContain("gpt-4o-mini");
    expect(svg).toContain("summarize");
  });

  it("quality checks: passed and failed per check", async () => {
    const svg = await renderSvg(qualityChecksChart(rows.qualityChecks));
    expect(countMarks(svg, "rect")).toBe(rows.qualityChecks.length * 2);
    expect(svg).toContain("speed plausible");
  });

  it("field accuracy: a bar per field and the 95% target rule", async () => {
    const svg = await renderSvg(fieldAccuracyChart(rows.fieldAccuracy));
    expect(countMarks(svg, "rect")).toBe(rows.fieldAccuracy.length);
    expect(countMarks(svg, "rule")).toBe(1);
    expect(svg).toContain("95% target");
  });

  it("plotly heatmap: pitch counts per type × inning, with a vega-lite twin for images", async () => {
    const chart = pitchUsageHeatmap(rows.pitchByInning);
    const trace = chart.figure.data[0] as { type: string; y: string[]; x: string[]; z: number[][] };
    expect(trace.type).toBe("heatmap");
    expect(trace.y).toEqual(["Changeup", "Four-seam fastball", "Slider"]);
    expect(trace.x).toEqual(["Inn 1", "Inn 2", "Inn 3", "Inn 4"]);
    expect(trace.z[1]).toEqual([11, 12, 13, 14]);
    const svg = await renderSvg(chart);
    expect(countMarks(svg, "rect")).toBe(12);
  });

  it("rejects a bad size naming the field", () => {
    expect(() => costChart(rows.costs, { width: -1 })).toThrow("Expected `width` to be an integer between 20 and 4000 (pixels), got -1");
  });
});
