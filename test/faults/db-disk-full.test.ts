import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/config";
import { openDatabase } from "../../src/db/database";
import { PGLITE_MIN_FREE_BYTES } from "../../src/db/database-errors";
import { snapshotPlays, type PlaysSnapshot } from "../../src/load/plays-snapshot";
import { programCommand } from "../support/cli";
import { spawnCli, type CliProcess } from "./db-spawn-cli";

// Issue 9.5: PGLITE_DIR pointing at a file gave `{"name":"ErrnoError","errno":54}`; a full disk
// gave `errno 51` at start-up. The disk is a real one: a 128 MB tmpfs mounted for this file.
type Exit = Awaited<CliProcess["exited"]>;
const root = findProjectRoot();

function oneErrorLine(r: Exit): string {
  expect(r.out).not.toMatch(/\n\s+at /); // no stack trace
  expect(r.out).not.toContain("ErrnoError");
  const lines = r.out.split("\n").filter((l) => l.startsWith("Error: "));
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

async function snapshot(dir: string): Promise<PlaysSnapshot & { runs: string[] }> {
  const db = await openDatabase({ kind: "pglite", pgliteDir: dir, lockWaitMs: 0 });
  try {
    const runs = await db.query<{ state: string }>("SELECT state FROM pipeline_runs ORDER BY started_at");
    return { ...(await snapshotPlays(db)), runs: runs.map((r) => r.state) };
  } finally {
    await db.close();
  }
}

describe("PGLITE_DIR that is a file", () => {
  it("stops with a message naming the path and saying it is a file, not a folder", async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "wb-file-")), "not-a-folder");
    writeFileSync(file, "x");
    const r = await spawnCli(["--rows", "5"], { PGLITE_DIR: file }).exited;
    expect(r.code).toBe(1);
    expect(oneErrorLine(r)).toBe(`Error: PGLITE_DIR ${file} is a file, not a folder: point PGLITE_DIR at a folder (PGlite creates it), or move the file away`);
    rmSync(path.dirname(file), { recursive: true, force: true });
  }, 60_000);
});

// Mounting needs root (CAP_SYS_ADMIN); elsewhere these tests are skipped, and say why.
const mountPoint = mkdtempSync(path.join(os.tmpdir(), "wb-disk-"));
let mountError = "";
try {
  execFileSync("mount", ["-t", "tmpfs", "-o", "size=128m", "tmpfs", mountPoint], { stdio: "pipe" });
} catch (e) {
  mountError = `cannot mount a tmpfs here (${String((e as { stderr?: Buffer }).stderr ?? e).trim() || "not root"})`;
}
if (mountError) rmSync(mountPoint, { recursive: true, force: true });
const freeBytes = () => {
  const s = statfsSync(mountPoint);
  return s.bavail * s.bsize;
};
/** Fill the disk, leaving `leave` bytes free. */
function fill(leave: number): string {
  const filler = path.join(mountPoint, `filler-${Date.now()}`);
  writeFileSync(filler, Buffer.alloc(Math.max(0, freeBytes() - leave)));
  return filler;
}

describe.skipIf(mountError !== "")(`a full disk under PGlite${mountError ? ` (skipped: ${mountError})` : ""}`, () => {
  let clean: PlaysSnapshot;
  beforeAll(async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "wb-clean-")), "pglite");
    const r = await spawnCli([], { PGLITE_DIR: dir }).exited;
    expect(r.code, r.out).toBe(0);
    const db = await openDatabase({ kind: "pglite", pgliteDir: dir });
    clean = await snapshotPlays(db);
    await db.close();
    expect(clean.rows).toBe(729);
    rmSync(path.dirname(dir), { recursive: true, force: true });
  }, 180_000);
  afterAll(() => {
    try {
      execFileSync("umount", [mountPoint]);
    } catch {
      // not mounted
    }
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it("at start-up: one clear error naming the folder and 'disk full'; once space is freed the next run starts", async () => {
    const dir = path.join(mountPoint, "startup");
    const filler = fill(0);
    const r = await spawnCli(["--rows", "5"], { PGLITE_DIR: dir }).exited;
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(30_000);
    expect(oneErrorLine(r)).toMatch(new RegExp(`^Error: The disk holding the PGlite database ${dir} is full \\(disk full: .+\\)\\. Free some space, then re-run`));
    rmSync(filler);
    const again = await spawnCli(["--rows", "5"], { PGLITE_DIR: dir }).exited;
    expect(again.code, again.out).toBe(0);
    expect((await snapshot(dir)).rows).toBe(5);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it("mid-load: ends within seconds with one clear error, the batch rolled back; after freeing space a re-run reaches the clean checksum", async () => {
    const dir = path.join(mountPoint, "midload");
    const first = await spawnCli(["--rows", "5"], { PGLITE_DIR: dir }).exited;
    expect(first.code, first.out).toBe(0);
    // Enough to start and run, not to load 729 plays: writes stop while PGlite's next log segment still fits.
    const filler = fill(PGLITE_MIN_FREE_BYTES.transaction + 300 * 1024);
    const r = await spawnCli([], { PGLITE_DIR: dir }).exited;
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(60_000);
    const line = oneErrorLine(r);
    expect(line).toMatch(new RegExp(`The disk holding the PGlite database ${dir} is full \\(disk full: .+\\)\\. Free some space, then re-run`));
    rmSync(filler);
    const during = await snapshot(dir);
    console.info(`disk full mid-load: exit ${r.code} after ${(r.ms / 1000).toFixed(1)} s; ${line}; runs ${JSON.stringify(during.runs)}`);
    const committed = Number(/; (\d+) row\(s\) of earlier batches stay committed/.exec(line)?.[1] ?? "0");
    expect(during.rows).toBe(Math.max(5, committed));
    expect(during.runs).toEqual(["success", "failed"]); // the ledger still recorded the failure
    const again = await spawnCli([], { PGLITE_DIR: dir }).exited;
    expect(again.code, again.out).toBe(0);
    const after = await snapshot(dir);
    expect({ rows: after.rows, checksum: after.checksum }).toEqual(clean);
    expect(after.runs.at(-1)).toBe("success");
    rmSync(dir, { recursive: true, force: true });
  }, 240_000);

  it("the write-ahead log outgrowing the disk: a clear error before PGlite's endless spin, and the database stays readable", async () => {
    const dir = path.join(mountPoint, "wal");
    // One process (its bundle, or tsx as a loader, never tsx's CLI, which runs a child): a hang is killed for sure.
    const child = spawn(path.join(root, "node_modules/.bin/node"), [...programCommand("walFull"), dir], {
      cwd: root, stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    const code = await new Promise<number | null>((r) => child.on("close", r));
    clearTimeout(timer);
    expect(code, `hung or failed (killed after 60 s):\n${out}`).toBe(0);
    const result = JSON.parse(out.trim().split("\n").at(-1)!) as { first: string; next: string; nextMs: number };
    expect(result.first).toMatch(new RegExp(`^DatabaseDiskFullError: The disk holding the PGlite database ${dir} is full \\(disk full: `));
    // Stopped while the log still fitted: PGlite is unharmed, reads go on, nothing was lost.
    expect(result.next).toBe('ok [{"n":3000}]');
    expect(result.nextMs).toBeLessThan(1000);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
