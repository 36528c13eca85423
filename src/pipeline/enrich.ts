import { resolvedColumns, type CanonicalMapping, type EnrichedPlay, type Extraction, type PlayAnalysis, type QuarantinedPlay, type RawPlay, type ReferenceTables, type ResolvedColumns } from "../domain/index";
import { readGameState } from "../transform/state/game-state-reader";

/**
 * Plays the AI step could not turn into a record: one quarantine entry per input row whose text failed
 * (a commentary repeated on three rows is three entries), from the step that failed, with its reason.
 */
export function extractionQuarantine(plays: readonly RawPlay[], failures: readonly { play_hash: string; reason: string }[], step: string): QuarantinedPlay[] {
  const reasons = new Map<string, string>();
  for (const f of failures) if (!reasons.has(f.play_hash)) reasons.set(f.play_hash, f.reason);
  const entries: QuarantinedPlay[] = [];
  for (const play of plays) {
    const reason = reasons.get(play.play_hash);
    if (reason !== undefined) entries.push({ play, step, reasons: [{ check: step, message: reason }] });
  }
  // A failure for a text no input row has (should not happen) is still kept, not dropped.
  const known = new Set(plays.map((p) => p.play_hash));
  for (const [hash, reason] of reasons) {
    if (!known.has(hash)) entries.push({ play: { play_id: 0, play_hash: hash, playbyplay: "", line: 0 }, step, reasons: [{ check: step, message: reason }] });
  }
  return entries;
}

/**
 * Join each extracted play with its mapping and analysis, in input order, and add the game state read
 * over the plays (`readGameState`, whatever extracted them): each resolved value with its provenance,
 * beside the values as stated. With `refs`, the state also settles IDs a paragraph leaves open (a surname
 * two players share: the one whose side is at bat) and a two-way player's role.
 */
export function enrichPlays(
  plays: readonly (RawPlay & Extraction)[],
  mappings: ReadonlyMap<string, CanonicalMapping>,
  analyses: readonly PlayAnalysis[],
  refs?: ReferenceTables,
): EnrichedPlay[] {
  const state = readGameState(plays, mappings, refs);
  return joinEnriched(plays, state.mappings, analyses, state.states.map(resolvedColumns));
}

/** Each play joined with its mapping, its analysis and its resolved columns (all in input order): the enriched rows. */
export function joinEnriched(
  plays: readonly (RawPlay & Extraction)[],
  mappings: ReadonlyMap<string, CanonicalMapping>,
  analyses: readonly PlayAnalysis[],
  resolved: readonly ResolvedColumns[],
): EnrichedPlay[] {
  return plays.map((play, i) => {
    const mapping = mappings.get(play.play_hash);
    if (!mapping) throw new Error(`No canonical mapping for play ${play.play_id} (${play.play_hash})`);
    return { ...play, ...mapping, ...analyses[i]!, ...resolved[i]! };
  });
}
