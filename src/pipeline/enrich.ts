import type { CanonicalMapping, EnrichedPlay, Extraction, PlayAnalysis, QuarantinedPlay, RawPlay } from "../domain/index";

/** Plays the AI step could not turn into a record: quarantined from the step that failed, with its reason. */
export function extractionQuarantine(plays: readonly RawPlay[], failures: readonly { play_hash: string; reason: string }[], step: string): QuarantinedPlay[] {
  const byHash = new Map(plays.map((p) => [p.play_hash, p]));
  return failures.map((f) => ({
    play: byHash.get(f.play_hash) ?? { play_id: 0, play_hash: f.play_hash, playbyplay: "", line: 0 },
    step,
    reasons: [{ check: step, message: f.reason }],
  }));
}

/** Join each extracted play with its mapping and analysis, in input order. */
export function enrichPlays(
  plays: readonly (RawPlay & Extraction)[],
  mappings: ReadonlyMap<string, CanonicalMapping>,
  analyses: readonly PlayAnalysis[],
): EnrichedPlay[] {
  return plays.map((play, i) => {
    const mapping = mappings.get(play.play_hash);
    if (!mapping) throw new Error(`No canonical mapping for play ${play.play_id} (${play.play_hash})`);
    return { ...play, ...mapping, ...analyses[i]! };
  });
}
