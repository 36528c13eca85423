import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/config";

// `npm run kernel:install` in two clones of the workbook, into one Jupyter data dir (JUPYTER_DATA_DIR in a
// temp folder): each clone gets its own kernelspec, running its own Node and tslab.
const root = findProjectRoot();

/** A folder that looks like a clone to the installer: the script, a pinned Node and a tslab to point at. */
function fakeClone(parent: string, folder: string): string {
  const dir = path.join(parent, folder);
  mkdirSync(path.join(dir, "scripts"), { recursive: true });
  mkdirSync(path.join(dir, "node_modules", ".bin"), { recursive: true });
  mkdirSync(path.join(dir, "node_modules", "tslab", "bin"), { recursive: true });
  copyFileSync(path.join(root, "scripts", "register-kernel.mjs"), path.join(dir, "scripts", "register-kernel.mjs"));
  symlinkSync(process.execPath, path.join(dir, "node_modules", ".bin", "node"));
  writeFileSync(path.join(dir, "node_modules", "tslab", "bin", "tslab"), "#!/usr/bin/env node\n");
  return dir;
}

function install(clone: string, dataDir: string, args: string[] = []): string {
  return execFileSync(process.execPath, [path.join(clone, "scripts", "register-kernel.mjs"), ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", JUPYTER_DATA_DIR: dataDir }, encoding: "utf8",
  });
}

function specs(dataDir: string): Record<string, { argv: string[]; display_name: string; language: string }> {
  const dir = path.join(dataDir, "kernels");
  return Object.fromEntries(readdirSync(dir).map((name) => [name, JSON.parse(readFileSync(path.join(dir, name, "kernel.json"), "utf8"))]));
}

describe("npm run kernel:install", () => {
  it("gives two clones two kernelspecs, each named after its folder and running its own tslab", () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), "wb-kernels-"));
    const dataDir = path.join(tmp, "jupyter");
    const a = fakeClone(path.join(tmp, "a"), "workbook");
    const b = fakeClone(path.join(tmp, "b"), "workbook"); // same folder name, other place
    const c = fakeClone(tmp, "Chapter 9 Copy");
    for (const clone of [a, b, c]) expect(install(clone, dataDir)).toContain(`It runs this clone: ${clone}`);

    const all = specs(dataDir);
    expect(Object.keys(all)).toHaveLength(3);
    for (const clone of [a, b, c]) {
      const [name, spec] = Object.entries(all).find(([, s]) => s.argv[1]!.startsWith(`${clone}${path.sep}`))!;
      expect(name).toMatch(new RegExp(`^workbook-ts-${path.basename(clone).toLowerCase().replace(/ /g, "-")}-[0-9a-f]{6}$`));
      expect(spec.display_name).toBe(`TypeScript (workbook: ${path.basename(clone)}, Node 24)`);
      expect(spec.language).toBe("typescript");
      expect(spec.argv[0]).toBe(process.execPath); // the clone's pinned Node (resolved)
    }
    // Installing again replaces the clone's own spec only.
    install(a, dataDir);
    expect(Object.keys(specs(dataDir))).toHaveLength(3);

    // Jupyter itself lists them, when it is installed.
    if (existsSync("/usr/bin/jupyter") || process.env.PATH?.split(":").some((p) => existsSync(path.join(p, "jupyter")))) {
      const listed = JSON.parse(execFileSync("jupyter", ["kernelspec", "list", "--json"], { env: { ...process.env, JUPYTER_DATA_DIR: dataDir, JUPYTER_PATH: "" }, encoding: "utf8" }));
      for (const name of Object.keys(all)) expect(Object.keys(listed.kernelspecs)).toContain(name);
    }
  }, 60_000);

  it("replaces this clone's old shared 'workbook-ts' spec, keeps another clone's, and --prefix still installs 'workbook-ts'", () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), "wb-kernels-"));
    const dataDir = path.join(tmp, "jupyter");
    const a = fakeClone(tmp, "clone-a");
    const b = fakeClone(tmp, "clone-b");
    const legacy = path.join(dataDir, "kernels", "workbook-ts");
    mkdirSync(legacy, { recursive: true });
    writeFileSync(path.join(legacy, "kernel.json"), JSON.stringify({ argv: ["node", path.join(b, "node_modules", "tslab", "bin", "tslab")], display_name: "old" }));
    expect(install(a, dataDir)).toContain(`kernel "workbook-ts" belongs to ${b}`);
    expect(existsSync(legacy)).toBe(true);
    expect(install(b, dataDir)).toContain(`Removed this clone's old kernel "workbook-ts"`);
    expect(existsSync(legacy)).toBe(false);
    expect(Object.keys(specs(dataDir)).sort()).toEqual([expect.stringMatching(/^workbook-ts-clone-a-/), expect.stringMatching(/^workbook-ts-clone-b-/)]);

    const prefix = path.join(tmp, "project-jupyter");
    install(a, dataDir, ["--prefix", prefix]);
    expect(specs(prefix)["workbook-ts"]?.argv[1]).toBe(path.join(a, "node_modules", "tslab", "bin", "tslab"));
  }, 60_000);
});
