#!/usr/bin/env node
// Execute every notebook headlessly with Jupyter's nbconvert on the workbook's kernel.
// Fails (exit 1) when a notebook has a failing cell. Prints each notebook's time, split into
// execution (kernel start + cells) and the HTML export. Several notebooks run side by side, each in a
// process of its own (NOTEBOOK_JOBS at a time, default all): they are independent (each opens its own
// in-memory database) and mostly wait on their kernels.
//
//   node scripts/execute-notebooks.mjs            # copies to artifacts/executed + HTML exports in artifacts/html
//   node scripts/execute-notebooks.mjs --in-place # refresh the committed outputs (offline defaults)
//   node scripts/execute-notebooks.mjs 9_guide_test  # only the notebooks whose name contains this
//   node scripts/execute-notebooks.mjs --lab-check   # also the lab with its reference solutions, then the lab check
//                                                      (scripts/check-lab.mjs) on the two executed labs
//   node scripts/execute-notebooks.mjs --prepare-only  # only register the kernel and rebuild the library if stale
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { tsImport } from "tsx/esm/api";
import { checkLab, LAB, LAB_HIDDEN_ENV, SOLVED_LAB, writeSolvedLab } from "./check-lab.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const inPlace = args.includes("--in-place");
const filters = args.filter((a) => !a.startsWith("--"));
const labCheck = args.includes("--lab-check");
if (labCheck && inPlace) {
  console.error("--lab-check reads the executed copies in artifacts/executed: it does not go with --in-place.");
  process.exit(2);
}
const jupyterPath = path.join(root, ".jupyter-local");
// The kernel (and the processes it starts) keep V8's compiled code of tslab, TypeScript, danfojs and the
// library between runs: their start-up is mostly compiling JavaScript.
const compileCache = path.join(root, "node_modules", ".cache", "workbook", "node-compile-cache");
const env = { ...process.env, JUPYTER_PATH: jupyterPath, TF_CPP_MIN_LOG_LEVEL: "3", NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? compileCache };
// The committed outputs must come from the offline defaults, never from a developer's keys.
if (inPlace) {
  for (const k of ["OPENAI_API_KEY", "DATABASE_URL", "PGHOST", "PGDATABASE", "OPENAI_BASE_URL"]) delete env[k];
  env.LLM_PROVIDER = "offline";
}
// Side by side, the parent registers and builds once, before its children start.
const prepared = process.env.WB_NOTEBOOKS_PREPARED === "1";
if (!prepared) execFileSync(process.execPath, [path.join(root, "scripts", "register-kernel.mjs"), "--prefix", jupyterPath], { stdio: "inherit" });
// The notebooks import the built library (notebooks/lib → dist/kernel): rebuild it when src/ is newer.
const require = createRequire(import.meta.url);
const stamp = path.join(root, "dist", "kernel", "build-stamp.json");
const { sourceHash } = require("./kernel-lib/stale-check.cjs");
if (!prepared && (!existsSync(stamp) || JSON.parse(readFileSync(stamp, "utf8")).srcHash !== sourceHash(path.join(root, "src")))) {
  execFileSync(process.execPath, [path.join(root, "scripts", "kernel-lib", "build.mjs")], { stdio: "inherit" });
}
// npm test prepares once, before the notebooks and the vitest suite (whose notebook tests run this script too) start side by side.
if (args.includes("--prepare-only")) process.exit(0);

const nbDir = path.join(root, "notebooks");
const executedDir = path.join(root, "artifacts", "executed");
const htmlDir = path.join(root, "artifacts", "html");
// With --lab-check the parent writes the solved lab beside the lab and executes it with the others.
const labChecked = labCheck && !prepared;
const notebooks = readdirSync(nbDir)
  // Dot-files are scratch copies (the lab's solved copy, test notebooks): run only when named.
  .filter((f) => f.endsWith(".ipynb") && f !== (labChecked ? SOLVED_LAB : "") && (filters.length === 0 ? !f.startsWith(".") : filters.some((x) => f.includes(x))))
  .sort();
