import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { simulatedModelEntry, startSimulatedModelProcess } from "../../src/notebook/simulated-model-process";

const TSX_SOURCES = ["--import", "tsx", "scripts/simulated-model/main.ts"];

describe("the notebooks' simulated model start", () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  /** A project folder with a bundle built at `builtAt` from one source last changed at `changedAt` (seconds). */
  function project(builtAt: number, changedAt: number, bundle = true): string {
    const root = mkdtempSync(path.join(os.tmpdir(), "sim-entry-"));
    dirs.push(root);
    mkdirSync(path.join(root, "dist", "kernel"), { recursive: true });
    mkdirSync(path.join(root, "scripts", "simulated-model"), { recursive: true });
    const source = path.join(root, "scripts", "simulated-model", "server.ts");
    writeFileSync(source, "export {};\n");
    utimesSync(source, changedAt, changedAt);
    writeFileSync(path.join(root, "dist", "kernel", "simulated-model.inputs.json"), JSON.stringify(["scripts/simulated-model/server.ts"]));
    if (bundle) {
      const file = path.join(root, "dist", "kernel", "simulated-model.mjs");
      writeFileSync(file, "");
      utimesSync(file, builtAt, builtAt);
    }
    return root;
  }

  it("runs the bundle with plain node while no source it was built from is newer", () => {
    const root = project(2_000_000, 1_000_000);
    expect(simulatedModelEntry(root)).toEqual([path.join(root, "dist", "kernel", "simulated-model.mjs")]);
  });

  it("runs the sources through tsx after an edit the bundle does not have, or without a bundle", () => {
    expect(simulatedModelEntry(project(1_000_000, 2_000_000))).toEqual(TSX_SOURCES);
    expect(simulatedModelEntry(project(2_000_000, 1_000_000, false))).toEqual(TSX_SOURCES);
  });

  it("starts the project's simulated model, which answers with its model list", async () => {
    const sim = await startSimulatedModelProcess(0);
    try {
      const res = await fetch(`${sim.baseURL}/models`);
      expect(((await res.json()) as { data: { id: string }[] }).data.map((m) => m.id)).toEqual([sim.modelId]);
    } finally {
      await sim.close();
    }
  });
});
