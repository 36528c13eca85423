import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The programs the tests start as child processes (the CLI, the worker fixture, the full-disk
 * fixture), each bundled once per `vitest run` by `global-setup.ts` from the same sources, into one
 * ES module that plain `node` runs. Through tsx every child paid ~0.5 s of CPU to load its ~160
 * TypeScript files one by one; a bundle loads in ~0.05 s. The code is the same: esbuild is also
 * what tsx compiles each file with; packages stay in node_modules (external), as under tsx.
 *
 * A bundle is used only while none of its sources is newer than it (a file edited during a watch
 * run): otherwise the child runs the sources through tsx, as before.
 */
export const BUNDLED_PROGRAMS = {
  cli: "src/cli/main.ts",
  worker: "test/orchestrate/fixtures/worker-main.ts",
  walFull: "test/faults/db-wal-full-main.ts",
} as const;

export type BundledProgram = keyof typeof BUNDLED_PROGRAMS;

export interface TestBundles {
  /** Folder of this run's bundles (under node_modules/.cache, so their packages resolve from the project). */
  dir: string;
  files: Record<BundledProgram, string>;
}

/** Bundle every program into a fresh folder of its own (several runs at once never share one). */
export async function buildTestBundles(root: string): Promise<TestBundles> {
  const { build } = await import("esbuild");
  const parent = path.join(root, "node_modules", ".cache", "workbook", "test-bundles");
  removeOrphans(parent);
  const dir = path.join(parent, `${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  // ES modules named .js (a package.json says so), each named after its entry (src/cli/main.ts → cli/main.js),
  // as the programs see their own name: the PGlite lock calls its holder "npm start" by it.
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module" }) + "\n");
  const files = {} as Record<BundledProgram, string>;
  await Promise.all(
    (Object.entries(BUNDLED_PROGRAMS) as [BundledProgram, string][]).map(async ([name, entry]) => {
      const outfile = path.join(dir, name, path.basename(entry).replace(/\.ts$/, ".js"));
      const { metafile } = await build({
        absWorkingDir: root, entryPoints: [entry], outfile, bundle: true, platform: "node", format: "esm", target: "node22",
        packages: "external", metafile: true, logLevel: "warning",
      });
      writeFileSync(`${outfile}.inputs.json`, JSON.stringify(Object.keys(metafile.inputs)) + "\n");
      files[name] = outfile;
    }),
  );
  return { dir, files };
}

/** Bundles of runs whose process is gone (a run stopped by a signal never reaches its teardown). */
function removeOrphans(parent: string): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return; // none yet
  }
  for (const name of names) {
    const pid = Number(/^(\d+)-/.exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0); // still running (or another user's): keep
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ESRCH") rmSync(path.join(parent, name), { recursive: true, force: true });
    }
  }
}

export function removeTestBundles(bundles: TestBundles): void {
  rmSync(bundles.dir, { recursive: true, force: true });
}

/**
 * The node arguments that run `program`: its bundle while it is current, else its sources through
 * tsx loaded in this same process (never the tsx CLI, which would run the program in a child that a
 * signal to the spawned process does not reach).
 */
export function programArgs(root: string, program: BundledProgram, bundle: string | undefined): string[] {
  if (bundle && isCurrent(root, bundle)) return [bundle];
  return ["--import", "tsx", BUNDLED_PROGRAMS[program]];
}

function isCurrent(root: string, bundle: string): boolean {
  try {
    const builtAt = statSync(bundle).mtimeMs;
    const inputs = JSON.parse(readFileSync(`${bundle}.inputs.json`, "utf8")) as string[];
    return inputs.every((f) => statSync(path.join(root, f)).mtimeMs <= builtAt);
  } catch {
    return false; // removed, or a source moved: run the sources
  }
}

