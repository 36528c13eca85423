import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/config";

// The notebooks' kernel (tslab) compiles `src/` itself with TypeScript 5.0.4 and loads each
// compiled file by "<specifier>.js": a folder import ("../domain") that Node would resolve to
// "../domain/index" is not found at run time, and newer syntax or library calls fail to compile.
const root = findProjectRoot();
const srcDir = path.join(root, "src");

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? tsFiles(full) : full.endsWith(".ts") ? [full] : [];
  });
}

describe("src/ loads in the notebooks' tslab kernel", () => {
  it("imports no folder by its bare name in a value import (tslab resolves only '<name>.js')", () => {
    const offenders: string[] = [];
    const pattern = /^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+"(\.{1,2}\/[^"]*)"/gm;
    for (const file of tsFiles(srcDir)) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(pattern)) {
        const target = path.resolve(path.dirname(file), m[1]!);
        if (existsSync(target) && statSync(target).isDirectory()) {
          offenders.push(`${path.relative(root, file)}: "${m[1]}" → write "${m[1]}/index"`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it("type-checks src/index.ts with the kernel's TypeScript 5.0.4 and options", () => {
    const tsc = path.join(root, "node_modules", "@tslab", "typescript-for-tslab", "bin", "tsc");
    const args = [tsc, "--noEmit", "--module", "esnext", "--moduleResolution", "node10", "--esModuleInterop",
      "--target", "es2022", "--lib", "es2022", "--skipLibCheck", "--allowJs", "--resolveJsonModule", "--types", "node",
      path.join(srcDir, "index.ts")];
    let output = "";
    try {
      execFileSync(process.execPath, args, { cwd: root, encoding: "utf8", stdio: "pipe" });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output).toBe("");
  });
});
