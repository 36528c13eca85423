import { describe, expect, it } from "vitest";
import { PipelineEvents } from "../../src/events";
import { ProgressReporter } from "../../src/monitor/progress";

/** A run of 100 rows in 4 batches, each batch one LLM request. */
function simulate(events: PipelineEvents, tick: () => void): void {
  events.emit("run:start", { runId: "r1", rows: 100, provider: "openai" });
  for (let b = 1; b <= 4; b++) {
    tick();
    events.emit("llm:response", { runId: "r1", step: "extract", model: "m", rows: 25, tokensIn: 1000, tokensOut: 250, costUsd: 0.0025, durationMs: 1 });
    events.emit("rows:progress", { runId: "r1", step: "extract", done: b * 25, total: 100 });
  }
  events.emit("llm:retry", { runId: "r1", step: "extract", attempt: 1, delayMs: 1, reason: "429" });
  tick();
  events.emit("run:success", { runId: "r1", durationMs: 4000, loaded: 97, quarantined: 3 });
}

function collect(isTTY: boolean) {
  const out: string[] = [];
  return { out, stream: { isTTY, write: (s: string) => out.push(s) } };
}

describe("progress on long work", () => {
  it("prints plain periodic lines in a CI log (no terminal)", () => {
    let now = 0;
    const { out, stream } = collect(false);
    const progress = new ProgressReporter({ stream, now: () => now, intervalMs: 2000 });
    expect(progress.activeMode).toBe("lines");
    const events = new PipelineEvents();
    progress.attach(events);
    simulate(events, () => (now += 1000));
    // start, then at most one line per 2 s, then the final line.
    expect(out).toEqual([
      "[progress] run 0/100 rows (0%) · 0 requests · 0 in / 0 out tokens · $0.0000 · 0.0s\n",
      "[progress] extract 50/100 rows (50%) · 2 requests · 2,000 in / 500 out tokens · $0.0050 · 2.0s\n",
      "[progress] extract 100/100 rows (100%) · 4 requests · 4,000 in / 1,000 out tokens · $0.0100 · 4.0s\n",
      "[progress] finished 100/100 rows (100%) · 4 requests · 1 retries · 4,000 in / 1,000 out tokens · $0.0100 · 5.0s done\n",
    ]);
    expect(out.join("")).not.toMatch(/\r|\x1b/);
  });

  it("says a long retry-after wait in a line of its own, so a quiet run is not taken for a hang", () => {
    const { out, stream } = collect(false);
    const events = new PipelineEvents();
    new ProgressReporter({ stream, now: () => 0, intervalMs: 2000 }).attach(events);
    events.emit("run:start", { runId: "r1", rows: 10, provider: "openai" });
    events.emit("llm:retry", { runId: "r1", step: "extract", attempt: 1, delayMs: 500, reason: "500" });
    events.emit("llm:retry", { runId: "r1", step: "extract", attempt: 2, delayMs: 20_000, reason: "429 retry-after 20 s" });
    const text = out.join("");
    expect(text).toContain("extract: waiting 20 s before retrying (429 retry-after 20 s)");
    expect(text).not.toContain("waiting 1 s");
  });

  it("redraws one bar in place on a terminal", () => {
    let now = 0;
    const { out, stream } = collect(true);
    const events = new PipelineEvents();
    const progress = new ProgressReporter({ stream, now: () => now, barWidth: 10 });
    expect(progress.activeMode).toBe("tty");
    progress.attach(events);
    simulate(events, () => (now += 1000));
    expect(out.every((s) => s.startsWith("\r\x1b[2K["))).toBe(true);
    expect(out.join("").split("\n")).toHaveLength(2); // one line, ended once when the run finishes
    expect(out[out.length - 1]).toContain("[██████████] finished 100/100 rows");
    expect(out.some((s) => s.includes("[█████░░░░░] extract 50/100 rows"))).toBe(true);
  });

  it("updates one notebook output in place with rows, requests, tokens and cost", () => {
    const shown: string[] = [];
    const display = { html: (s: string) => shown.push(s), text: (s: string) => shown.push(s) };
    const events = new PipelineEvents();
    const progress = new ProgressReporter({ display, intervalMs: 0, now: () => 0 });
    expect(progress.activeMode).toBe("notebook");
    progress.attach(events);
    simulate(events, () => undefined);
    expect(shown.length).toBeGreaterThan(4);
    expect(shown[shown.length - 1]).toContain('<progress value="1.000"');
    expect(shown[shown.length - 1]).toContain("4 requests · 1 retries · 4,000 in / 1,000 out tokens · $0.0100");
    expect(progress.snapshot()).toMatchObject({ rowsDone: 100, requests: 4, tokensIn: 4000, costUsd: 0.01, finished: true });
  });

  it("piped, a line drawn after a step's work shows that step's real count, not 0", () => {
    let now = 0;
    const { out, stream } = collect(false);
    const progress = new ProgressReporter({ stream, now: () => now, intervalMs: 1000 });
    const events = new PipelineEvents();
    progress.attach(events);
    events.emit("run:start", { runId: "r1", rows: 729, provider: "offline" });
    events.emit("step:start", { runId: "r1", step: "transform" });
    now += 2000;
    events.emit("step:success", { runId: "r1", step: "transform", durationMs: 2000, rowsIn: 729, rowsOut: 729 });
    events.emit("step:start", { runId: "r1", step: "validate" });
    expect(out.some((l) => l.startsWith("[progress] transform 729/729 rows (100%)"))).toBe(true);
    expect(out.some((l) => /transform 0\/729/.test(l) && out.indexOf(l) > 0)).toBe(false);
    expect(progress.snapshot()).toMatchObject({ step: "validate", rowsDone: 0, rowsTotal: 729 });
  });

  it("on a terminal, a step line clears the bar, stands on its own line, and the bar comes back below it", () => {
    const { out, stream } = collect(true);
    const events = new PipelineEvents();
    const progress = new ProgressReporter({ stream: { ...stream, columns: 60 }, now: () => 0, barWidth: 10 });
    progress.attach(events);
    events.emit("run:start", { runId: "r1", rows: 100, provider: "offline" });
    progress.log("  ✓ transform    12 ms");
    const text = out.join("");
    expect(text).toContain("\r\x1b[2K  ✓ transform    12 ms\n\r\x1b[2K[░░░░░░░░░░] run 0/100");
    // Cut to the terminal's width, so `\r` can redraw it in place.
    for (const s of out.filter((x) => x.includes("["))) expect([...s.replace("\r\x1b[2K", "").replace(/\n$/, "")].length).toBeLessThan(60);
  });
});
