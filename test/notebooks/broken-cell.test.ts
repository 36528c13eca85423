import { execFile } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/config";

// CI executes the notebooks with the same script; a cell that throws must fail the run.
const root = findProjectRoot();
const name = ".broken-cell-check.ipynb";
const file = path.join(root, "notebooks", name);

function notebook(cells: string[]): string {
  return JSON.stringify({
    cells: cells.map((source, i) => ({ cell_type: "code", id: `c${i}`, metadata: {}, source, outputs: [], execution_count: null })),
    metadata: { kernelspec: { name: "workbook-ts", display_name: "TypeScript (workbook, Node 24)", language: "typescript" } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

async function execute(): Promise<{ code: number; out: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, [path.join(root, "scripts", "execute-notebooks.mjs"), name], { cwd: root, timeout: 180_000 });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? 1, out: `${err.stdout ?? ""}${err.stderr ?? ""}` };
  }
}

describe("headless notebook execution", () => {
  beforeAll(async () => {
    // Without Jupyter every execution "fails" for the wrong reason: say so once, clearly.
    await promisify(execFile)("jupyter", ["nbconvert", "--version"]).catch((e: unknown) => {
      throw new Error(`Jupyter's nbconvert is not runnable here (${(e as Error).message}); node scripts/preflight.mjs prints the install line.`);
    });
  });
  afterAll(() => {
    // Leave nothing for the browser check, which reads every HTML export.
    for (const f of [file, path.join(root, "artifacts", "executed", name), path.join(root, "artifacts", "html", name.replace(/\.ipynb$/, ".html"))]) rmSync(f, { force: true });
  });

  it("fails, naming the notebook and the cell, when a cell throws", async () => {
    writeFileSync(file, notebook(['import * as wb from "./lib/index";\nconsole.log(wb.playHash("x"));', 'throw new Error("this cell is broken on purpose");']));
    const { code, out } = await execute();
    expect(code).not.toBe(0);
    expect(out).toContain("this cell is broken on purpose");
    expect(out).toContain(`✗ ${name} failed`);
  }, 180_000);

  it("passes when every cell runs", async () => {
    writeFileSync(file, notebook(['import * as wb from "./lib/index";\nconsole.log(wb.playHash("x"));']));
    const { code, out } = await execute();
    expect(out).toContain(`✓ ${name}`);
    expect(code).toBe(0);
  }, 180_000);
});
