import type { Extraction } from "./extraction";
import type { CanonicalMapping, PlayAnalysis } from "./mapping";
import type { RawPlay } from "./play";

/** A row after every transform step: what validation checks and the loader writes. */
export type EnrichedPlay = RawPlay & Extraction & CanonicalMapping & PlayAnalysis;

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
