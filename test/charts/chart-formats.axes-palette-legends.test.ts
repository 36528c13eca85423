import { describe, expect, it } from "vitest";
import {
  batterChart,
  costChart,
  excitementArcChart,
  fieldAccuracyChart,
  pitcherChart,
  qualityChecksChart,
  renderSvg,
  taskTimelineChart,
  type VegaLiteSpec,
} from "../../src/charts";
import { usdFormat } from "../../src/charts/axis-formats";
import { OKABE_ITO, TABLEAU_COLOR_BLIND_10 } from "../../src/charts/palette";
import * as rows from "./sample-rows";
import { axisLabels, legendLabels, markFills, markTexts } from "./svg-text";

// What a reader sees on the rendered charts: tick labels, legend entries, labels and colours,
// read from the SVG that vega draws (the same SVG the notebooks' PNGs are rasterised from).

const distinct = (xs: string[]) => new Set(xs).size === xs.length;

/** A 10-play run: small counts, one pitcher at one speed, cost around a tenth of a cent. */
const smallBatters = [{ ...rows.batters[0]!, pitches_seen: 4, balls: 1, strikes: 2, balls_in_play: 1 }];
const onePitcher = [{ ...rows.pitchers[0]!, pitch_count: 3, avg_velocity_mph: 92 }];
const tenPlays = rows.excitement.slice(0, 10).map((p) => ({ ...p, key_moment: false }));

describe("axis formats: ticks read as what they count", () => {
  it("counts are ticked as whole numbers (0 1 2, never 0.0 0.5 1.0)", async () => {
    for (const [svg, title] of [
      [await renderSvg(batterChart(smallBatters)), "Pitches"],
      [await renderSvg(pitcherChart(onePitcher)), "Pitches thrown"],
      [await renderSvg(qualityChecksChart([{ check: "content", passed: 3, failed: 1 }])), "Rows"],
    ] as const) {
      const labels = axisLabels(svg, title);
      expect(labels.length, title).toBeGreaterThanOrEqual(2);
      for (const l of labels) expect(l, `${title} tick`).toMatch(/^\d+$/);
      expect(distinct(labels), `${title}: ${labels.join(" ")}`).toBe(true);
    }
  });

  it("play numbers are integers", async () => {
    const labels = axisLabels(await renderSvg(excitementArcChart(tenPlays.slice(0, 3))), "Play (game order)");
    expect(labels).toEqual(["1", "2", "3"]);
  });

  it("one pitcher at 92 mph: the velocity axis shows 92.0 among distinct one-decimal ticks, not 92.000000", async () => {
    const labels = axisLabels(await renderSvg(pitcherChart(onePitcher)), "Average velocity (mph)");
    expect(labels).toContain("92.0");
    for (const l of labels) expect(l).toMatch(/^\d{2,3}\.\d$/);
    expect(distinct(labels)).toBe(true);
  });

  it("a cost of about $0.001 is ticked with enough digits to tell the ticks apart ($0.0010, not $0.001, $0)", async () => {
    const svg = await renderSvg(costChart([
      { step: "extract", model: "gpt-4o-mini", usd: 0.0012, kind: "forecast" },
      { step: "extract", model: "gpt-4o-mini", usd: 0.0015, kind: "actual" },
    ]));
    const labels = axisLabels(svg, "USD");
    expect(labels).toContain("$0.0010");
    for (const l of labels) expect(l).toMatch(/^\$0\.\d{4}$/);
    expect(distinct(labels)).toBe(true);
  });

  it("dollar formats follow the size of the amounts: cents for dollars, more digits for fractions of a cent", () => {
    expect(usdFormat(5.65)).toBe("$.2f");
    expect(usdFormat(0.05)).toBe("$.3f");
    expect(usdFormat(0.0015)).toBe("$.4f");
    expect(usdFormat(0)).toBe("$.2f");
  });
});

