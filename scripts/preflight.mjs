#!/usr/bin/env node
// The first step of `npm test`: check, in a few seconds, the outside tools that later steps need,
// and stop at once with one message listing what is missing and how to install it, instead of
// failing minutes later part-way through. Node, npm and PostgreSQL are not checked: `npm install`
// brings Node 24 and a PostgreSQL from npm for the tests (test/support/postgres-server.ts).
//
//   node scripts/preflight.mjs      # exit 0 when everything is there, 1 with the list otherwise
import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";

const TIMEOUT_MS = 20_000;

/** Tools `npm test` runs after vitest, each with the check and the one-line installs. */
const TOOLS = [
  {
    name: "Jupyter nbconvert",
    why: "executes the notebooks (scripts/execute-notebooks.mjs, scripts/check-lab.mjs)",
    check: () => run("jupyter", ["nbconvert", "--version"]),
    debian: ["jupyter-nbconvert", "python3-nbclient"],
    brew: ["jupyterlab"],
    pip: ["nbconvert", "nbclient"],
  },
  {
    name: "a Jupyter client (jupyter kernelspec)",
    why: "starts the workbook's kernel for nbconvert",
    check: () => run("jupyter", ["kernelspec", "list", "--json"]),
    debian: ["jupyter-client", "python3-jupyter-client"],
    brew: ["jupyterlab"],
    pip: ["jupyter_client"],
  },
  {
    name: "Chromium (chromium on PATH)",
    why: "the browser check of the exported notebooks (scripts/browser-check.ts)",
    check: async () => onPath("chromium"),
    debian: ["chromium"],
    brewCask: ["chromium"],
    pip: [],
  },
];

function run(cmd, args) {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: TIMEOUT_MS }, (error) => resolve(!error));
  });
}

function onPath(cmd) {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    try {
      accessSync(path.join(dir, cmd), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

const results = await Promise.all(TOOLS.map(async (t) => ({ tool: t, ok: await t.check() })));
const missing = results.filter((r) => !r.ok).map((r) => r.tool);
if (missing.length === 0) process.exit(0);

const uniq = (xs) => [...new Set(xs)];
const debian = uniq(missing.flatMap((t) => t.debian));
const brew = uniq(missing.flatMap((t) => t.brew ?? []));
const cask = uniq(missing.flatMap((t) => t.brewCask ?? []));
const pip = uniq(missing.flatMap((t) => t.pip));
const lines = [
  `npm test cannot run: ${missing.length === 1 ? "this tool is" : "these tools are"} missing:`,
  ...missing.map((t) => `  - ${t.name}: ${t.why}`),
  "",
  "Install with one of:",
  `  Debian/Ubuntu:    sudo apt-get install -y ${debian.join(" ")}`,
  `  macOS (Homebrew): ${[brew.length ? `brew install ${brew.join(" ")}` : "", cask.length ? `brew install --cask ${cask.join(" ")}` : ""].filter(Boolean).join(" && ")}`,
  ...(pip.length ? [`  pip:              pip install ${pip.join(" ")}${cask.length ? "   (Chromium is not on pip: use a line above)" : ""}`] : []),
  "",
  "On Debian/Ubuntu as root, `bash .ci/run` installs everything and runs npm test.",
];
console.error(lines.join("\n"));
process.exit(1);
