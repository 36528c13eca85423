export {
  BlueGreenRelease, type BlueGreenOptions, type StageMeta, type StagedVersion, type ValidationOutcome, type VersionCheck, type VersionInfo,
} from "./blue-green";
export {
  appendReleaseLog, defaultActor, readReleaseLog, readReleaseState, setReleaseState,
  type ReleaseAction, type ReleaseLogEntry, type ReleaseState,
} from "./release-log";
export {
  canarySample, defaultCanaryValidate, runCanary,
  type CanaryMargins, type CanaryOptions, type CanaryReport, type ExtractorOutput, type ExtractorVersion, type VersionQuality,
} from "./canary";
export {
  DEFAULT_EXTRACTOR, EXTRACTOR_ABOUT, EXTRACTOR_VERSIONS, readCurrentExtractor, type CurrentExtractor, type OfflineExtractorVersion,
} from "./extractor-versions";
