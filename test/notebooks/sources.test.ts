import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/config";
import { expectedCells, NOTEBOOKS } from "../../scripts/notebooks/notebooks";
import { committedCells, parsePercent, toNotebookJson, variantCells } from "../../scripts/notebooks/percent-format";

// Each committed notebook is built from a percent-format source in notebooks/sources/*.ts that tsc checks.
// An edit to a source without `npm run notebooks:build` (and re-executing) fails here; so does an
// edit made in Jupyter and not carried back to the source.
const dir = path.join(findProjectRoot(), "notebooks");

describe.each(NOTEBOOKS)("notebooks/$notebook", (variant) => {
  it(`has the cells of its source notebooks/${variant.source} (types, sources and tags)`, () => {
    const committed = committedCells(readFileSync(path.join(dir, variant.notebook), "utf8"));
    expect(committed).toEqual(expectedCells(dir, variant));
  });
});

describe("notebook sources", () => {
  it("cover every committed notebook", () => {
    const committed = readdirSync(dir).filter((f) => f.endsWith(".ipynb") && !f.startsWith("."));
    expect(committed.sort()).toEqual(NOTEBOOKS.map((n) => n.notebook).sort());
  });

  it("give the test and full guides the same cells but for their row count", () => {
    const [test, full] = ["9_guide_test.ipynb", "9_guide_full.ipynb"].map((name) => expectedCells(dir, NOTEBOOKS.find((n) => n.notebook === name)!));
    const raw = parsePercent(readFileSync(path.join(dir, "sources", "9_guide.ts"), "utf8"), "9_guide.ts");
    const parameterised = raw.map((cell, i) => (/\{\{\w+\}\}|^const ROWS\b/m.test(cell.source) ? i : null)).filter((i) => i !== null);
    const differing = test.map((cell, i) => (cell.source === full[i].source ? null : i)).filter((i) => i !== null);
    expect(test.length).toBe(full.length);
    expect(differing).toEqual(parameterised);
    expect(differing.length).toBeLessThanOrEqual(4);
    expect(test[2].source).toContain("const ROWS: number = 10;");
    expect(full[2].source).toContain("const ROWS: number = 0;");
  });

  it("read markdown, code and tags, and round-trip through nbformat", () => {
    const cells = parsePercent(['// header, not a cell', '', '// %% [markdown]', '// # Title', '//', '// text', '', '// %% tags=["exercise-1-todo"]', 'const a = 1;', '', ''].join("\n"), "x.ts");
    expect(cells).toEqual([
      { cell_type: "markdown", source: "# Title\n\ntext", tags: [] },
      { cell_type: "code", source: "const a = 1;", tags: ["exercise-1-todo"] },
    ]);
    expect(committedCells(toNotebookJson(cells))).toEqual(cells);
  });

  it("keep the outputs of unchanged cells on a rebuild and clear those of changed ones", () => {
    const before = [{ cell_type: "code" as const, source: "1 + 1", tags: [] }, { cell_type: "code" as const, source: "2 + 2", tags: [] }];
    const executed = JSON.parse(toNotebookJson(before));
    executed.cells.forEach((c: { outputs: unknown[] }, i: number) => c.outputs.push({ output_type: "stream", name: "stdout", text: [`out ${i}`] }));
    const rebuilt = JSON.parse(toNotebookJson([before[0], { cell_type: "code", source: "3 + 3", tags: [] }], JSON.stringify(executed)));
    expect(rebuilt.cells.map((c: { outputs: unknown[] }) => c.outputs.length)).toEqual([1, 0]);
    expect(rebuilt.cells[0].id).toBe(executed.cells[0].id);
  });

  it("reject a markdown line without its comment prefix, naming the line", () => {
    expect(() => parsePercent("// %% [markdown]\n// fine\nnot a comment\n", "bad.ts")).toThrow(/bad\.ts:3: a markdown line must start with "\/\/ "/);
  });

  it("reject a parameter the source does not declare, and a placeholder with no text", () => {
    const text = "// %% [markdown]\n// # {{title}}\n\n// %%\nconst ROWS: number = 10;\n";
    expect(() => variantCells({ notebook: "a.ipynb", source: "a.ts", params: { LIMIT: 1 }, text: { title: "t" } }, text)).toThrow(/parameter LIMIT must be declared once/);
    expect(() => variantCells({ notebook: "a.ipynb", source: "a.ts", params: { ROWS: 0 } }, text)).toThrow(/no text for the placeholder \{\{title\}\}/);
    expect(variantCells({ notebook: "a.ipynb", source: "a.ts", params: { ROWS: 0 }, text: { title: "Full" } }, text).map((c) => c.source)).toEqual(["# Full", "const ROWS: number = 0;"]);
  });
});
