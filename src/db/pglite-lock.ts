import { randomBytes } from "node:crypto";
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DatabaseLockedError } from "../errors";
import { sleep } from "../util/sleep";

/**
 * One writer per embedded database. PGlite is a single-process PostgreSQL: two processes on one
 * folder both write its files and corrupt it (a unique index holding duplicate keys). The first
 * process to open a folder writes `<folder>.lock` (pid, command, start time); the next one waits,
 * bounded, for it to go, or stops at once naming the holder. A lock whose process is gone (killed,
 * crashed) is taken over. The lock is released on close and when the process exits.
 */
export interface PgliteLockOptions {
  /** How long a second process waits for the holder, in ms; 0 stops at once. Default 10 000. */
  waitMs?: number;
  /** Told once when we start waiting (default: a line on stderr). */
  onWait?: (message: string) => void;
  /** Poll interval while waiting, in ms. Default 150. */
  pollMs?: number;
}

interface Holder {
  pid: number;
  host: string;
  command: string;
  since: string;
  /** Linux process start time (clock ticks since boot), to tell a reused pid from the holder. */
  startTicks?: string;
  token: string;
}

/** Locks this process holds, by lock file, with their token. */
const held = new Map<string, string>();
let exitHookInstalled = false;

export interface PgliteLock {
  readonly file: string;
  /** Remove the lock if it is still ours. Idempotent. */
  release(): void;
}

export async function acquirePgliteLock(dataDir: string, options: PgliteLockOptions = {}): Promise<PgliteLock> {
  const folder = path.resolve(dataDir);
  const file = `${folder}.lock`;
  const waitMs = options.waitMs ?? 10_000;
  const pollMs = options.pollMs ?? 150;
  const deadline = Date.now() + waitMs;
  const me: Holder = {
    pid: process.pid,
    host: os.hostname(),
    command: describeCommand(),
    since: new Date().toISOString(),
    startTicks: startTicksOf(process.pid),
    token: randomBytes(8).toString("hex"),
  };
  let announced = false;
  for (;;) {
    if (tryCreate(file, me)) break;
    const holder = readHolder(file);
    if (holder === "gone") continue;
    if (holder === "unreadable" || isStale(file, holder)) {
      takeOver(file, holder);
      continue;
    }
    const busy = `the database in ${shown(folder)} is in use by process ${holder.pid} (${holder.command}, since ${clock(holder.since)})`;
    if (Date.now() >= deadline) {
      const waited = waitMs > 0 ? `; waited ${Math.round(waitMs / 1000)} s` : "";
      throw new DatabaseLockedError(`${capitalize(busy)}${waited}. Wait for it to finish, or set DATABASE_URL for concurrent runs`, holder.pid, folder);
    }
    if (!announced) {
      announced = true;
      (options.onWait ?? ((m: string) => console.error(m)))(`Waiting up to ${Math.round(waitMs / 1000)} s: ${busy}.`);
    }
    await sleep(pollMs);
  }
  held.set(file, me.token);
  installExitHook();
  return { file, release: () => releaseLock(file, me.token) };
}

/** Create the lock with its full content in one step: write a private file, then link it (fails if the lock exists). */
function tryCreate(file: string, me: Holder): boolean {
  const tmp = `${file}.${me.pid}.${me.token}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify(me));
    linkSync(tmp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // never written (a full disk)
    }
  }
}

function readHolder(file: string): Holder | "gone" | "unreadable" {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return "gone";
    throw e;
  }
  try {
    const h = JSON.parse(text) as Holder;
    return typeof h.pid === "number" && typeof h.token === "string" ? h : "unreadable";
  } catch {
    return "unreadable"; // locks are written whole (tryCreate), so this is not one of ours
  }
}

function isStale(file: string, h: Holder): boolean {
  if (h.host !== os.hostname()) return false; // another machine's process: we cannot tell, so we wait
  if (h.pid === process.pid && h.startTicks === startTicksOf(process.pid)) return held.get(file) !== h.token;
  if (!alive(h.pid)) return true;
  const ticks = startTicksOf(h.pid);
  return h.startTicks !== undefined && ticks !== undefined && ticks !== h.startTicks; // the pid was reused
}

/**
 * Move the stale lock aside and check that what we moved is the stale one: if another process took
 * it over between our read and the rename, put its lock back (link does not overwrite).
 */
function takeOver(file: string, stale: Holder | "unreadable"): void {
  const aside = `${file}.stale.${process.pid}.${randomBytes(4).toString("hex")}`;
  try {
    renameSync(file, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    throw e;
  }
  const moved = readHolder(aside);
  const same = stale === "unreadable" ? moved === "unreadable" : typeof moved === "object" && moved.token === stale.token;
  if (!same) {
    try {
      linkSync(aside, file);
    } catch {
      // a third process already holds a fresh lock; the moved one's owner will find its lock not ours on release
    }
  }
  unlinkSync(aside);
}

function releaseLock(file: string, token: string): void {
  if (held.get(file) !== token) return;
  held.delete(file);
  const h = readHolder(file);
  if (typeof h === "object" && h.token === token) {
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // `process.exit()` skips `close()`; a SIGKILL skips both, which the next process detects (pid gone).
  process.on("exit", () => {
    for (const [file, token] of [...held]) releaseLock(file, token);
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
  return procStat(pid)?.state !== "Z"; // a killed process not yet reaped by its parent
}

function startTicksOf(pid: number): string | undefined {
  return procStat(pid)?.startTicks;
}

/** Linux only: `/proc/<pid>/stat` (the command may hold spaces and parentheses, so split after the last ")"). */
function procStat(pid: number): { state: string; startTicks: string } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0] ?? "", startTicks: fields[19] ?? "" };
  } catch {
    return undefined;
  }
}

function describeCommand(): string {
  const [, script, ...args] = process.argv;
  const name = script ? path.basename(script) : "node";
  const line = name === "main.ts" || name === "main.js" ? `npm start${args.length ? ` -- ${args.join(" ")}` : ""}` : [name, ...args].join(" ");
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

function shown(folder: string): string {
  const rel = path.relative(process.cwd(), folder);
  return rel && !rel.startsWith("..") ? rel : folder;
}

function clock(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(11, 19) + " UTC";
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
