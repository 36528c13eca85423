import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/config";

// The committed notebooks carry the outputs of the offline default run so readers see results
// before running anything. Those outputs must be clean: no secrets, no machine paths, no
// TensorFlow.js banner, no errors.
const dir = path.join(findProjectRoot(), "notebooks");
const notebooks = readdirSync(dir).filter((f) => f.endsWith(".ipynb") && !f.startsWith("."));

interface Output { output_type: string; text?: string | string[]; data?: Record<string, unknown>; ename?: string }
interface Cell { cell_type: string; source: string | string[]; outputs?: Output[] }

function outputsText(cell: Cell): string {
  return (cell.outputs ?? []).map((o) => JSON.stringify(o)).join("\n");
}

describe.each(notebooks)("committed notebook %s", (name) => {
  const nb = JSON.parse(readFileSync(path.join(dir, name), "utf8")) as { cells: Cell[]; metadata: { kernelspec?: { name?: string } } };
  const code = nb.cells.filter((c) => c.cell_type === "code");

  it("runs on the workbook's kernel", () => {
    expect(nb.metadata.kernelspec?.name).toBe("workbook-ts");
  });

  it("keeps the outputs of an executed run, with no error among them", () => {
    const withOutput = code.filter((c) => (c.outputs ?? []).length > 0);
    expect(withOutput.length).toBeGreaterThanOrEqual(Math.ceil(code.length * 0.5));
    const errors = code.flatMap((c) => (c.outputs ?? []).filter((o) => o.output_type === "error" || /\n\s+at .+\(.+:\d+:\d+\)/.test(JSON.stringify(o.text ?? ""))));
    expect(errors).toEqual([]);
  });

  it("shows no secret, absolute machine path or TensorFlow.js banner", () => {
    const all = code.map(outputsText).join("\n");
    expect(all).not.toMatch(/sk-(proj-)?[A-Za-z0-9_-]{12,}/);
    expect(all).not.toMatch(/"?\/(root|home|tmp|work|Users)\//);
    expect(all).not.toMatch(/tfjs-node|Hi there|backend was already registered/i);
  });
});
