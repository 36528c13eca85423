import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { programArgs } from "../support/test-bundles";

// The tests' children run a bundle of the sources only while it is current: an edited source runs through tsx.
const root = mkdtempSync(path.join(os.tmpdir(), "wb-bundles-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function layout(): { bundle: string; source: string } {
  mkdirSync(path.join(root, "src", "cli"), { recursive: true });
  const source = path.join(root, "src", "cli", "main.ts");
  writeFileSync(source, "console.log(1);\n");
  const bundle = path.join(root, "bundle", "cli", "main.js");
  mkdirSync(path.dirname(bundle), { recursive: true });
  writeFileSync(bundle, "console.log(1);\n");
  writeFileSync(`${bundle}.inputs.json`, JSON.stringify(["src/cli/main.ts"]));
  const past = new Date(Date.now() - 60_000);
  utimesSync(source, past, past);
  return { bundle, source };
}

describe("which code a test's child process runs", () => {
  it("the bundle while no source is newer; the sources through tsx once one is, or without a bundle", () => {
    const { bundle, source } = layout();
    expect(programArgs(root, "cli", bundle)).toEqual([bundle]);
    const later = new Date(Date.now() + 60_000);
    utimesSync(source, later, later);
    expect(programArgs(root, "cli", bundle)).toEqual(["--import", "tsx", "src/cli/main.ts"]);
    expect(programArgs(root, "cli", undefined)).toEqual(["--import", "tsx", "src/cli/main.ts"]);
    rmSync(source);
    expect(programArgs(root, "cli", bundle)).toEqual(["--import", "tsx", "src/cli/main.ts"]);
  });
});
