import { EXTRACTION_FIELDS, type Extraction, type PitchTypeCode } from "../../src/domain";
import path from "node:path";
import { playHash, readGroundTruth, readPlays, readReferenceTables } from "../../src/extract";

/**
 * What the simulated model "knows": the ground truth of the project's plays and the
 * reference tables. It answers a play it recognises (by play_hash, or by the hash of its
 * text) with the truth, and maps names the way the truth does.
 */
export interface AnswerBook {
  extractionFor(play: { play_hash?: string; text: string }): Extraction | undefined;
  pitcherId(name: string): number | null;
  batterId(name: string): number | null;
  pitchTypeCode(text: string): PitchTypeCode | null;
  readonly size: number;
}

/** The reference tables and ground truth, read by the project's own readers. */
export { readGroundTruth, readReferenceTables as readReference } from "../../src/extract";

export function loadAnswerBook(dataDir: string): AnswerBook {
  const truth = readGroundTruth(dataDir);
  const { pitchers, batters, pitchTypes } = readReferenceTables(dataDir);

  const byHash = new Map<string, Extraction>();
  // The reader repairs mis-decoded punctuation, so a repaired row is also known by the hash of its repaired text (same order).
  const csv = path.join(dataDir, "playbyplay.csv");
  const read = readPlays(csv).plays;
  const pitcherByName = new Map<string, number>();
  const batterByName = new Map<string, number>();
  const codeByText = new Map<string, PitchTypeCode>();
  truth.forEach((row, k) => {
    const record = Object.fromEntries(EXTRACTION_FIELDS.map((f) => [f, row[f]])) as Extraction;
    byHash.set(row.play_hash, record);
    if (read[k] && !byHash.has(read[k]!.play_hash)) byHash.set(read[k]!.play_hash, record);
    if (row.pitcher_name && row.pitcher_id !== null) pitcherByName.set(norm(row.pitcher_name), row.pitcher_id);
    if (row.batter_name && row.batter_id !== null) batterByName.set(norm(row.batter_name), row.batter_id);
    if (row.pitch_type && row.pitch_type_code) codeByText.set(norm(row.pitch_type), row.pitch_type_code);
  });
  const byReference = <T>(list: T[], nameOf: (t: T) => string, idOf: (t: T) => number, name: string): number | null => {
    const n = norm(name);
    const exact = list.find((t) => norm(nameOf(t)) === n);
    if (exact) return idOf(exact);
    const bySurname = list.filter((t) => norm(nameOf(t)).split(" ").pop() === n.split(" ").pop());
    return bySurname.length === 1 ? idOf(bySurname[0]!) : null;
  };
  return {
    size: byHash.size,
    extractionFor: (p) => (p.play_hash === undefined ? undefined : byHash.get(p.play_hash)) ?? byHash.get(playHash(p.text)),
    pitcherId: (name) => pitcherByName.get(norm(name)) ?? byReference(pitchers, (p) => p.name, (p) => p.pitcher_id, name),
    batterId: (name) => batterByName.get(norm(name)) ?? byReference(batters, (b) => b.name, (b) => b.batter_id, name),
    pitchTypeCode: (text) => codeByText.get(norm(text)) ?? pitchTypes.find((t) => norm(t.name) === norm(text) || t.code === text)?.code ?? null,
  };
}

function norm(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, " ");
}
