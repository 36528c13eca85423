import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { projectMigrationsDir, snapshotFile } from "../../src/db/pglite-snapshot";
import { readPlays, readReferenceTables } from "../../src/extract";
import { RuleExtractor } from "../../src/transform/offline/rule-extractor";
import { runCli } from "./run-cli";
import { mib, seconds, type TargetRow } from "./targets";

/** The targets of issue 12 that need no LLM: start-up, the offline run, the transform, scale, kernel, guides. */
export const OFFLINE_TARGETS = {
  startWallMs: 2_500,
  startRssKiB: 400 * 1024,
  transformMs: 100,
  scaleWallMs: 30_000,
  scaleRssKiB: 600 * 1024,
  kernelImportS: 1.5,
  guideTestS: 12,
  guideFullS: 20,
} as const;

const OFFLINE_ENV = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, LLM_PROVIDER: "offline", ...extra };
  for (const k of ["OPENAI_API_KEY", "PGHOST", "PGDATABASE", "PGUSER", "PGPORT", "PGPASSWORD"]) delete env[k];
  if (!extra.DATABASE_URL) delete env.DATABASE_URL;
  return env;
};

/**
 * `npm start` on the 729 plays into a new PGlite folder: wall time and peak RSS of the whole process.
 * A clone whose migrated-database snapshot is not made yet (a fresh clone, or a new migration) makes it
 * in its first run (initdb and every migration, once): that run is made first and not counted.
 */
