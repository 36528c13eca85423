import path from "node:path";
import { readGroundTruth, readPlays, readReferenceTables } from "../src/extract";
import { RuleExtractor } from "../src/transform";
import { sameValue } from "../src/transform/accuracy";
import { fieldConfidence } from "../src/transform/llm/rule-confidence";
const [dir, field, n] = [process.argv[2]!, process.argv[3]! as any, Number(process.argv[4] ?? 8)];
const refs = readReferenceTables(dir);
const truth = readGroundTruth(dir);
const { plays } = readPlays(path.join(dir, "playbyplay.csv"));
const byRow = new RuleExtractor({ references: refs, onWarning: () => {} }).extract(plays);
let shown = 0;
plays.forEach((p, i) => {
  const r = byRow.get(p.play_hash)! as any;
  const conf = fieldConfidence(p.playbyplay, r, { reference: refs }) as any;
  if (!conf[field] && sameValue(r[field], (truth[i] as any)[field]) && shown++ < n) console.log(`#${i+1} ${JSON.stringify(r[field])} | ${p.playbyplay.slice(0, 260)}`);
});
