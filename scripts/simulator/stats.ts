import type { Dataset } from "./dataset";

/** Counts a reader of the report wants: event kinds, key moments, voices, lengths, innings. */
export function datasetStats(d: Dataset): Record<string, unknown> {
  const tally = (xs: (string | null)[]) => xs.reduce<Record<string, number>>((acc, x) => ((acc[x ?? "none"] = (acc[x ?? "none"] ?? 0) + 1), acc), {});
  const lengths = d.texts.map((t) => t.length).sort((a, b) => a - b);
  const pitchRows = d.truth.filter((r) => r.event_kind === "pitch");
  const nullShare = Object.fromEntries(
    (["inning_number", "outs", "score_home", "runners_on_base", "pitcher_name", "batter_name", "pre_pitch_balls", "pitch_type", "pitch_velocity_mph"] as const).map((f) => [
      f,
      Math.round((100 * pitchRows.filter((r) => r[f] === null).length) / pitchRows.length) + "%",
    ]),
  );
  return {
    rows: d.truth.length,
    innings: d.game.innings,
    final: d.game.final,
    eventKinds: tally(d.truth.map((r) => r.event_kind)),
    nonPitchShare: (d.truth.filter((r) => r.event_kind !== "pitch").length / d.truth.length).toFixed(3),
    pitchResults: tally(pitchRows.map((r) => r.pitch_result)),
    keyMoments: tally(d.truth.filter((r) => r.key_moment).map((r) => r.key_moment_reason)),
    excitement: tally(d.truth.map((r) => String(r.excitement))),
    voices: tally(d.voices),
    pitchTypes: tally(pitchRows.map((r) => r.pitch_type_code)),
    length: { min: lengths[0], median: lengths[lengths.length >> 1], max: lengths[lengths.length - 1] },
    nullOnPitchRows: nullShare,
  };
}
