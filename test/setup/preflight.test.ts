import { execFile } from "node:child_process";
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/config";

// Issue 14: `npm test` starts with scripts/preflight.mjs, which stops at once, naming what is
// missing and how to install it, when Jupyter's nbconvert / client or Chromium is not there.
const root = findProjectRoot();
const bare = mkdtempSync(path.join(os.tmpdir(), "wb-preflight-"));
afterAll(() => rmSync(bare, { recursive: true, force: true }));

function preflight(PATH: string): Promise<{ code: number; out: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(root, "scripts", "preflight.mjs")], { env: { ...process.env, PATH }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, out: stdout + stderr, ms: Date.now() - started });
    });
  });
}

function which(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    try {
      accessSync(path.join(dir, cmd), constants.X_OK);
      return path.join(dir, cmd);
    } catch {
      // not here
    }
  }
  return undefined;
}

// Each case runs its own preflight process on its own PATH: side by side.
describe.concurrent("npm test's preflight", () => {
  it("is the first step of npm test", () => {
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.test.startsWith("node scripts/preflight.mjs && ")).toBe(true);
  });

  it("with neither Jupyter nor Chromium on PATH, exits non-zero within seconds naming both, with the installs", async () => {
    const { code, out, ms } = await preflight(bare);
    expect(code).toBe(1);
    expect(ms).toBeLessThan(10_000);
    expect(out).toContain("Jupyter nbconvert");
    expect(out).toContain("Chromium");
    expect(out).toMatch(/Debian\/Ubuntu: +sudo apt-get install -y .*jupyter-nbconvert.* chromium/);
    expect(out).toMatch(/macOS \(Homebrew\): brew install jupyterlab && brew install --cask chromium/);
    expect(out).toMatch(/pip: +pip install nbconvert/);
  });

  it.skipIf(!which("jupyter"))("with Jupyter but no Chromium on PATH, names only Chromium", async () => {
    const dir = mkdtempSync(path.join(bare, "jupyter-only-"));
    symlinkSync(which("jupyter")!, path.join(dir, "jupyter"));
    const { code, out } = await preflight(dir);
    expect(code).toBe(1);
    expect(out).toContain("Chromium");
    expect(out).not.toContain("Jupyter nbconvert");
    expect(out).toContain("sudo apt-get install -y chromium");
  });

  it("on this machine's PATH, passes exactly when both tools are there", async () => {
    const { code, out } = await preflight(process.env.PATH ?? "");
    const chromium = which("chromium") !== undefined;
    expect(out.includes("Chromium")).toBe(!chromium);
    if (which("jupyter") && chromium) expect(code).toBe(0);
    else expect(code).toBe(1);
  });
});
