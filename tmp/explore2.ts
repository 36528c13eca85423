import path from "node:path";
import { EXTRACTION_FIELDS } from "../src/domain";
import { readGroundTruth, readPlays, readReferenceTables } from "../src/extract";
import { RuleExtractor } from "../src/transform";
import { sameValue } from "../src/transform/accuracy";
const dir = process.argv[2]!;
const refs = readReferenceTables(dir);
const truth = readGroundTruth(dir);
const { plays } = readPlays(path.join(dir, "playbyplay.csv"));
const byRow = new RuleExtractor({ references: refs, onWarning: () => {} }).extract(plays);
plays.forEach((p, i) => {
  const r = byRow.get(p.play_hash)!;
  const t = truth[i]! as any;
  const wrong = EXTRACTION_FIELDS.filter((f) => !sameValue(r[f], t[f]));
  if (wrong.length) console.log(`#${i+1} ${t.event_kind} ${wrong.map((f) => `${f}: ${JSON.stringify(r[f])}≠${JSON.stringify(t[f])}`).join("; ")}\n   ${p.playbyplay.slice(0, 300)}`);
});
