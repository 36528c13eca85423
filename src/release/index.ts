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
export { EXTRACTOR_VERSIONS } from "./extractor-versions";
