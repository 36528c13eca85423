import type { EnrichedPlay, ReferenceTables } from "../domain/index";
import { OptionsError } from "../errors";
import type { Database } from "../db/database";
import { loadPlays } from "../load/play-loader";
import { loadReferenceTables } from "../load/reference-loader";
import { replicatePlays } from "../load/replicate-plays";
import { validatePlays } from "../validate/validate-plays";
import { batterStats, excitementTimeline, pitcherStats, pitchMix } from "./analyses";

export interface ScaleCheckOptions {
  /** Copies of the game to load (100 × 729 = 72,900 rows). Default 100. */
  copies?: number;
  /** Rows per INSERT batch. Default 500. */
  batchSize?: number;
  /** Run ID recorded on the rows. Default `"scale-check"`. */
  runId?: string;
}

export interface ScaleCheckResult {
  rowsIn: number;
  loaded: number;
  quarantined: number;
  /** Rows in the analysis results read back from the views. */
  timelineRows: number;
  pitchers: number;
  batters: number;
  pitchMixRows: number;
  loadMs: number;
  summarizeMs: number;
  /** Highest resident set size seen during the check, in MiB. */
  peakRssMiB: number;
}

/**
 * Load `copies` copies of a game (distinct hashes) and read every analysis view back, one copy at a
 * time so memory holds one game plus the loader's current batch, never the whole input. For the
 * bench script; it measures and does not assert.
 *
 * @example const r = await scaleCheck(db, plays, refs, { copies: 100 }); console.log(r.loaded, r.peakRssMiB);
 */
export async function scaleCheck(db: Database, plays: readonly EnrichedPlay[], refs: ReferenceTables, options: ScaleCheckOptions = {}): Promise<ScaleCheckResult> {
  const { copies = 100, batchSize = 500, runId = "scale-check" } = options;
  if (!Number.isInteger(copies) || copies < 1) throw new OptionsError("copies", "an integer ≥ 1", copies);
  let peak = process.memoryUsage().rss;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 50);
  try {
    await loadReferenceTables(db, refs);
    const result = { rowsIn: 0, loaded: 0, quarantined: 0 };
    const loadStart = Date.now();
    for (let k = 0; k < copies; k++) {
      const copy = replicatePlays(plays, 1, { firstCopy: k });
      const { valid, quarantined, report } = validatePlays(copy, refs);
      const loaded = await loadPlays(db, { runId, plays: valid, quarantined, report: k === 0 ? report : undefined }, { batchSize });
      result.rowsIn += copy.length;
      result.loaded += loaded.inserted + loaded.updated + loaded.unchanged;
      result.quarantined += loaded.quarantined;
      sample();
    }
    const loadMs = Date.now() - loadStart;
    const sumStart = Date.now();
    const [timeline, pitchers, batters, mix] = [await excitementTimeline(db), await pitcherStats(db), await batterStats(db), await pitchMix(db)];
    sample();
    return {
      ...result,
      timelineRows: timeline.length, pitchers: pitchers.length, batters: batters.length, pitchMixRows: mix.length,
      loadMs, summarizeMs: Date.now() - sumStart, peakRssMiB: Math.round((peak / 2 ** 20) * 10) / 10,
    };
  } finally {
    clearInterval(timer);
  }
}
