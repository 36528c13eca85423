export { extractPlay, RuleExtractor, type ExtractionContext, type RuleExtractorOptions } from "./offline/rule-extractor";
export { normalizeNumbers } from "./offline/number-words";
export { PITCH_TERMS, findPitchTerms, lookupPitchTerm, type PitchTerm, type PitchTermMatch } from "./offline/pitch-vocabulary";
export { createCanonicalMapper, type CanonicalMapper, type PitchTypeMatch } from "./canonical-mapper";
export { createNameMatcher, normalizeName, type NameMatch, type NamedEntity } from "./mapping/name-matcher";
export { analyzePlays } from "./play-analyzer";
export { measureAccuracy, formatAccuracyTable, sameValue, type AccuracyReport, type FieldAccuracy, type MeasureOptions } from "./accuracy";
export { evaluateOffline } from "./offline/offline-evaluation";
export * from "./roster/index";
