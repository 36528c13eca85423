import type { CanonicalMapping, EnrichedPlay, Extraction, PlayAnalysis, RawPlay, ReferenceTables } from "../../domain/index";
import { analyzePlays } from "../../transform/play-analyzer";
import { readGameState } from "../../transform/state/game-state-reader";
import { enrichPlays } from "../enrich";

/** The plays that have both a record and a mapping, in input order, and the ones that do not. */
export function joinExtracted(
  plays: readonly RawPlay[],
  records: ReadonlyMap<string, Extraction>,
  mappings: ReadonlyMap<string, CanonicalMapping>,
): { extracted: (RawPlay & Extraction)[]; missing: RawPlay[] } {
  const done = (p: RawPlay) => records.has(p.play_hash) && mappings.has(p.play_hash);
  return {
    extracted: plays.filter(done).map((p) => ({ ...p, ...records.get(p.play_hash)! })),
    missing: plays.filter((p) => !done(p)),
  };
}

export interface AnalyzeStepResult {
  /** Key moments and excitement, one per extracted play, in order. */
  analyses: PlayAnalysis[];
  /** The mappings with the IDs the game state settles (a surname two players share: the one whose side is at bat). */
  mappings: [string, CanonicalMapping][];
}

/** analyze: key moments and excitement from each play's game state, and the IDs the state settles. */
export function analyzeStep(extracted: readonly (RawPlay & Extraction)[], mappings: ReadonlyMap<string, CanonicalMapping>, refs: ReferenceTables): AnalyzeStepResult {
  const analyses = analyzePlays([...extracted]);
  return { analyses, mappings: [...readGameState(extracted, mappings, refs).mappings] };
}

/** Each extracted play joined with its (settled) mapping, its analysis and its resolved game state: the rows validation checks. */
export function enrichStep(extracted: readonly (RawPlay & Extraction)[], analyzed: AnalyzeStepResult, refs: ReferenceTables): EnrichedPlay[] {
  return enrichPlays(extracted, new Map(analyzed.mappings), analyzed.analyses, refs);
}
