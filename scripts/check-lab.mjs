#!/usr/bin/env node
// Prove the lab's checks in CI, on the notebook itself:
//  (a) the untouched notebooks/9_lab.ipynb runs without an error and every check says "not yet: the TODO cell
//      still throws" (answered at once, before any database or server is started);
//  (b) with each TODO cell (tagged exercise-N-todo) replaced by src/lab/solutions/exercise-N.ts
//      (imports dropped, `export ` removed: the solutions reach the library as `wb.`), every check passes.
// Executed copies: artifacts/lab-untouched/9_lab.ipynb and artifacts/lab-solved/9_lab.ipynb (not artifacts/executed,
// which the notebook runner writes at the same time in npm test). Exit 1 otherwise.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nbDir = path.join(root, "notebooks");
const jupyterPath = path.join(root, ".jupyter-local");
const env = { ...process.env, JUPYTER_PATH: jupyterPath, TF_CPP_MIN_LOG_LEVEL: "3" };
for (const k of ["OPENAI_API_KEY", "OPENAI_BASE_URL"]) delete env[k]; // the lab needs no key and must never see one
const EXERCISES = [1, 2, 3, 4, 5, 6];

execFileSync(process.execPath, [path.join(root, "scripts", "register-kernel.mjs"), "--prefix", jupyterPath], { stdio: "inherit" });

/** Execute `name` (in notebooks/, so `./lib/index` resolves) into `outDir/9_lab.ipynb`; returns the executed notebook. */
function execute(name, outDir) {
  mkdirSync(outDir, { recursive: true });
  const started = Date.now();
  execFileSync(
    "jupyter",
    ["nbconvert", "--execute", "--ExecutePreprocessor.timeout=600", "--ExecutePreprocessor.kernel_name=workbook-ts",
      "--to", "notebook", "--output-dir", outDir, "--output", "9_lab.ipynb", name],
    { cwd: nbDir, env, stdio: "inherit" },
  );
  console.log(`  executed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return JSON.parse(readFileSync(path.join(outDir, "9_lab.ipynb"), "utf8"));
}

/** Every text the notebook's cells printed or displayed, and any error outputs. */
function outputsOf(nb) {
  const texts = [];
  const errors = [];
  for (const cell of nb.cells) {
    for (const o of cell.outputs ?? []) {
      if (o.output_type === "error") errors.push(`${o.ename}: ${o.evalue}`);
      const t = o.text ?? o.data?.["text/plain"];
      if (t) texts.push(Array.isArray(t) ? t.join("") : t);
      if (o.name === "stderr") errors.push(Array.isArray(o.text) ? o.text.join("") : o.text);
    }
  }
  return { texts, errors };
}

/** The verdict line of each exercise ("passed" or "not yet"), or "missing". */
function verdicts(nb) {
  const { texts, errors } = outputsOf(nb);
  const by = {};
  for (const n of EXERCISES) {
    const line = texts.flatMap((t) => t.split("\n")).find((l) => l.includes(`Exercise ${n} passed`) || l.includes(`Exercise ${n} not yet`));
    by[n] = { verdict: line ? (line.includes(`Exercise ${n} passed`) ? "passed" : "not yet") : "missing", line: line ?? "" };
  }
  return { by, errors };
}

/** A solution file as cell code: no import lines, no `export ` keywords. */
export function solutionAsCell(source) {
  return source
    .split("\n")
    .filter((l) => !/^import\s.*;\s*$/.test(l))
    .map((l) => l.replace(/^export\s+/, ""))
    .join("\n")
    .replace(/^\s+|\s+$/g, "");
}

const toSource = (text) => {
  const parts = text.split("\n");
  return parts.map((l, i) => (i < parts.length - 1 ? `${l}\n` : l));
};

let failed = false;
const expectAll = (label, by, errors, want, mustSay) => {
  console.log(`\n${label}:`);
  for (const n of EXERCISES) {
    const ok = by[n].verdict === want && (!mustSay || by[n].line.includes(mustSay));
    if (!ok) failed = true;
    console.log(`  ${ok ? "ok  " : "FAIL"} exercise ${n}: ${by[n].verdict}${ok ? "" : ` (expected ${want})`}  ${by[n].line.slice(0, 200)}`);
  }
  if (errors.length > 0) {
    failed = true;
    console.log(`  FAIL errors in the outputs:\n    ${errors.join("\n    ")}`);
  }
};

// (a) untouched
console.log("▶ lab, untouched TODO cells");
const untouched = execute("9_lab.ipynb", path.join(root, "artifacts", "lab-untouched"));
const a = verdicts(untouched);
expectAll("untouched notebook (every check must say not yet: the TODO cell still throws)", a.by, a.errors, "not yet", "the TODO cell still throws");

// (b) with the reference solutions
console.log("\n▶ lab, TODO cells replaced by src/lab/solutions");
const nb = JSON.parse(readFileSync(path.join(nbDir, "9_lab.ipynb"), "utf8"));
const replaced = [];
for (const cell of nb.cells) {
  const tag = (cell.metadata?.tags ?? []).find((t) => /^exercise-\d+-todo$/.test(t));
  if (!tag) continue;
  const n = Number(tag.split("-")[1]);
  cell.source = toSource(solutionAsCell(readFileSync(path.join(root, "src", "lab", "solutions", `exercise-${n}.ts`), "utf8")));
  replaced.push(n);
}
if (replaced.sort().join() !== EXERCISES.join()) {
  console.error(`Expected one TODO cell per exercise, found tags for ${replaced.join(", ")}`);
  process.exit(1);
}
const temp = path.join(nbDir, ".lab-solved.ipynb");
writeFileSync(temp, JSON.stringify(nb, null, 1) + "\n");
let solved;
try {
  solved = execute(".lab-solved.ipynb", path.join(root, "artifacts", "lab-solved"));
} catch {
  console.error("✗ the solved lab failed to execute (see the traceback above)");
  process.exit(1);
} finally {
  rmSync(temp, { force: true });
}
const b = verdicts(solved);
expectAll("solved notebook (every check must pass)", b.by, b.errors, "passed");

if (failed) {
  console.error("\n✗ lab check failed");
  process.exit(1);
}
console.log("\n✓ lab: every check says not yet on the TODOs and passes with the solutions");