export async function startTargets(root: string): Promise<TargetRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "wb-bench-pglite-"));
  try {
    if (!existsSync(snapshotFile({ migrationsDir: projectMigrationsDir(), schema: "public" }))) {
      console.log("  (first making the migrated-database snapshot: one npm start -- --rows 1, not measured)");
      await runCli(root, ["--rows", "1"], OFFLINE_ENV({ PGLITE_DIR: path.join(dir, "warm") }));
    }
    const run = await runCli(root, [], OFFLINE_ENV({ PGLITE_DIR: path.join(dir, "db") }));
    if (run.code !== 0) throw new Error(`npm start failed (exit ${run.code}): ${run.stderr.slice(0, 500)}`);
    return [
      { what: "npm start offline, 729 rows: wall", measured: seconds(run.wallMs), target: `≤ ${seconds(OFFLINE_TARGETS.startWallMs)}`, ok: run.wallMs <= OFFLINE_TARGETS.startWallMs },
      { what: "npm start offline, 729 rows: peak RSS", measured: mib(run.maxRssKiB), target: `≤ ${mib(OFFLINE_TARGETS.startRssKiB)}`, ok: run.maxRssKiB <= OFFLINE_TARGETS.startRssKiB },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The offline transform over the 729 plays, in this process (second of two runs, so the JIT is warm). */
export function transformTarget(dataDir: string): TargetRow {
  const plays = readPlays(path.join(dataDir, "playbyplay.csv")).plays;
  const references = readReferenceTables(dataDir);
  // The best of five passes after a warm-up: the extractor's own cost, not a busy neighbour's or the JIT's.
  let ms = Infinity;
  for (let i = 0; i < 6; i++) {
    const started = performance.now();
    new RuleExtractor({ references }).extract(plays);
    if (i > 0) ms = Math.min(ms, performance.now() - started);
  }
  return { what: `offline transform, ${plays.length} rows (best of 5)`, measured: `${Math.round(ms)} ms`, target: `≤ ${OFFLINE_TARGETS.transformMs} ms`, ok: ms <= OFFLINE_TARGETS.transformMs };
}

/** A CSV of `rows` paragraphs: the game's, repeated, each copy told apart by a closing sentence (distinct hashes). */
export function writeBigInput(dataDir: string, rows: number, file: string): void {
  const texts = readPlays(path.join(dataDir, "playbyplay.csv")).plays.map((p) => p.playbyplay);
  const lines = ["playbyplay"];
  for (let i = 0; i < rows; i++) {
    const copy = Math.floor(i / texts.length);
    const text = texts[i % texts.length]! + (copy === 0 ? "" : ` Replay ${copy}.`);
    lines.push(`"${text.replace(/"/g, '""')}"`);
  }
  writeFileSync(file, lines.join("\n") + "\n");
}

async function withServerDatabase<T>(serverUrl: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `wb_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  try {
    return await fn(serverUrl.replace(/\/[^/]*$/, `/${name}`));
  } finally {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  }
}

/**
 * Read → transform → validate → load → summary through `npm start` at 1k, 10k and 100k rows, on PGlite
 * and (when one answers) on the PostgreSQL server: rows/s shows how the cost grows.
 */
export async function scaleTargets(root: string, dataDir: string, sizes: number[], serverUrl: string | undefined): Promise<TargetRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "wb-bench-scale-"));
  const rows: TargetRow[] = [];
  try {
    for (const kind of serverUrl ? (["pglite", "postgres"] as const) : (["pglite"] as const)) {
      for (const n of sizes) {
        const input = path.join(dir, `game-${n}.csv`);
        writeBigInput(dataDir, n, input);
        const args = ["--input", input, "--rows", String(n)];
        const run = kind === "pglite"
          ? await runCli(root, args, OFFLINE_ENV({ PGLITE_DIR: path.join(dir, `db-${n}`) }))
          : await withServerDatabase(serverUrl!, (url) => runCli(root, args, OFFLINE_ENV({ DATABASE_URL: url })));
        const loaded = /Rows\s+([\d,]+) in = ([\d,]+) loaded/.exec(run.stdout);
        const label = `${kind} ${n.toLocaleString("en-US")} rows`;
        const rate = Math.round(n / (run.wallMs / 1000)).toLocaleString("en-US");
        if (run.code !== 0 || !loaded) {
          rows.push({ what: `${label}: end to end`, measured: `exit ${run.code}: ${run.stderr.trim().split("\n").pop()?.slice(0, 80) ?? ""}`, target: "exit 0", ok: false });
          continue;
        }
        const big = n >= 100_000;
        rows.push({
          what: `${label}: end to end (${rate} rows/s, ${loaded[2]} loaded)`,
          measured: seconds(run.wallMs),
          target: big ? `≤ ${seconds(OFFLINE_TARGETS.scaleWallMs)}` : "(growth)",
          ok: !big || run.wallMs <= OFFLINE_TARGETS.scaleWallMs,
        });
        if (big) rows.push({ what: `${label}: peak RSS`, measured: mib(run.maxRssKiB), target: `≤ ${mib(OFFLINE_TARGETS.scaleRssKiB)}`, ok: run.maxRssKiB <= OFFLINE_TARGETS.scaleRssKiB });
        else rows.push({ what: `${label}: peak RSS`, measured: mib(run.maxRssKiB), target: "(growth)", ok: true });
      }
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function python(): string {
  for (const candidate of ["/usr/bin/python3", "python3"]) {
    try {
      execFileSync(candidate, ["-c", "import jupyter_client"], { stdio: "ignore" });
      return candidate;
    } catch {
      // try the next one
    }
  }
  throw new Error("No python3 with jupyter_client: install Jupyter (see README) to measure the kernel.");
}

/** A fresh kernel's first `import * as wb from "./lib/index"`, and each guide executed headlessly (nbconvert + HTML). */
export function kernelAndGuideTargets(root: string): TargetRow[] {
  const jupyterPath = path.join(root, ".jupyter-local");
  execFileSync(process.execPath, [path.join(root, "scripts", "register-kernel.mjs"), "--prefix", jupyterPath], { stdio: "ignore" });
  const out = execFileSync(python(), [path.join(root, "scripts", "bench", "kernel-ready.py"), jupyterPath, path.join(root, "notebooks")], { encoding: "utf8" });
  const k = JSON.parse(out.trim().split("\n").pop()!) as { start_s: number; import_s: number; ok: boolean };
  const rows: TargetRow[] = [
    { what: "kernel: first import of the library", measured: `${k.import_s.toFixed(2)} s${k.ok ? "" : " (import failed)"}`, target: `≤ ${OFFLINE_TARGETS.kernelImportS} s`, ok: k.ok && k.import_s <= OFFLINE_TARGETS.kernelImportS },
  ];
  for (const [name, limit] of [["9_guide_test", OFFLINE_TARGETS.guideTestS], ["9_guide_full", OFFLINE_TARGETS.guideFullS]] as const) {
    const started = Date.now();
    let ok = true;
    try {
      execFileSync(process.execPath, [path.join(root, "scripts", "execute-notebooks.mjs"), name], { cwd: root, stdio: "ignore", env: OFFLINE_ENV() });
    } catch {
      ok = false;
    }
    const s = (Date.now() - started) / 1000;
    rows.push({ what: `${name} executed headlessly (+ HTML)`, measured: `${s.toFixed(1)} s${ok ? "" : " (a cell failed)"}`, target: `≤ ${limit} s`, ok: ok && s <= limit });
  }
  return rows;
}

/** The server the scale rows use: TEST_DATABASE_URL, or the local one when it answers. */
export async function benchServerUrl(): Promise<string | undefined> {
  const url = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return url;
  } catch {
    return undefined;
  }
}
