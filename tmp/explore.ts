import path from "node:path";
import { EXTRACTION_FIELDS, type Extraction } from "../src/domain";
import { readGroundTruth, readPlays, readReferenceTables } from "../src/extract";
import { RuleExtractor } from "../src/transform";
import { sameValue } from "../src/transform/accuracy";

for (const dir of ["data", "test/fixtures/blind-game-otters", "test/fixtures/blind-game-second"]) {
  const refs = readReferenceTables(dir);
  const truth = readGroundTruth(dir);
  const { plays } = readPlays(path.join(dir, "playbyplay.csv"));
  const byRow = new RuleExtractor({ references: refs, onWarning: () => {} }).extract(plays);
  let full = 0;
  const errs: Record<string, number> = {};
  plays.forEach((p, i) => {
    const r = byRow.get(p.play_hash)!;
    const t = truth[i]!;
    const wrong = EXTRACTION_FIELDS.filter((f) => !sameValue(r[f], (t as any)[f]));
    if (wrong.length === 0) full++;
    for (const f of wrong) errs[f] = (errs[f] ?? 0) + 1;
  });
  console.log(dir, plays.length, "fully correct rows", full, (full / plays.length * 100).toFixed(1) + "%", JSON.stringify(errs));
}
