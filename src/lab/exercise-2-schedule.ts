import { mkdtempSync, renameSync, rmSync, statSync, writeFileSync, appendFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CronExpressionParser } from "cron-parser";
import { fromError, reportCheck, untouched, verdicts, within, type CheckResult, type Hint } from "./check-result";
import { sleep } from "../util/sleep";

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

const WATCH_ANSWER = "watch: (folder, startRun) => wb.watchInbox({ folder, onFile: startRun, debounceMs: 400 })   // a debounce longer than the slow writer's 150 ms pauses";

/** Graded hints, one per part of the exercise. */
export const EXERCISE_2_HINTS = {
  plan: {
    part: "the plan",
    nudge: "makePlan returns one object with three fields: cron, timezone and watch.",
    answer: "return { cron: \"…\", timezone: \"…\", watch: (folder, startRun) => … };",
  },
  cron: {
    part: "the cron expression",
    nudge: "cron's five fields are minute, hour, day of month, month and day of week; weekdays are a range in the last one.",
    answer: "cron: \"30 6 * * 1-5\"",
  },
  timezone: {
    part: "the time zone",
    nudge: "daylight saving time: a schedule read in UTC (or a fixed offset) fires an hour off after the clocks change; name the city's IANA zone.",
    answer: "timezone: \"America/New_York\"",
  },
  partial: {
    part: "files still being written",
    nudge: "a file appears before it is complete: wait until it stops growing (a debounce) before starting a run.",
    answer: WATCH_ANSWER,
  },
  which: {
    part: "which files start a run",
    nudge: "only complete .csv files start runs: not .part uploads, hidden files, empty files or other extensions, and each file once.",
    answer: WATCH_ANSWER,
  },
} satisfies Record<string, Hint>;


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
  const stub = untouched(2, makePlan);
  if (stub) return stub;
  let plan: SchedulingPlan;
  try {
    plan = makePlan();
  } catch (e) {
    return fromError(2, e, EXERCISE_2_HINTS.plan);
  }
  let fires: string[];
  try {
    fires = nextFires(plan.cron, plan.timezone);
  } catch (e) {
    return fromError(2, e, /time ?zone|tz/i.test(String(e)) ? EXERCISE_2_HINTS.timezone : EXERCISE_2_HINTS.cron);
  }
  if (fires.join() !== EXPECTED.join()) {
    // Right fields read in the wrong zone, or wrong fields: the hint is about the part that is wrong.
    let fieldsRight = false;
    try {
      fieldsRight = nextFires(plan.cron, "America/New_York").join() === EXPECTED.join();
    } catch {
      // an expression that does not parse is the cron part's problem
    }
    return v.notYet(`from ${FROM.toISOString()} your schedule fires at ${fires.join(", ")}; weekdays at 06:30 New York time are ${EXPECTED.join(", ")}.`, fieldsRight ? EXERCISE_2_HINTS.timezone : EXERCISE_2_HINTS.cron);
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
      return v.notYet(`a run started on ${early.map((s) => `${s.name} at ${s.size} of ${full.get(s.name)} bytes`).join(", ")}: the file was still being written.`, EXERCISE_2_HINTS.partial);
    }
    const want = [...full.keys()].sort();
    if (names.join() !== want.join()) {
      return v.notYet(`runs started for [${names.join(", ")}]; expected exactly one each for [${want.join(", ")}] (not for notes.txt, .hidden.csv, empty.csv or the .part upload).`, EXERCISE_2_HINTS.which);
    }
    return v.pass(`the schedule fires at ${fires.join(", ")} (EST, then EDT after the clocks change), and the watcher started one run for each of ${want.join(", ")} with the whole file there.`);
  } catch (e) {
    return fromError(2, e, EXERCISE_2_HINTS.which);
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
