import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { findProjectRoot } from "../../src/config";

const ROOT = findProjectRoot();
const run = promisify(execFile);

export interface CliResult {
  code: number;
  /** stdout then stderr. */
  out: string;
}

/**
 * `npm start -- …args` to completion, as the start script runs it (the pinned Node, tsx), in a clean
 * environment plus `env`: no inherited DATABASE_URL, PG* or keys, and a fresh PGlite folder unless `env`
 * names one. Never throws for a non-zero exit: the code is the result.
 */
export async function runCli(args: string[], env: Record<string, string> = {}, options: { timeoutMs?: number } = {}): Promise<CliResult> {
  const base = {
    PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "info",
    PGLITE_DIR: mkdtempSync(path.join(os.tmpdir(), "wb-cli-")),
  };
  try {
    const { stdout, stderr } = await run(process.execPath, ["--liftoff-only", "--import", "tsx", "src/cli/main.ts", ...args], {
      cwd: ROOT, env: { ...base, ...env }, timeout: options.timeoutMs ?? 120_000, maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === "number" ? err.code : 1, out: `${err.stdout ?? ""}${err.stderr ?? ""}` };
  }
}
