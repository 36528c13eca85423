import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { findProjectRoot } from "../../src/config";
import { cliCommand, nodeCacheEnv } from "../support/cli";

const ROOT = findProjectRoot();

export interface CliProcess {
  child: ChildProcess;
  /** Everything printed so far (stdout and stderr, interleaved). */
  output(): string;
  /** Resolve when the output matches `re` (rejects if the process exits first or on timeout). */
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Exit code (or 128 + signal number) and the wall time since spawn. */
  exited: Promise<{ code: number; signal: NodeJS.Signals | null; ms: number; out: string }>;
}

/**
 * `npm start -- …args` as a user runs it (see `cliCommand`): its own process on the pinned Node, a
 * clean environment plus `env` (no inherited DATABASE_URL or PG* variables).
 */
export function spawnCli(args: string[], env: Record<string, string>): CliProcess {
  const started = Date.now();
  const child = spawn(path.join(ROOT, "node_modules/.bin/node"), cliCommand(args), {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "info", ...nodeCacheEnv(), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d.toString();
    listeners.forEach((l) => l());
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const exited = new Promise<{ code: number; signal: NodeJS.Signals | null; ms: number; out: string }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code: code ?? 128, signal, ms: Date.now() - started, out })),
  );
  return {
    child,
    output: () => out,
    exited,
    waitFor(re, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => done(new Error(`timed out waiting for ${re}; output: ${out.slice(-2000)}`)), timeoutMs);
        const check = () => {
          const m = out.match(re);
          if (m) done(undefined, m);
        };
        const done = (err?: Error, m?: RegExpMatchArray) => {
          clearTimeout(timer);
          listeners.delete(check);
          if (err) reject(err);
          else resolve(m!);
        };
        listeners.add(check);
        void exited.then(() => {
          const m = out.match(re);
          done(m ? undefined : new Error(`exited before printing ${re}: ${out.slice(-2000)}`), m ?? undefined);
        });
        check();
      });
    },
  };
}
