#!/usr/bin/env node
// Run independent npm scripts at the same time (npm test: the type-check, the layering check, vitest and the notebooks,
// which leave each other idle time on 2 cores), each line of their output prefixed with the script's name.
// Exits 1 when any of them failed, naming which; every one runs to its end.
//
//   node scripts/run-side-by-side.mjs typecheck lint:deps test:unit notebooks:test
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error("usage: node scripts/run-side-by-side.mjs <npm script>…");
  process.exit(2);
}
// Every Node process of the scripts (tsc, vitest's workers, the CLI children of the tests, the kernels) keeps
// V8's compiled code in one cache: a module compiled by one is loaded ready by the next (the same packages
// load in each of vitest's workers and in every CLI child), and by the next run.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env, NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE || path.join(root, "node_modules", ".cache", "workbook", "node-compile-cache") };
const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ["npm", []];

function run(name) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(npm[0], [...npm[1], "run", "--silent", name], { env, stdio: ["ignore", "pipe", "pipe"] });
    for (const [stream, out] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
      let rest = "";
      stream.setEncoding("utf8");
      stream.on("data", (d) => {
        const lines = (rest + d).split("\n");
        rest = lines.pop();
        for (const l of lines) out.write(`[${name}] ${l}\n`);
      });
      stream.on("end", () => rest && out.write(`[${name}] ${rest}\n`));
    }
    child.on("error", (e) => resolve({ name, code: 1, why: e.message }));
    child.on("close", (code, signal) => resolve({ name, code: code ?? 1, why: signal ?? "", s: (Date.now() - started) / 1000 }));
  });
}

const results = await Promise.all(scripts.map(run));
for (const r of results) console.log(`${r.code === 0 ? "✓" : "✗"} npm run ${r.name}${r.code === 0 ? "" : ` failed (exit ${r.code}${r.why ? `, ${r.why}` : ""})`} in ${r.s?.toFixed(1) ?? "?"} s`);
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
