import { describe, expect, it } from "vitest";
import { costOverRunsChart, pitchInningRows, pitchUsageHeatmap, renderSvg } from "../../src/charts";
import { axisLabels } from "./svg-text";

describe("plotly charts the guides show", () => {
  it("pitch usage by inning: a play with no stated inning counts in the last inning stated; plays without a pitch type are left out", () => {
    const plays = [
      { inning_number: null, pitch_type_name: "Slider" }, // before any stated inning: nowhere to put it
      { inning_number: 1, pitch_type_name: "Four-seam fastball" },
      { inning_number: null, pitch_type_name: "Four-seam fastball" },
      { inning_number: null, pitch_type_name: null },
      { inning_number: 2, pitch_type_name: "Slider" },
      { inning_number: null, pitch_type_name: "Changeup" },
    ];
    expect(pitchInningRows(plays)).toEqual([
      { inning_number: 1, pitch_type_name: "Four-seam fastball", pitches: 2 },
      { inning_number: 2, pitch_type_name: "Changeup", pitches: 1 },
      { inning_number: 2, pitch_type_name: "Slider", pitches: 1 },
    ]);
    const trace = pitchUsageHeatmap(pitchInningRows(plays)).figure.data[0] as { z: number[][]; colorbar: { tickformat: string } };
    expect(trace.z).toEqual([[0, 1], [2, 0], [0, 1]]);
    expect(trace.colorbar.tickformat).toBe("d");
  });

  it("cost over runs: oldest run first, a hover naming the run, and dollar ticks with enough digits in both the figure and its image", async () => {
    const runs = [
      { run_id: "run-b", dag: "pipeline", state: "success", started_at: "2025-03-02T10:00:00Z", cost_usd: 0.0011, llm_requests: 4, tokens_in: 3000, rows_in: 10 },
      { run_id: "run-a", dag: "ingest", state: "failed", started_at: new Date("2025-03-01T10:00:00Z"), cost_usd: 0.0004, llm_requests: 2, tokens_in: 1200, rows_in: 10 },
      { run_id: "run-c", dag: "ingest", state: "pending", started_at: null, cost_usd: 0, llm_requests: 0, tokens_in: 0, rows_in: 0 },
    ];
    const chart = costOverRunsChart(runs);
    const trace = chart.figure.data[0] as { x: string[]; y: number[]; customdata: unknown[][]; hovertemplate: string };
    expect(trace.x).toEqual(["1. ingest", "2. pipeline", "3. ingest"]);
    expect(trace.y).toEqual([0.0004, 0.0011, 0]);
    expect(trace.customdata[0]![0]).toBe("run-a");
    expect(trace.hovertemplate).toContain("%{customdata[0]}");
    expect((chart.figure.layout.yaxis as { tickformat: string }).tickformat).toBe("$.4f");
    const labels = axisLabels(await renderSvg(chart), "USD");
    expect(labels).toContain("$0.0010");
    expect(new Set(labels).size).toBe(labels.length);
  });
});
