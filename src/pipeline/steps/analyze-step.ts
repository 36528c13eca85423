import { resolvedColumns, type CanonicalMapping, type EnrichedPlay, type Extraction, type PlayAnalysis, type RawPlay, type ReferenceTables, type ResolvedColumns, type StateFinding } from "../../domain/index";
import { analyzePlays } from "../../transform/play-analyzer";
import { readGameState } from "../../transform/state/game-state-reader";
import { enrichPlays, joinEnriched } from "../enrich";

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
  /**
   * The game state as read once over the extracted plays: each row's resolved columns (in order) and
   * the contradictions found. Enrichment and the game-state check use this reading instead of reading
   * the game again. Absent (e.g. a value staged by an older run): they read it themselves.
   */
  state?: { resolved: ResolvedColumns[]; findings: StateFinding[] };
}

/** analyze: key moments and excitement from each play's game state, and the IDs the state settles. */
export function analyzeStep(extracted: readonly (RawPlay & Extraction)[], mappings: ReadonlyMap<string, CanonicalMapping>, refs: ReferenceTables): AnalyzeStepResult {
  // One reading of the game per run: key moments, the settled IDs, enrichment and the game-state check all use it.
  const state = readGameState(extracted, mappings, refs);
  const analyses = analyzePlays([...extracted], state.states);
  return { analyses, mappings: [...state.mappings], state: { resolved: state.states.map(resolvedColumns), findings: state.findings } };
}

/** Each extracted play joined with its (settled) mapping, its analysis and its resolved game state: the rows validation checks. */
export function enrichStep(extracted: readonly (RawPlay & Extraction)[], analyzed: AnalyzeStepResult, refs: ReferenceTables): EnrichedPlay[] {
  const mappings = new Map(analyzed.mappings);
  // The reading analyze made over these very rows (the settled mappings read the same again).
  if (analyzed.state?.resolved.length === extracted.length) return joinEnriched(extracted, mappings, analyzed.analyses, analyzed.state.resolved);
  return enrichPlays(extracted, mappings, analyzed.analyses, refs);
}
