import { mkdtempSync, renameSync, rmSync, statSync, writeFileSync, appendFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CronExpressionParser } from "cron-parser";
import { fromError, reportCheck, verdicts, within, type CheckResult } from "./check-result";

/** What exercise 2 asks for: a cron schedule and a folder watcher that starts runs. */
export interface SchedulingPlan {
  /** Five-field cron expression. */
  cron: string;
  /** IANA time zone the expression is read in. */
  timezone: string;
  /** Watch `folder`; call `startRun(file)` once per complete `.csv` dropped there. Returns something to close. */
  watch(folder: string, startRun: (file: string) => void): { close(): void };
}

// From Thursday 6 March 2025, noon UTC: Friday is still on EST (UTC−5); New York moves to EDT
// (UTC−4) on Sunday 9 March, so Monday's 06:30 is an hour earlier in UTC. Worked out by hand.
const FROM = new Date("2025-03-06T12:00:00Z");
const EXPECTED = ["2025-03-07T11:30:00.000Z", "2025-03-10T10:30:00.000Z", "2025-03-11T10:30:00.000Z"];

const CRON_HINT = "minute hour day-of-month month day-of-week: weekdays at 06:30 is \"30 6 * * 1-5\", read in timezone \"America/New_York\" so it follows daylight saving time.";
const WATCH_HINT = "wb.watchInbox({ folder, onFile: startRun, debounceMs }) hands over only complete .csv files; a debounce of 300–500 ms outlasts the check's slow writer (a chunk every 150 ms).";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The next three fire times of the learner's schedule, as cron-parser reads it. */
function nextFires(cron: string, timezone: string): string[] {
  const it = CronExpressionParser.parse(cron, { tz: timezone, currentDate: FROM });
  return it.take(3).map((d) => d.toDate().toISOString());
}

/** Drop files the way real senders do, and return the complete CSVs that should start a run. */
async function dropFiles(folder: string): Promise<Map<string, number>> {
  const full = new Map<string, number>();
  const csv = (rows: number) => ["playbyplay", ...Array.from({ length: rows }, (_, i) => `"Pitch ${i + 1}: a fastball, strike one."`)].join("\n") + "\n";
  // 1. A file written at once.
  writeFileSync(path.join(folder, "monday.csv"), csv(5));
  // 2. An upload written under a temporary name, then renamed into place.
  writeFileSync(path.join(folder, "tuesday.csv.part"), csv(8));
  // 3. Files that must never start a run.
  writeFileSync(path.join(folder, "notes.txt"), "not data\n");
  writeFileSync(path.join(folder, ".hidden.csv"), csv(2));
  writeFileSync(path.join(folder, "empty.csv"), "");
  await sleep(100);
  renameSync(path.join(folder, "tuesday.csv.part"), path.join(folder, "tuesday.csv"));
  // 4. A slow writer: a chunk every 150 ms; a run must not start on a half-written file.
  const slow = path.join(folder, "wednesday.csv");
  const text = csv(30);
  const chunks = 6;
  const size = Math.ceil(text.length / chunks);
  for (let i = 0; i < chunks; i++) {
    appendFileSync(slow, text.slice(i * size, (i + 1) * size));
    await sleep(150);
  }
  for (const name of ["monday.csv", "tuesday.csv", "wednesday.csv"]) full.set(name, statSync(path.join(folder, name)).size);
  return full;
}

/**
 * Exercise 2 (advanced scheduling): the cron schedule's next three fire times, computed by
 * cron-parser across a daylight-saving change, must match the expected instants; the watcher
 * must start exactly one run per complete CSV dropped in a temporary folder, never for a
 * partial, hidden, empty or non-CSV file.
 */
export async function evaluateExercise2(makePlan: () => SchedulingPlan): Promise<CheckResult> {
  const v = verdicts(2);
  let plan: SchedulingPlan;
  try {
    plan = makePlan();
  } catch (e) {
    return fromError(2, e, `${CRON_HINT} ${WATCH_HINT}`);
  }
  let fires: string[];
  try {
    fires = nextFires(plan.cron, plan.timezone);
  } catch (e) {
    return fromError(2, e, CRON_HINT);
  }
  if (fires.join() !== EXPECTED.join()) {
    return v.notYet(`from ${FROM.toISOString()} your schedule fires at ${fires.join(", ")}; weekdays at 06:30 New York time are ${EXPECTED.join(", ")}.`, CRON_HINT);
  }

  const folder = mkdtempSync(path.join(os.tmpdir(), "lab-inbox-"));
  const started: { name: string; size: number }[] = [];
  let watcher: { close(): void } | undefined;
  try {
    watcher = plan.watch(folder, (file) => {
      let size = -1;
      try {
        size = statSync(file).size;
      } catch {
        // gone: recorded as size -1
      }
      started.push({ name: path.basename(file), size });
    });
    const full = await within(20_000, "dropping the files", dropFiles(folder));
    await sleep(1500); // quiet time for the watcher to decide about the last file
    const names = started.map((s) => s.name).sort();
    const early = started.filter((s) => full.has(s.name) && s.size !== full.get(s.name));
    if (early.length > 0) {
      return v.notYet(`a run started on ${early.map((s) => `${s.name} at ${s.size} of ${full.get(s.name)} bytes`).join(", ")}: the file was still being written.`, WATCH_HINT);
    }
    const want = [...full.keys()].sort();
    if (names.join() !== want.join()) {
      return v.notYet(`runs started for [${names.join(", ")}]; expected exactly one each for [${want.join(", ")}] (not for notes.txt, .hidden.csv, empty.csv or the .part upload).`, WATCH_HINT);
    }
    return v.pass(`the schedule fires at ${fires.join(", ")} (EST, then EDT after the clocks change), and the watcher started one run for each of ${want.join(", ")} with the whole file there.`);
  } catch (e) {
    return fromError(2, e, WATCH_HINT);
  } finally {
    try {
      watcher?.close();
    } catch {
      // a watcher that cannot close is the learner's to fix; the temp folder still goes
    }
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Run the exercise 2 check and show the verdict. */
export async function checkExercise2(makePlan: () => SchedulingPlan): Promise<void> {
  reportCheck(await evaluateExercise2(makePlan));
}
