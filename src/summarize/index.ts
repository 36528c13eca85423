export { excitementTimeline, pitcherStats, batterStats, pitchMix } from "./analyses";
export { excitementTimelineRows, pitcherStatsRows, batterStatsRows, pitchMixRows } from "./play-analyses";
export { excitementTimelineFrame, pitcherStatsFrame, batterStatsFrame, pitchMixFrame, frameRows } from "./frames";
export { loadDanfo, type Danfo } from "./danfo-loader";
export {
  ROLLING_WINDOW,
  type ExcitementPoint,
  type PitcherStatsRow,
  type BatterStatsRow,
  type PitchMixRow,
} from "./analysis-rows";
export { scaleCheck, type ScaleCheckOptions, type ScaleCheckResult } from "./scale-check";
