import { OptionsError } from "../errors";
import type { PipelineEvents } from "../events";
import { kernelDisplay } from "../util/kernel";
import { withDefaults } from "../util/defined";

/** Retry delays at least this long get a line of their own. */
const LONG_WAIT_MS = 2_000;

/** What a progress display shows: figures so far for the run being watched. */
export interface ProgressSnapshot {
  runId: string | undefined;
  step: string | undefined;
  rowsDone: number;
  rowsTotal: number;
  requests: number;
  retries: number;
  cacheHits: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  elapsedMs: number;
  finished: boolean;
}

/** The part of tslab's display the notebook mode uses (`tslab.newDisplay()` gives one). */
export interface ProgressDisplay {
  html(s: string): void;
  text(s: string): void;
}

export interface ProgressOptions {
  /**
   * `notebook`: one output replaced in place (tslab); `tty`: a bar redrawn on one line; `lines`:
   * plain lines every `intervalMs` (CI logs); `silent`. Default `auto`: notebook inside a tslab
   * kernel, else tty when the stream is a terminal, else lines.
   */
  mode?: "auto" | "notebook" | "tty" | "lines" | "silent";
  /** Where tty and lines output go. Default `process.stdout`. On a terminal, `columns` keeps the bar on one line. */
  stream?: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  /** The notebook display to update. Default: `tslab.newDisplay()`, loaded only when needed. */
  display?: ProgressDisplay;
  /** Least time between two updates: default 5000 ms for lines, 150 ms otherwise. */
  intervalMs?: number;
  /** Width of the tty bar in characters. Default 24. */
  barWidth?: number;
  /** Clock, for tests. Default `Date.now`. */
  now?: () => number;
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

/** One line: `extract 412/729 rows (57%) · 52 requests · 41,200/8,100 tokens · $0.0123 · 12.3s`. */
export function formatProgress(s: ProgressSnapshot): string {
  const pct = s.rowsTotal > 0 ? ` (${Math.floor((100 * s.rowsDone) / s.rowsTotal)}%)` : "";
  const rows = s.rowsTotal > 0 ? `${fmt(s.rowsDone)}/${fmt(s.rowsTotal)} rows${pct}` : `${fmt(s.rowsDone)} rows`;
  const extra = [s.retries ? `${s.retries} retries` : "", s.cacheHits ? `${fmt(s.cacheHits)} cached` : ""].filter(Boolean);
  return [
    `${s.step ?? "run"} ${rows}`,
    `${fmt(s.requests)} requests`,
    ...extra,
    `${fmt(s.tokensIn)} in / ${fmt(s.tokensOut)} out tokens`,
    `$${s.costUsd.toFixed(4)}`,
    `${(s.elapsedMs / 1000).toFixed(1)}s${s.finished ? " done" : ""}`,
  ].join(" · ");
}

/**
 * Shows a run's progress from its events: rows done, LLM requests, tokens and cost so far.
 *
 * @example
 * const progress = new ProgressReporter();         // picks notebook / tty / lines itself
 * const detach = progress.attach(events);
 */
export class ProgressReporter {
  private readonly o: Required<Omit<ProgressOptions, "display">> & { display?: ProgressDisplay };
  private s: ProgressSnapshot = empty();
  private startedAt: number | undefined;
  private lastDraw = -Infinity;
  /** Rows of the whole run (the bar's total between steps) and rows answered per LLM sub-step of the current step. */
  private runRows = 0;
  private llmRows = new Map<string, number>();
  /** Whether a tty bar is on screen (without its newline), so a line printed now must clear it first. */
  private barShown = false;
  private mode: "notebook" | "tty" | "lines" | "silent";

  constructor(options: ProgressOptions = {}) {
    const mode = options.mode ?? "auto";
    if (!["auto", "notebook", "tty", "lines", "silent"].includes(mode)) throw new OptionsError("mode", "auto, notebook, tty, lines or silent", mode);
    const stream = options.stream ?? process.stdout;
    this.mode = mode !== "auto" ? mode : options.display || kernelDisplay() ? "notebook" : stream.isTTY ? "tty" : "lines";
    this.o = withDefaults({ mode, stream, barWidth: 24, now: Date.now, intervalMs: this.mode === "lines" ? 5000 : 150 }, options);
    if (!(this.o.intervalMs >= 0)) throw new OptionsError("intervalMs", "a number ≥ 0", this.o.intervalMs);
    if (this.mode === "notebook" && !this.o.display) {
      const tslab = kernelDisplay();
      if (!tslab) throw new OptionsError("mode", "notebook only inside a tslab kernel (or pass `display`)", mode);
      this.o.display = tslab.newDisplay();
    }
  }

  /** The mode in use after `auto` was resolved. */
  get activeMode(): "notebook" | "tty" | "lines" | "silent" {
    return this.mode;
  }

  /** The figures so far. */
  snapshot(): ProgressSnapshot {
    return { ...this.s, elapsedMs: this.startedAt === undefined ? 0 : this.o.now() - this.startedAt };
  }

