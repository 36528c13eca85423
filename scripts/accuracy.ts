// Prints the offline provider's field-by-field accuracy against a data folder's ground_truth.jsonl
// (data/ by default; the blind sets: --data test/fixtures/blind-game-otters, --data test/fixtures/blind-game-second).
// Usage: npm run accuracy [-- --data <dir>]
import { loadConfig } from "../src/config";
import { evaluateOffline, formatAccuracyTable } from "../src/transform";

const flag = process.argv.indexOf("--data");
const dataDir = flag >= 0 && process.argv[flag + 1] ? process.argv[flag + 1]! : loadConfig().dataDir;
const report = evaluateOffline(dataDir);
console.log(`Provider: offline (rule-based, no network)\nData: ${dataDir}\n`);
console.log(formatAccuracyTable(report));
console.log(`\nRows the game state flags as contradicting the rows before them (quality warnings): ${report.stateFindings}`);
console.log(`Overall extraction accuracy: ${(report.overall * 100).toFixed(1)}% · weakest pitch field: ${(report.pitchFieldsMin * 100).toFixed(1)}% (bar: 95%)`);
if (report.pitchFieldsMin < 0.95) process.exitCode = 1;