describe("colour-blind-safe colours with a second cue", () => {
  const oldRedGreen = /#(e45756|54a24b|d62728|2ca02c)/i;
  const builders: [string, VegaLiteSpec][] = [
    ["batters", batterChart(rows.batters)],
    ["task timeline", taskTimelineChart(rows.taskSpans)],
    ["quality checks", qualityChecksChart(rows.qualityChecks)],
    ["accuracy", fieldAccuracyChart(rows.fieldAccuracy)],
    ["excitement", excitementArcChart(rows.excitement)],
    ["cost", costChart(rows.costs)],
    ["pitchers", pitcherChart(rows.pitchers)],
  ];

  it("no chart uses the red/green pair any more", () => {
    for (const [name, spec] of builders) expect(JSON.stringify(spec), name).not.toMatch(oldRedGreen);
  });

  it("batters: strikes and balls in play are Okabe-Ito vermillion and blue, and each segment carries its letter and count", async () => {
    const svg = await renderSvg(batterChart(rows.batters));
    const fills = new Set(markFills(svg, "rect"));
    expect(fills).toEqual(new Set([OKABE_ITO.skyBlue, OKABE_ITO.vermillion, OKABE_ITO.blue].map((c) => c.toLowerCase())));
    const labels = markTexts(svg, "segment_labels");
    expect(labels).toEqual(expect.arrayContaining(["B 9", "S 8", "P 5", "S 6"]));
    expect(labels.some((l) => l.startsWith("P 0"))).toBe(false);
    expect(legendLabels(svg)).toEqual(["Ball (B)", "Strike (S)", "Ball in play (P)"]);
  });

  it("task timeline: every outcome has its own shape as well as its own colour", async () => {
    const spec = taskTimelineChart(rows.taskSpans);
    const shapes = JSON.stringify(spec).match(/"shape":\{[^}]*"range":\[([^\]]*)\]/)![1]!.split(",");
    expect(new Set(shapes).size).toBe(4);
    const svg = await renderSvg(spec);
    const fills = markFills(svg, "rect");
    expect(fills).toContain(OKABE_ITO.vermillion.toLowerCase()); // the failed validate attempt
    expect(fills).toContain(OKABE_ITO.blue.toLowerCase()); // the successes
    expect(markFills(svg, "symbol", "outcome_shapes")).toHaveLength(rows.taskSpans.length);
  });

  it("pitch mix uses Tableau's colour-blind ten", () => {
    expect(JSON.stringify(batterChart(rows.batters))).not.toContain("tableau10");
    expect(TABLEAU_COLOR_BLIND_10).toHaveLength(10);
  });
});

describe("legends and labels say only what is there", () => {
  it("accuracy: no 'below target' legend entry when every field meets the target", async () => {
    const allMeet = rows.fieldAccuracy.map((f) => ({ ...f, accuracy: 0.97 }));
    const svg = await renderSvg(fieldAccuracyChart(allMeet));
    expect(legendLabels(svg)).toEqual(["meets target"]);
    expect(svg).not.toContain("below target");
    expect(markTexts(svg, "accuracy_labels")).toEqual(["97.0%", "97.0%", "97.0%"]);
  });

  it("accuracy: a field below the target is named in the legend and on its bar", async () => {
    const svg = await renderSvg(fieldAccuracyChart(rows.fieldAccuracy));
    expect(legendLabels(svg)).toEqual(["meets target", "below target"]);
    expect(markTexts(svg, "accuracy_labels")).toContain("91.0% (below target)");
  });

  it("quality checks: rows a check skipped are drawn and named 'skipped'", async () => {
    const checks = [
      { check: "domain", passed: 8, failed: 1, skipped: 0 },
      { check: "consistency", passed: 5, failed: 1, skipped: 4 },
    ];
    const svg = await renderSvg(qualityChecksChart(checks));
    expect(legendLabels(svg)).toEqual(["passed", "failed", "skipped"]);
    expect(markTexts(svg, "result_labels").sort()).toEqual(["5 passed · 1 failed · 4 skipped", "8 passed · 1 failed"]);
    expect(markFills(svg, "rect")).toContain(OKABE_ITO.grey.toLowerCase());
  });

  it("quality checks and task timeline: no legend entry for an outcome that does not occur", async () => {
    const noFailures = await renderSvg(qualityChecksChart([{ check: "consistency", passed: 3, failed: 0, skipped: 7 }]));
    expect(legendLabels(noFailures)).toEqual(["passed", "skipped"]);
    const allGood = await renderSvg(taskTimelineChart(rows.taskSpans.filter((s) => s.state === "success")));
    expect(legendLabels(allGood)).toEqual(["success"]);
  });

  it("quality checks: no 'skipped' entry when no check skipped a row", async () => {
    const svg = await renderSvg(qualityChecksChart(rows.qualityChecks));
    expect(legendLabels(svg)).toEqual(["passed", "failed"]);
    expect(svg).not.toContain("skipped");
  });

  it("excitement: the subtitle says there are no key moments instead of promising them", async () => {
    const none = await renderSvg(excitementArcChart(tenPlays));
    expect(none).toContain("No key moments in these 10 plays");
    const some = await renderSvg(excitementArcChart(rows.excitement));
    expect(some).toContain(`${rows.keyMomentCount} key moments marked as diamonds`);
    expect(some).not.toMatch(/\bred\b/);
  });
});