  /** Subscribe to `events`; returns the function that unsubscribes. */
  attach(events: PipelineEvents): () => void {
    const offs = [
      events.on("run:start", (e) => {
        this.s = { ...empty(), runId: e.runId, rowsTotal: e.rows };
        this.runRows = e.rows;
        this.llmRows.clear();
        this.startedAt = this.o.now();
        this.lastDraw = -Infinity;
        this.draw(false);
      }),
      events.on("rows:progress", (e) => {
        // A run started with no row limit learns its size when its input is read.
        if (this.runRows === 0 && e.total > 0) this.runRows = e.total;
        this.update({ step: e.step, rowsDone: e.done, rowsTotal: e.total });
      }),
      // A DAG's tasks (in-process or on pg-boss) move the bar as steps do.
      events.on("task:start", (e) => {
        this.llmRows.clear();
        this.update({ step: e.task, rowsDone: 0, rowsTotal: this.runRows });
      }),
      events.on("task:success", (e) => this.update({ step: e.task, rowsDone: this.runRows, rowsTotal: this.runRows })),
      // A new step starts from 0 of the run's rows; when it ends, all of its rows are done.
      events.on("step:start", (e) => {
        this.llmRows.clear();
        this.update({ step: e.step, rowsDone: 0, rowsTotal: this.runRows });
      }),
      events.on("step:success", (e) => {
        const rows = e.rowsIn && e.rowsIn > 0 ? e.rowsIn : this.s.rowsTotal;
        this.update({ step: e.step, rowsDone: rows, rowsTotal: rows });
      }),
      events.on("llm:response", (e) => {
        this.update({
          rowsDone: this.llmRowsDone(e.step, e.rows),
          requests: this.s.requests + 1, tokensIn: this.s.tokensIn + e.tokensIn, tokensOut: this.s.tokensOut + e.tokensOut, costUsd: this.s.costUsd + e.costUsd,
        });
      }),
      events.on("llm:retry", (e) => {
        this.update({ retries: this.s.retries + 1 });
        // A long wait (a provider's retry-after) is said, so a quiet bar is not taken for a hang.
        if (e.delayMs >= LONG_WAIT_MS) this.log(`  … ${e.step}: waiting ${(e.delayMs / 1000).toFixed(0)} s before retrying (${e.reason})`);
      }),
      events.on("llm:cache-hit", (e) => this.update({ rowsDone: this.llmRowsDone(e.step, e.rows), cacheHits: this.s.cacheHits + e.rows })),
      events.on("run:success", (e) => this.finish({ rowsDone: e.loaded + e.quarantined, rowsTotal: this.runRows, step: "finished" })),
      events.on("run:error", () => this.finish({ step: "failed" })),
    ];
    return () => offs.forEach((off) => off());
  }

  /**
   * Print a line of its own (a step that finished, a warning) without gluing it onto the bar:
   * on a terminal the bar is cleared, the line printed, and the bar drawn again below it.
   */
  log(line: string): void {
    if (this.mode === "tty" && this.barShown) {
      this.o.stream.write(`\r\x1b[2K${line}\n`);
      this.barShown = false;
      this.draw(true);
    } else if (this.mode === "notebook") {
      console.log(line);
    } else {
      this.o.stream.write(`${line}\n`);
    }
  }

  /** Rows done in this step by its LLM calls: the sub-step that covered the most rows (extraction sees them all). */
  private llmRowsDone(subStep: string, rows: number): number {
    this.llmRows.set(subStep, (this.llmRows.get(subStep) ?? 0) + rows);
    const most = Math.max(...this.llmRows.values());
    return this.s.rowsTotal > 0 ? Math.min(this.s.rowsTotal, most) : most;
  }

  private update(change: Partial<ProgressSnapshot>): void {
    this.s = { ...this.s, ...change };
    this.draw(false);
  }

  private finish(change: Partial<ProgressSnapshot>): void {
    this.s = { ...this.s, ...change, finished: true };
    this.draw(true);
  }

  private draw(force: boolean): void {
    const now = this.o.now();
    if (this.mode === "silent" || this.startedAt === undefined) return; // nothing to show before run:start
    if (!force && now - this.lastDraw < this.o.intervalMs) return;
    this.lastDraw = now;
    const snap = this.snapshot();
    const line = formatProgress(snap);
    if (this.mode === "lines") {
      this.o.stream.write(`[progress] ${line}\n`);
    } else if (this.mode === "tty") {
      const share = snap.rowsTotal > 0 ? Math.min(1, snap.rowsDone / snap.rowsTotal) : 0;
      const filled = Math.round(share * this.o.barWidth);
      // A bar wider than the terminal wraps, and `\r` would then redraw only its last row: cut it to fit.
      const bar = fitColumns(`[${"█".repeat(filled)}${"░".repeat(this.o.barWidth - filled)}] ${line}`, this.o.stream.columns);
      this.o.stream.write(`\r\x1b[2K${bar}${snap.finished ? "\n" : ""}`);
      this.barShown = !snap.finished;
    } else {
      const share = snap.rowsTotal > 0 ? Math.min(1, snap.rowsDone / snap.rowsTotal) : 0;
      this.o.display!.html(
        `<div style="font-family:monospace"><progress value="${share.toFixed(3)}" max="1" style="width:16em"></progress> ${escapeHtml(line)}</div>`,
      );
    }
  }
}

function empty(): ProgressSnapshot {
  return { runId: undefined, step: undefined, rowsDone: 0, rowsTotal: 0, requests: 0, retries: 0, cacheHits: 0, tokensIn: 0, tokensOut: 0, costUsd: 0, elapsedMs: 0, finished: false };
}

function fitColumns(line: string, columns: number | undefined): string {
  const chars = [...line];
  return columns && columns > 1 && chars.length >= columns ? `${chars.slice(0, columns - 2).join("")}…` : line;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
