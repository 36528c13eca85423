import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { inject } from "vitest";
import { findProjectRoot } from "../../src/config";
import { programArgs, type BundledProgram } from "./test-bundles";

const ROOT = findProjectRoot();
const run = promisify(execFile);

/**
 * The node flags of package.json's start script (`node <flags> --import tsx src/cli/main.ts`), which
 * every CLI child runs with. Read from the script, so the tests follow it.
 */
export function startScriptFlags(): string[] {
  const start = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.start ?? "";
  const m = /^node((?: --[\w-]+(?:=\S+)?)*) --import tsx src\/cli\/main\.ts$/.exec(start);
  if (!m) throw new Error(`package.json's start script is not \`node [flags] --import tsx src/cli/main.ts\` any more (${JSON.stringify(start)}): update test/support/cli.ts`);
  return m[1]!.trim().split(" ").filter(Boolean);
}

/**
 * The node arguments that run `program` (the CLI, a test fixture) in a child: this run's bundle of its
 * sources while it is current, else the sources through tsx (see `test-bundles.ts`).
 */
export function programCommand(program: BundledProgram): string[] {
  let bundles: Record<BundledProgram, string> | undefined;
  try {
    bundles = inject("testBundles");
  } catch {
    bundles = undefined; // outside a vitest worker
  }
  return programArgs(ROOT, program, bundles?.[program]);
}

/** The node arguments of `npm start -- …args`: the start script's flags, then the CLI (see `programCommand`). */
export function cliCommand(args: string[]): string[] {
  return [...startScriptFlags(), ...programCommand("cli"), ...args];
}

/**
 * Node's cache of compiled code, when this run has one (npm test sets it: scripts/run-side-by-side.mjs), for
 * the clean environment of a child: not a setting of the CLI, only where V8 keeps what it compiled.
 */
export function nodeCacheEnv(): Record<string, string> {
  return process.env.NODE_COMPILE_CACHE ? { NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE } : {};
}

export interface CliResult {
  code: number;
  /** stdout then stderr. */
  out: string;
}

/**
 * `npm start -- …args` to completion, as the start script runs it (the pinned Node, its flags, the
 * CLI's code from src/), in a clean environment plus `env`: no inherited DATABASE_URL, PG* or keys,
 * and a fresh PGlite folder unless `env` names one. Never throws for a non-zero exit: the code is the
 * result. `viaTsx` runs the start script's own command (the sources through tsx) instead of the bundle.
 */
export async function runCli(args: string[], env: Record<string, string> = {}, options: { timeoutMs?: number; viaTsx?: boolean } = {}): Promise<CliResult> {
  // Unless `env` names one: a folder that does not exist yet, as on a fresh clone (PGlite starts from a
  // copy of the migrated snapshot), removed afterwards.
  const scratch = env.PGLITE_DIR === undefined ? mkdtempSync(path.join(os.tmpdir(), "wb-cli-")) : undefined;
  const base = {
    PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "info",
    ...nodeCacheEnv(),
    ...(scratch ? { PGLITE_DIR: path.join(scratch, "pglite") } : {}),
  };
  const argv = options.viaTsx ? [...startScriptFlags(), "--import", "tsx", "src/cli/main.ts", ...args] : cliCommand(args);
  try {
    const { stdout, stderr } = await run(process.execPath, argv, {
      cwd: ROOT, env: { ...base, ...env }, timeout: options.timeoutMs ?? 120_000, maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === "number" ? err.code : 1, out: `${err.stdout ?? ""}${err.stderr ?? ""}` };
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}
