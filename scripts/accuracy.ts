// Prints the offline provider's field-by-field accuracy against data/ground_truth.jsonl.
// Usage: npm run accuracy [-- --data <dir>]
import { loadConfig } from "../src/config";
import { evaluateOffline, formatAccuracyTable } from "../src/transform";

const flag = process.argv.indexOf("--data");
const dataDir = flag >= 0 && process.argv[flag + 1] ? process.argv[flag + 1]! : loadConfig().dataDir;
const report = evaluateOffline(dataDir);
console.log(`Provider: offline (rule-based, no network)\nData: ${dataDir}\n`);
console.log(formatAccuracyTable(report));
console.log(`\nOverall extraction accuracy: ${(report.overall * 100).toFixed(1)}% · weakest pitch field: ${(report.pitchFieldsMin * 100).toFixed(1)}% (bar: 95%)`);
if (report.pitchFieldsMin < 0.95) process.exitCode = 1;
