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
 * peak RSS: a preloaded hook writes getrusage's maxRSS when each process of the tree exits.
 */
export async function runCli(root: string, args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "wb-bench-"));
  const rssFile = path.join(dir, "rss");
  const started = Date.now();
  // Exactly what the user runs, `npm start -- …` (npm included); the hook rides along in NODE_OPTIONS so
  // every process of the tree reports its peak.
  const hook = `--require ${path.join(root, "scripts", "bench", "max-rss.cjs")}`;
  const child = spawn("npm", ["start", "--silent", "--", ...args], {
    cwd: root,
    env: { ...env, BENCH_RSS_FILE: rssFile, CI: "true", NODE_OPTIONS: [env.NODE_OPTIONS, hook].filter(Boolean).join(" ") },
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
    maxRssKiB = Math.max(...readFileSync(rssFile, "utf8").trim().split("\n").map(Number));
  } catch {
    // the process died before its exit hook
  }
  rmSync(dir, { recursive: true, force: true });
  return { code, wallMs, maxRssKiB, stdout, stderr };
}
