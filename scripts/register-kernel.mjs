#!/usr/bin/env node
// Register the workbook's Jupyter kernel: tslab started by the project's pinned Node,
// whatever `node` or `tslab` happen to be on PATH when Jupyter launches it.
//
//   npm run kernel:install                 # into your Jupyter data dir (for JupyterLab), named after this clone
//   npm run kernel:install -- --prefix DIR # into DIR/kernels as "workbook-ts" (the notebook runners use a project-local folder)
//
// A user-wide kernelspec is per clone: `workbook-ts-<folder>-<hash of the path>`, shown as
// "TypeScript (workbook: <folder>, Node 24)". Two clones get two kernels instead of the second
// silently replacing the first. The notebooks ask for "workbook-ts" with language "typescript";
// where that name is not installed, JupyterLab picks the one TypeScript kernel, or asks which.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const KERNEL_NAME = "workbook-ts";

/** The kernelspec name and display name of the clone at `root` (user-wide install). */
export function cloneKernel(root) {
  const real = realpathSync(root);
  const folder = path.basename(real);
  const slug = folder.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "workbook";
  const hash = createHash("sha256").update(real).digest("hex").slice(0, 6);
  return { name: `${KERNEL_NAME}-${slug}-${hash}`, displayName: `TypeScript (workbook: ${folder}, Node 24)` };
}

function jupyterDataDir() {
  if (process.env.JUPYTER_DATA_DIR) return process.env.JUPYTER_DATA_DIR;
  try {
    return execFileSync("jupyter", ["--data-dir"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    if (process.platform === "darwin") return path.join(os.homedir(), "Library", "Jupyter");
    if (process.platform === "win32") return path.join(process.env.APPDATA ?? os.homedir(), "jupyter");
    return path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), ".local", "share"), "jupyter");
  }
}

/** The clone a kernelspec runs (the project folder holding its tslab), or undefined. */
function specClone(file) {
  try {
    const tslab = JSON.parse(readFileSync(file, "utf8")).argv?.[1] ?? "";
    return tslab.includes(`${path.sep}node_modules${path.sep}`) ? tslab.slice(0, tslab.indexOf(`${path.sep}node_modules${path.sep}`)) : undefined;
  } catch {
    return undefined;
  }
}

function main(args) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const node = path.join(root, "node_modules", ".bin", "node");
  const tslab = path.join(root, "node_modules", "tslab", "bin", "tslab");
  const prefixAt = args.indexOf("--prefix");
  const base = prefixAt >= 0 ? path.resolve(args[prefixAt + 1]) : jupyterDataDir();
  for (const [what, file] of [["the pinned Node (run npm install first)", node], ["tslab (run npm install first)", tslab]]) {
    if (!existsSync(file)) {
      console.error(`Cannot register the kernel: ${what} is missing at ${file}`);
      process.exit(1);
    }
  }
  const { name, displayName } = prefixAt >= 0 ? { name: KERNEL_NAME, displayName: "TypeScript (workbook, Node 24)" } : cloneKernel(root);
  if (prefixAt < 0) {
    // An older install named every clone's kernel "workbook-ts": remove it if it is this clone's, keep another clone's.
    const legacy = path.join(base, "kernels", KERNEL_NAME, "kernel.json");
    const owner = existsSync(legacy) ? specClone(legacy) : undefined;
    if (owner && realpathSync(root) === (existsSync(owner) ? realpathSync(owner) : owner)) {
      rmSync(path.dirname(legacy), { recursive: true, force: true });
      console.log(`Removed this clone's old kernel "${KERNEL_NAME}" (now "${name}").`);
    } else if (owner) {
      console.log(`Note: kernel "${KERNEL_NAME}" belongs to ${owner}; this clone's kernel is "${name}".`);
    }
  }
  const dir = path.join(base, "kernels", name);
  mkdirSync(dir, { recursive: true });
  const spec = {
    argv: [realpathSync(node), realpathSync(tslab), "kernel", "--config-path", "{connection_file}"],
    display_name: displayName,
    language: "typescript",
    env: { TF_CPP_MIN_LOG_LEVEL: "3" },
    metadata: { debugger: false, workbook_clone: realpathSync(root) },
  };
  // Unchanged: not rewritten. Else through a temporary name: a Jupyter starting this kernel at that moment
  // (another notebook run side by side) never reads a half-written file.
  const file = path.join(dir, "kernel.json");
  const text = JSON.stringify(spec, null, 2) + "\n";
  if (!existsSync(file) || readFileSync(file, "utf8") !== text) {
    writeFileSync(`${file}.${process.pid}.tmp`, text);
    renameSync(`${file}.${process.pid}.tmp`, file);
  }
  console.log(`Registered Jupyter kernel "${name}" (${spec.display_name}) in ${dir}`);
  console.log(`It runs this clone: ${realpathSync(root)}`);
}

if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) main(process.argv.slice(2));
