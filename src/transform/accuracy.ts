import {
  EXTRACTION_FIELDS,
  PITCH_FIELDS,
  emptyExtraction,
  type CanonicalMapping,
  type Extraction,
  type GroundTruthRow,
  type PlayAnalysis,
} from "../domain/index";

export interface FieldAccuracy {
  field: string;
  correct: number;
  total: number;
  /** correct / total, 0–1 (1 when total is 0). */
  accuracy: number;
}

export interface AccuracyReport {
  /** One line per extraction field, in schema order. */
  fields: FieldAccuracy[];
  /** All extraction fields of all rows together. */
  overall: number;
  /** The weakest of the pitch fields (`PITCH_FIELDS`): the number the ≥ 95% bar applies to. */
  pitchFieldsMin: number;
  /** key_moment agreement and excitement within ±2, when analyses are given. */
  analysis: FieldAccuracy[];
  /** pitcher_id, batter_id, pitch_type_code, when mappings are given. */
  mapping: FieldAccuracy[];
  /** All mapping IDs together (null when no mappings were given). */
  mappingOverall: number | null;
  /** The batter and pitcher the game state resolves, on pitch rows, when the truth gives them (`evaluateOffline`). */
  resolved?: FieldAccuracy[];
}

export interface MeasureOptions {
  analyses?: Map<string, PlayAnalysis>;
  mappings?: Map<string, CanonicalMapping>;
}

/** Field equality as the report counts it: null only equals null, numbers exactly, strings case-insensitively trimmed. */
export function sameValue(predicted: unknown, truth: unknown): boolean {
  if (predicted === null || predicted === undefined || truth === null || truth === undefined) {
    return (predicted ?? null) === (truth ?? null);
  }
  if (typeof predicted === "string" && typeof truth === "string") return predicted.trim().toLowerCase() === truth.trim().toLowerCase();
  return predicted === truth;
}

function tally(field: string, pairs: Array<[unknown, unknown]>, same = sameValue): FieldAccuracy {
  const correct = pairs.filter(([p, t]) => same(p, t)).length;
  return { field, correct, total: pairs.length, accuracy: pairs.length === 0 ? 1 : correct / pairs.length };
}

/**
 * Compare predictions with the ground truth field by field. A row with no prediction counts as all-null.
 *
 * @example
 * const report = measureAccuracy(new RuleExtractor({ references }).extract(plays), readGroundTruth());
 * console.log(formatAccuracyTable(report));
 */
export function measureAccuracy(
  predicted: Map<string, Extraction>,
  truth: GroundTruthRow[],
  options: MeasureOptions = {},
): AccuracyReport {
  const rows = truth.map((t) => ({ t, p: predicted.get(t.play_hash) ?? emptyExtraction() }));
  const fields = EXTRACTION_FIELDS.map((f) => tally(f, rows.map(({ p, t }) => [p[f], t[f]])));
  const correct = fields.reduce((s, f) => s + f.correct, 0);
  const total = fields.reduce((s, f) => s + f.total, 0);
  const pitch = fields.filter((f) => (PITCH_FIELDS as string[]).includes(f.field));
  const analysis: FieldAccuracy[] = [];
  const { analyses, mappings } = options;
  if (analyses) {
    const got = truth.map((t) => ({ t, a: analyses.get(t.play_hash) }));
    analysis.push(tally("key_moment", got.map(({ a, t }) => [a?.key_moment ?? null, t.key_moment])));
    analysis.push(
      tally("excitement_within_2", got.map(({ a, t }) => [a?.excitement ?? null, t.excitement]), (p, t) =>
        typeof p === "number" && typeof t === "number" && Math.abs(p - t) <= 2,
      ),
    );
  }
  const mapping: FieldAccuracy[] = [];
  if (mappings) {
    const got = truth.map((t) => ({ t, m: mappings.get(t.play_hash) }));
    mapping.push(tally("pitcher_id", got.map(({ m, t }) => [m?.pitcher_id ?? null, t.pitcher_id])));
    mapping.push(tally("batter_id", got.map(({ m, t }) => [m?.batter_id ?? null, t.batter_id])));
    mapping.push(tally("pitch_type_code", got.map(({ m, t }) => [m?.pitch_type_code ?? null, t.pitch_type_code])));
  }
  const mCorrect = mapping.reduce((s, f) => s + f.correct, 0);
  const mTotal = mapping.reduce((s, f) => s + f.total, 0);
  return {
    fields,
    overall: total === 0 ? 1 : correct / total,
    pitchFieldsMin: Math.min(...pitch.map((f) => f.accuracy)),
    analysis,
    mapping,
    mappingOverall: mappings ? (mTotal === 0 ? 1 : mCorrect / mTotal) : null,
  };
}

/** The report as a fixed-width text table: field, correct/total, percentage; pitch fields marked with *. */
export function formatAccuracyTable(report: AccuracyReport): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const line = (f: FieldAccuracy, mark = " ") => `${mark} ${f.field.padEnd(22)} ${`${f.correct}/${f.total}`.padStart(9)}  ${pct(f.accuracy).padStart(6)}`;
  const out = [`  ${"field".padEnd(22)} ${"correct".padStart(9)}  ${"%".padStart(6)}`];
  for (const f of report.fields) out.push(line(f, (PITCH_FIELDS as string[]).includes(f.field) ? "*" : " "));
  out.push(`  ${"overall".padEnd(22)} ${"".padStart(9)}  ${pct(report.overall).padStart(6)}`);
  out.push(`  ${"pitch fields (min)".padEnd(22)} ${"".padStart(9)}  ${pct(report.pitchFieldsMin).padStart(6)}`);
  if (report.mapping.length > 0) {
    out.push("");
    for (const f of report.mapping) out.push(line(f));
    out.push(`  ${"mapping IDs overall".padEnd(22)} ${"".padStart(9)}  ${pct(report.mappingOverall ?? 0).padStart(6)}`);
  }
  if (report.analysis.length > 0) {
    out.push("");
    for (const f of report.analysis) out.push(line(f));
  }
  if (report.resolved && report.resolved.length > 0) {
    out.push("");
    for (const f of report.resolved) out.push(line(f));
  }
  return out.join("\n");
}
