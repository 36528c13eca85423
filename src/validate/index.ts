export { validatePlays, type ValidatePlaysOptions, type ValidationResult } from "./validate-plays";
export { CHECK_NAMES, QUALITY_CHECKS, contentCheck, domainCheck, consistencyCheck, referentialCheck, uniquenessCheck } from "./quality-checks";
export { soundsLikeBaseball } from "./content-check";
export { expectedPostCount } from "./consistency-check";
export { VELOCITY_RANGE_MPH } from "./domain-check";
export { EnrichedPlaySchema, RawPlaySchema, ResolvedColumnsSchema } from "./enriched-play-schema";
export { judgedPlay, judgedName, type JudgedPlay, type JudgedSource } from "./judged-play";
export {
  type CheckName,
  type CheckOutcome,
  type CheckContext,
  type CheckSummary,
  type QualityCheck,
  type QualityReport,
  type QualityWarning,
} from "./quality-report";
