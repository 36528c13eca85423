import path from "node:path";
import { EXTRACTION_FIELDS } from "../src/domain";
import { readGroundTruth, readPlays, readReferenceTables } from "../src/extract";
import { RuleExtractor } from "../src/transform";
import { sameValue } from "../src/transform/accuracy";
import { fieldConfidence, isSettled } from "../src/transform/llm/rule-confidence";
import { readGameState } from "../src/transform/state/game-state-reader";
const verbose = process.argv[2];
for (const dir of ["data", "test/fixtures/blind-game-otters", "test/fixtures/blind-game-second"]) {
  const refs = readReferenceTables(dir);
  const truth = readGroundTruth(dir);
  const { plays } = readPlays(path.join(dir, "playbyplay.csv"));
  const byRow = new RuleExtractor({ references: refs, onWarning: () => {} }).extract(plays);
  const gs = readGameState(plays.map((p) => ({ ...p, ...byRow.get(p.play_hash)! })), undefined, refs);
  const findings = new Set(gs.findings.map((f) => f.play_id));
  let settled = 0, settledWrong = 0;
  const fieldKept: Record<string, [number, number]> = {};
  const notConf: Record<string, number> = {};
  plays.forEach((p, i) => {
    const r = byRow.get(p.play_hash)!;
    const t = truth[i]! as any;
    const conf = fieldConfidence(p.playbyplay, r, { reference: refs, findings }, p.play_id);
    for (const f of EXTRACTION_FIELDS) { if (!conf[f]) notConf[f] = (notConf[f] ?? 0) + 1; const k = fieldKept[f] ??= [0, 0]; if (conf[f]) { k[1]++; if (sameValue(r[f], t[f])) k[0]++; } }
    if (isSettled(conf)) {
      settled++;
      const wrong = EXTRACTION_FIELDS.filter((f) => !sameValue(r[f], t[f]));
      if (wrong.length) { settledWrong++; if (verbose) console.log(`  WRONG #${i+1} ${wrong.map((f) => `${f}: ${JSON.stringify(r[f])}≠${JSON.stringify(t[f])}`).join("; ")}\n     ${p.playbyplay.slice(0, 250)}`); }
    }
  });
  console.log(dir, `settled ${settled}/${plays.length} (${(settled/plays.length*100).toFixed(1)}%), wrong among settled ${settledWrong}`);
  console.log("  field precision (kept):", EXTRACTION_FIELDS.map((f) => `${f} ${fieldKept[f]![0]}/${fieldKept[f]![1]}`).join(", "));
  console.log("  not confident:", JSON.stringify(notConf));
}
