import { readFileSync } from "node:fs";
import path from "node:path";
import { variantCells, type NotebookVariant, type SourceCell } from "./percent-format";

/**
 * Every committed notebook (in `notebooks/`) and the source it is built from (in `notebooks/sources/`,
 * whose `lib` links to `src/`: tsc checks the cells' `import * as wb from "./lib/index"` against the
 * sources themselves, while the notebooks' own `lib` is the build the kernel loads). The two guides
 * share one source: they differ only by their row count (and the words that say it).
 */
export const NOTEBOOKS: NotebookVariant[] = [
  { notebook: "9_guide_test.ipynb", source: "sources/9_guide.ts", params: { ROWS: 10 }, text: { title: "Chapter 9 guide — test run (first 10 plays)", plays: "the first 10 plays", plays_of_other: "its first 10 plays, as this guide runs" } },
  { notebook: "9_guide_full.ipynb", source: "sources/9_guide.ts", params: { ROWS: 0 }, text: { title: "Chapter 9 guide — full run (all 729 plays)", plays: "all 729 plays", plays_of_other: "all its plays" } },
  { notebook: "9_lab.ipynb", source: "sources/9_lab.ts" },
];

/** The cells `variant` must have, read from its source in `notebooksDir`. */
export function expectedCells(notebooksDir: string, variant: NotebookVariant): SourceCell[] {
  return variantCells(variant, readFileSync(path.join(notebooksDir, variant.source), "utf8"));
}
