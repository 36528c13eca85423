#!/usr/bin/env node
// Prove the lab's checks on the notebook itself:
//  (a) the untouched notebooks/9_lab.ipynb runs without an error and every check says "not yet: the TODO cell
//      still throws" (answered at once, before any database or server is started);
//  (b) with each TODO cell (tagged exercise-N-todo) replaced by src/lab/solutions/exercise-N.ts
//      (imports dropped, `export ` removed: the solutions reach the library as `wb.`), every check passes.
// scripts/execute-notebooks.mjs executes both, side by side (`--lab-check`), and then calls `checkLab` on its
// executed copies, artifacts/executed/9_lab.ipynb and artifacts/executed/.lab-solved.ipynb. `npm run notebooks:test`
// (in npm test) does so beside the other notebooks, so the untouched lab is executed once for both checks.
// Exit 1 otherwise.
//
//   node scripts/check-lab.mjs    # the lab alone: node scripts/execute-notebooks.mjs --lab-check 9_lab
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nbDir = path.join(root, "notebooks");
const EXERCISES = [1, 2, 3, 4, 5, 6];
export const LAB = "9_lab.ipynb";
/** The solved copy, beside the lab so `./lib/index` resolves; a dot-file, so only a lab check executes it. */
export const SOLVED_LAB = ".lab-solved.ipynb";
/** The lab needs no key and must never see one: removed from the environment of both lab notebooks. */
export const LAB_HIDDEN_ENV = ["OPENAI_API_KEY", "OPENAI_BASE_URL"];

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

/** Write notebooks/.lab-solved.ipynb: the lab with each TODO cell replaced by its reference solution. */
export function writeSolvedLab() {
  const nb = JSON.parse(readFileSync(path.join(nbDir, LAB), "utf8"));
  const replaced = [];
  for (const cell of nb.cells) {
    const tag = (cell.metadata?.tags ?? []).find((t) => /^exercise-\d+-todo$/.test(t));
    if (!tag) continue;
    const n = Number(tag.split("-")[1]);
    cell.source = toSource(solutionAsCell(readFileSync(path.join(root, "src", "lab", "solutions", `exercise-${n}.ts`), "utf8")));
    replaced.push(n);
  }
  if (replaced.sort().join() !== EXERCISES.join()) throw new Error(`Expected one TODO cell per exercise in ${LAB}, found tags for ${replaced.join(", ")}`);
  const file = path.join(nbDir, SOLVED_LAB);
  writeFileSync(file, JSON.stringify(nb, null, 1) + "\n");
  return file;
}

/** Check the executed untouched and solved labs (paths of executed .ipynb files); prints each verdict, returns whether all hold. */
export function checkLab(untouchedFile, solvedFile) {
  let ok = true;
  const expectAll = (label, { by, errors }, want, mustSay) => {
    console.log(`\n${label}:`);
    for (const n of EXERCISES) {
      const good = by[n].verdict === want && (!mustSay || by[n].line.includes(mustSay));
      if (!good) ok = false;
      console.log(`  ${good ? "ok  " : "FAIL"} exercise ${n}: ${by[n].verdict}${good ? "" : ` (expected ${want})`}  ${by[n].line.slice(0, 200)}`);
    }
    if (errors.length > 0) {
      ok = false;
      console.log(`  FAIL errors in the outputs:\n    ${errors.join("\n    ")}`);
    }
  };
  const read = (file) => JSON.parse(readFileSync(file, "utf8"));
  expectAll("untouched lab (every check must say not yet: the TODO cell still throws)", verdicts(read(untouchedFile)), "not yet", "the TODO cell still throws");
  expectAll("solved lab (every check must pass)", verdicts(read(solvedFile)), "passed");
  console.log(ok ? "\n✓ lab: every check says not yet on the TODOs and passes with the solutions" : "\n✗ lab check failed");
  return ok;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = spawnSync(process.execPath, [path.join(root, "scripts", "execute-notebooks.mjs"), "--lab-check", "9_lab", ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}
