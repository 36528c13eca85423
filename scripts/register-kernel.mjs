#!/usr/bin/env node
// Register the workbook's Jupyter kernel: tslab started by the project's pinned Node,
// whatever `node` or `tslab` happen to be on PATH when Jupyter launches it.
//
//   npm run kernel:install                 # into your Jupyter data dir (for JupyterLab)
//   npm run kernel:install -- --prefix DIR # into DIR/kernels (CI uses a project-local folder)
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync, realpathSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const KERNEL_NAME = "workbook-ts";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const node = path.join(root, "node_modules", ".bin", "node");
const tslab = path.join(root, "node_modules", "tslab", "bin", "tslab");

function jupyterDataDir() {
  try {
    return execFileSync("jupyter", ["--data-dir"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    if (process.platform === "darwin") return path.join(os.homedir(), "Library", "Jupyter");
    if (process.platform === "win32") return path.join(process.env.APPDATA ?? os.homedir(), "jupyter");
    return path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), ".local", "share"), "jupyter");
  }
}

const args = process.argv.slice(2);
const prefixAt = args.indexOf("--prefix");
const base = prefixAt >= 0 ? path.resolve(args[prefixAt + 1]) : jupyterDataDir();
for (const [what, file] of [["the pinned Node (run npm install first)", node], ["tslab (run npm install first)", tslab]]) {
  if (!existsSync(file)) {
    console.error(`Cannot register the kernel: ${what} is missing at ${file}`);
    process.exit(1);
  }
}
const dir = path.join(base, "kernels", KERNEL_NAME);
mkdirSync(dir, { recursive: true });
const spec = {
  argv: [realpathSync(node), tslab, "kernel", "--config-path", "{connection_file}"],
  display_name: "TypeScript (workbook, Node 24)",
  language: "typescript",
  env: { TF_CPP_MIN_LOG_LEVEL: "3" },
  metadata: { debugger: false },
};
writeFileSync(path.join(dir, "kernel.json"), JSON.stringify(spec, null, 2) + "\n");
console.log(`Registered Jupyter kernel "${KERNEL_NAME}" (${spec.display_name}) in ${dir}`);
