import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface CliRun {
  code: number;
  wallMs: number;
  /** Peak resident set size of the process, KiB. */
  maxRssKiB: number;
  stdout: string;
  stderr: string;
}

/**
 * Run `npm start -- <args>` as the user would (the pinned Node, tsx), measuring its wall time and
 * peak RSS from the outside: a preloaded hook writes getrusage's maxRSS when the process exits.
 */
export async function runCli(root: string, args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "wb-bench-"));
  const rssFile = path.join(dir, "rss");
  const node = path.join(root, "node_modules", ".bin", "node");
  const started = Date.now();
  const child = spawn(node, ["--require", path.join(root, "scripts", "bench", "max-rss.cjs"), "--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: root,
    env: { ...env, BENCH_RSS_FILE: rssFile, CI: "true" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? 1)));
  const wallMs = Date.now() - started;
  let maxRssKiB = 0;
  try {
    maxRssKiB = Number(readFileSync(rssFile, "utf8"));
  } catch {
    // the process died before its exit hook
  }
  rmSync(dir, { recursive: true, force: true });
  return { code, wallMs, maxRssKiB, stdout, stderr };
}
