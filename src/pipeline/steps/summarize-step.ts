import type { EnrichedPlay, ReferenceTables } from "../../domain/index";
import type { BatterStatsRow, PitcherStatsRow } from "../../summarize/analysis-rows";
import { batterStatsRows, pitcherStatsRows } from "../../summarize/play-analyses";

export interface RunSummary {
  topPitchers: PitcherStatsRow[];
  topBatters: BatterStatsRow[];
}

/**
 * summarize: this run's top pitchers and batters, over the plays it loaded (the database may hold
 * other games); the same analyses the SQL views give over the table.
 */
export function summarizeStep(loaded: readonly EnrichedPlay[], refs: ReferenceTables, top = 5): RunSummary {
  return { topPitchers: pitcherStatsRows([...loaded], refs).slice(0, top), topBatters: batterStatsRows([...loaded], refs).slice(0, top) };
}
