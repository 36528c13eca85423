#!/usr/bin/env node
// Build the library the notebooks import (`import * as wb from "./lib/index"`): src/ compiled once to
// CommonJS with declarations in dist/kernel/ (notebooks/lib links there). tslab then loads plain
// JavaScript and reads the .d.ts files instead of compiling every source file at each kernel start.
// Runs on `npm install` (prepare) and as `npm run build` after an edit to src/.
//
//   node scripts/kernel-lib/build.mjs              # type-checks src/ as it compiles (npm run build)
//   node scripts/kernel-lib/build.mjs --no-check   # compiles only (prepare: `npm test` type-checks src/ in its
//                                                  #   typecheck step, so npm ci need not do it twice; same output)
import { execFileSync } from "node:child_process";
import { copyFileSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const out = path.join(root, "dist", "kernel");
const require = createRequire(import.meta.url);
const started = Date.now();
const check = !process.argv.includes("--no-check");
// npm ci's prepare and npm test's type-check compile TypeScript's own code once between them (tsc is ~9 MB of JavaScript).
process.env.NODE_COMPILE_CACHE ||= path.join(root, "node_modules", ".cache", "workbook", "node-compile-cache");
rmSync(out, { recursive: true, force: true });
try {
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(root, "tsconfig.kernel.json"), ...(check ? [] : ["--noCheck"])], { cwd: root, stdio: "inherit" });
} catch {
  console.error("The notebooks' library did not build: fix the type errors above, then run `npm run build` again.");
  process.exit(1);
}
// The project is "type": "module"; this folder is CommonJS, as tslab runs it.
writeFileSync(path.join(out, "package.json"), JSON.stringify({ type: "commonjs" }) + "\n");
copyFileSync(path.join(root, "scripts", "kernel-lib", "stale-check.cjs"), path.join(out, "stale-check.js"));
const { sourceHash } = require("./stale-check.cjs");
writeFileSync(path.join(out, "build-stamp.json"), JSON.stringify({ srcHash: sourceHash(path.join(root, "src")), builtAt: new Date().toISOString() }) + "\n");
// The simulated model, bundled into one ES module, so the notebooks start it with plain node (tsx costs
// ~0.5–1.5 s a start). Its inputs are listed beside it: src/notebook/simulated-model-process.ts uses the
// bundle only while none of them is newer, else runs the sources through tsx as before.
const { build } = require("esbuild"); // a devDependency (the version tsx and vite use too)
const simulated = path.join(out, "simulated-model.mjs");
const { metafile } = await build({
  entryPoints: [path.join(root, "scripts", "simulated-model", "main.ts")], outfile: simulated, bundle: true, platform: "node",
  format: "esm", target: "node20", packages: "external", metafile: true, logLevel: "warning",
});
writeFileSync(path.join(out, "simulated-model.inputs.json"), JSON.stringify(Object.keys(metafile.inputs).filter((f) => !f.includes("node_modules"))) + "\n");
const index = path.join(out, "index.js");
writeFileSync(index, readFileSync(index, "utf8").replace(/^("use strict";\n)?/, (strict) => `${strict}require("./stale-check").checkStale();\n`));
console.log(`Built the notebooks' library in dist/kernel/ (${((Date.now() - started) / 1000).toFixed(1)} s).`);
