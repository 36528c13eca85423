// Generate the notebooks from their sources (outputs empty); `npm run notebooks:update` then executes them
// in place on the offline defaults so the committed notebooks show results before anyone runs them.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { findProjectRoot } from "../../src/config";
import { guideCells } from "./guide";
import { labCells } from "./lab";
import { notebook } from "./notebook-format";

const dir = path.join(findProjectRoot(), "notebooks");
const write = (name: string, text: string) => {
  writeFileSync(path.join(dir, name), text);
  console.log(`wrote notebooks/${name}`);
};
write("9_guide_test.ipynb", notebook(guideCells({ rows: 10, title: "Chapter 9 guide — test run (first 10 plays)" })));
write("9_guide_full.ipynb", notebook(guideCells({ rows: "all", title: "Chapter 9 guide — full run (all 729 plays)" })));
write("9_lab.ipynb", notebook(labCells()));
