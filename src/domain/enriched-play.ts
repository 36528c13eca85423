import type { Extraction } from "./extraction";
import type { CanonicalMapping, PlayAnalysis } from "./mapping";
import type { RawPlay } from "./play";
import type { ResolvedColumns } from "./resolved-play";

/**
 * A row after every transform step: what validation checks and the loader writes. The extraction is as
 * stated; the game state's resolved values, with their provenance, sit beside it (`enrichPlays` adds them;
 * a play built without them loads them as null).
 */
export type EnrichedPlay = RawPlay & Extraction & CanonicalMapping & PlayAnalysis & Partial<ResolvedColumns>;

/** One reason a row was quarantined: which check, which field, what was wrong. */
export interface QuarantineReason {
  check: string;
  field?: string;
  message: string;
}

export interface QuarantinedPlay {
  play: RawPlay & Partial<Extraction & CanonicalMapping & PlayAnalysis>;
  step: string;
  reasons: QuarantineReason[];
}
