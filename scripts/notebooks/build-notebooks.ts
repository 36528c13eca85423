// Build the notebooks from their percent-format sources (notebooks/sources/*.ts); cells that changed lose
// their outputs (unchanged ones keep them), then
// `npm run notebooks:update` executes them in place on the offline defaults, so the committed
// notebooks show results before anyone runs them. test/notebooks/sources.test.ts fails when a
// committed notebook's cells differ from its source.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findProjectRoot } from "../../src/config";
import { expectedCells, NOTEBOOKS } from "./notebooks";
import { toNotebookJson } from "./percent-format";

const dir = path.join(findProjectRoot(), "notebooks");
for (const variant of NOTEBOOKS) {
  const file = path.join(dir, variant.notebook);
  const previous = existsSync(file) ? readFileSync(file, "utf8") : undefined;
  writeFileSync(file, toNotebookJson(expectedCells(dir, variant), previous));
  console.log(`wrote notebooks/${variant.notebook} from notebooks/${variant.source}`);
}
