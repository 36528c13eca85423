import { createServer, type AddressInfo } from "node:net";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { findProjectRoot } from "../config";
import { PipelineError } from "../errors";
import { sleep } from "../util/sleep";

/** The simulated model's `GET /stats` figures the lab reads. */
export interface SimulatedStats {
  requests: number;
  playsRequested: number;
}

/** A simulated model running in a child process on 127.0.0.1. */
export interface SimulatedModelProcess {
  baseURL: string;
  modelId: string;
  stats(): Promise<SimulatedStats>;
  close(): Promise<void>;
}

/** A TCP port on 127.0.0.1 that is free right now (to restart a server on the same address). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * How to run the simulated model: its bundle in dist/kernel/ (built by `npm run build`) with plain node
 * while none of the sources it was built from is newer than it, else the sources through tsx.
 */
export function simulatedModelEntry(root: string): string[] {
  const bundle = path.join(root, "dist", "kernel", "simulated-model.mjs");
  const inputs = path.join(root, "dist", "kernel", "simulated-model.inputs.json");
  try {
    if (existsSync(bundle) && existsSync(inputs)) {
      const builtAt = statSync(bundle).mtimeMs;
      const sources = JSON.parse(readFileSync(inputs, "utf8")) as string[];
      if (sources.every((f) => statSync(path.join(root, f)).mtimeMs <= builtAt)) return [bundle];
    }
  } catch {
    // a source moved or went away: run the sources
  }
  return ["--import", "tsx", "scripts/simulated-model/main.ts"];
}

/**
 * Start the project's OpenAI-compatible simulated model (`scripts/simulated-model`) on a free
 * port of 127.0.0.1 in a child process. A child, because the notebook kernel compiles only
 * what lies under the notebooks' `src/`; the server is the same one the tests and the bench use.
 */
export async function startSimulatedModelProcess(latencyMs: number, options: { faults?: string[]; seed?: number; port?: number } = {}): Promise<SimulatedModelProcess> {
  const root = findProjectRoot();
  const child: ChildProcess = spawn(
    process.execPath,
    [...simulatedModelEntry(root), "--port", String(options.port ?? 0), "--latency", String(latencyMs), "--seed", String(options.seed ?? 1),
      ...(options.faults ?? []).flatMap((f) => ["--fault", f])],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NODE_OPTIONS: "" } },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const baseURL = await new Promise<string>((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => reject(new PipelineError(`The simulated model did not start within 30 s: ${err.slice(-300)}`)), 30_000);
    child.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      const m = /Listening on (http:\/\/127\.0\.0\.1:\d+\/v1)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on("data", (b: Buffer) => (err += b.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new PipelineError(`The simulated model exited (code ${code}) before listening: ${err.slice(-300)}`));
    });
  });
  return {
    baseURL,
    modelId: "simulated-gpt-4o-mini",
    async stats() {
      const res = await fetch(baseURL.replace(/\/v1$/, "/stats"));
      return (await res.json()) as SimulatedStats;
    },
    async close() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await Promise.race([exited, sleep(3000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
}
