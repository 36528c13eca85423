import { EXTRACTION_FIELDS, type Extraction, type GroundTruthRow, type RawPlay, type ReferenceTables } from "../../domain/index";
import { sameValue } from "../accuracy";
import { settleByRules } from "./cascade";

/** How often a field the rules kept (on settled rows) equals the truth. */
export interface KeptFieldPrecision {
  field: keyof Extraction;
  /** Settled rows (the field was kept on each). */
  kept: number;
  correct: number;
  /** correct / kept (1 when nothing was kept). */
  precision: number;
}

export interface CascadeCalibration {
  rows: number;
  settledRows: number;
  /** Settled rows on which every field equals the truth. */
  settledRowsCorrect: number;
  fields: KeptFieldPrecision[];
  /** The weakest field precision. */
  minPrecision: number;
}

/**
 * The calibration of the cascade's confidence on a game with ground truth: of the rows the rules settle
 * (and so never send to the model), how often each kept field is right. `truth` is in input order
 * (row i of the truth is play i), as a reader that repairs text may change its hash.
 *
 * @example const c = calibrateCascade(plays, readGroundTruth(dir), readReferenceTables(dir)); c.minPrecision // 1
 */
export function calibrateCascade(plays: RawPlay[], truth: GroundTruthRow[], reference: ReferenceTables): CascadeCalibration {
  const { settled } = settleByRules(plays, reference);
  const fields = EXTRACTION_FIELDS.map((field) => ({ field, kept: 0, correct: 0, precision: 1 }));
  let settledRowsCorrect = 0;
  plays.forEach((p, i) => {
    const rec = settled.get(p.play_hash);
    const t = truth[i];
    if (!rec || !t) return;
    let all = true;
    for (const f of fields) {
      f.kept++;
      if (sameValue(rec[f.field], t[f.field])) f.correct++;
      else all = false;
    }
    if (all) settledRowsCorrect++;
  });
  for (const f of fields) f.precision = f.kept === 0 ? 1 : f.correct / f.kept;
  return { rows: plays.length, settledRows: settled.size, settledRowsCorrect, fields, minPrecision: Math.min(...fields.map((f) => f.precision)) };
}