if (labChecked) {
  if (!notebooks.includes(LAB)) {
    console.error(`--lab-check needs ${LAB} among the notebooks.`);
    process.exit(2);
  }
  writeSolvedLab();
  notebooks.push(SOLVED_LAB);
}
if (notebooks.length === 0) {
  console.error("No notebooks matched.");
  process.exit(1);
}
const jobs = Math.max(1, Number(process.env.NOTEBOOK_JOBS) || notebooks.length);
if (notebooks.length > 1 && jobs > 1) {
  const code = await sideBySide(notebooks, jobs);
  process.exit(labChecked ? finishLabCheck(code) : code);
}
mkdirSync(executedDir, { recursive: true });
mkdirSync(htmlDir, { recursive: true });
// Executing and exporting in one Python process, and making the export interactive in this one, saves a
// Python start with its nbconvert import and a Node start with tsx per notebook.
const python = jupyterPython();
const { makeExportInteractive } = await tsImport(pathToFileURL(path.join(root, "scripts", "notebooks", "interactive-html.ts")).href, import.meta.url);
for (const nb of notebooks) {
  const started = Date.now();
  console.log(`\n▶ executing ${nb}`);
  const executed = inPlace ? path.join(nbDir, nb) : path.join(executedDir, nb);
  const html = path.join(htmlDir, nb.replace(/\.ipynb$/, ".html"));
  let phases;
  try {
    const out = execFileSync(python, [path.join(root, "scripts", "notebooks", "execute_notebook.py"), nb, executed, html], { cwd: nbDir, env: envFor(nb), stdio: ["ignore", "pipe", "inherit"] });
    phases = JSON.parse(out.toString().trim().split("\n").pop());
  } catch {
    console.error(`✗ ${nb} failed: a cell raised an error (see the traceback above).`);
    process.exit(labChecked ? finishLabCheck(1) : 1);
  }
  // Plotly charts: nbconvert shows their PNG; add the interactive figure with the local plotly.js-dist.
  const interactiveStarted = Date.now();
  const r = makeExportInteractive(html, executed);
  console.log(`${path.basename(html)}: ${r.interactive} of ${r.figures} plotly chart(s) made interactive`);
  if (r.interactive < r.figures) process.exit(1);
  const interactive = (Date.now() - interactiveStarted) / 1000;
  console.log(`✓ ${nb} in ${((Date.now() - started) / 1000).toFixed(1)} s (kernel start + cells ${phases.execute.toFixed(1)} s, HTML export ${(phases.html + interactive).toFixed(1)} s)`);
}
if (labChecked) process.exit(finishLabCheck(0));

/** The environment a notebook runs in: the lab's two notebooks never see a key. */
function envFor(nb) {
  if (nb !== LAB && nb !== SOLVED_LAB) return env;
  const e = { ...env };
  for (const k of LAB_HIDDEN_ENV) delete e[k];
  return e;
}

/** After the executions (exit code `code`): remove the solved copy, and check both labs when they all ran. */
function finishLabCheck(code) {
  rmSync(path.join(nbDir, SOLVED_LAB), { force: true });
  if (code !== 0) {
    console.error("✗ lab check not made: a notebook failed to execute (see above).");
    return code;
  }
  return checkLab(path.join(executedDir, LAB), path.join(executedDir, SOLVED_LAB)) ? 0 : 1;
}

/** The Python that runs `jupyter` (its shebang), so nbconvert imports; else `python3` from the PATH. */
function jupyterPython() {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const file = path.join(dir, "jupyter");
    if (!existsSync(file)) continue;
    const first = readFileSync(file, "utf8").slice(0, 300).split("\n")[0];
    const m = /^#!\s*(\S*python[\d.]*)\s*$/.exec(first);
    if (m) return m[1];
    break;
  }
  return "python3";
}

/** Run this script once per notebook, `jobs` at a time; each child's output is printed in one block when it ends. */
async function sideBySide(names, jobs) {
  const queue = [...names];
  const failed = [];
  const one = (nb) =>
    new Promise((resolve) => {
      const argv = [fileURLToPath(import.meta.url), nb, ...args.filter((a) => a.startsWith("--"))];
      const child = spawn(process.execPath, argv, { env: { ...process.env, WB_NOTEBOOKS_PREPARED: "1" }, stdio: ["ignore", "pipe", "pipe"] });
      const out = [];
      child.stdout.on("data", (d) => out.push(d));
      child.stderr.on("data", (d) => out.push(d));
      child.on("close", (code) => {
        process.stdout.write(Buffer.concat(out));
        if (code !== 0) failed.push(nb);
        resolve();
      });
    });
  await Promise.all(Array.from({ length: Math.min(jobs, queue.length) }, async () => {
    for (let nb = queue.shift(); nb; nb = queue.shift()) await one(nb);
  }));
  if (failed.length > 0) console.error(`✗ ${failed.length} of ${names.length} notebooks failed: ${failed.join(", ")}`);
  return failed.length > 0 ? 1 : 0;
}
