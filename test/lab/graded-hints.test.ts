import { describe, expect, it } from "vitest";
import { OptionsError } from "../../src/errors";
import {
  evaluateExercise1, evaluateExercise2, evaluateExercise3, evaluateExercise4, evaluateExercise5, evaluateExercise6,
  formatCheck, reportCheck, showHint, type CheckResult, type Hint,
} from "../../src/lab";
import { todoStub } from "../../src/lab/check-result";
import { EXERCISE_1_HINTS } from "../../src/lab/exercise-1-dag";
import { EXERCISE_2_HINTS } from "../../src/lab/exercise-2-schedule";
import { EXERCISE_3_HINTS } from "../../src/lab/exercise-3-retry";
import { EXERCISE_4_HINTS } from "../../src/lab/exercise-4-performance";
import { EXERCISE_5_HINTS } from "../../src/lab/exercise-5-dashboard";
import { EXERCISE_6_HINTS } from "../../src/lab/exercise-6-deploy";
import { makePlan } from "../../src/lab/solutions/exercise-2";
import * as wb from "../../src/index";

/** Capture what reportCheck/showHint print outside a kernel. */
function printed(work: () => unknown): string {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void lines.push(args.join(" "));
  try {
    work();
  } finally {
    console.log = log;
  }
  return lines.join("\n");
}

describe("graded hints: a nudge first, the answer for the failed part only on request", () => {
  it("every part's nudge names the concept without containing its answer", () => {
    const all: [string, Hint][] = [EXERCISE_1_HINTS, EXERCISE_2_HINTS, EXERCISE_3_HINTS, EXERCISE_4_HINTS, EXERCISE_5_HINTS, EXERCISE_6_HINTS]
      .flatMap((hints, i) => Object.entries(hints).map(([k, h]) => [`exercise ${i + 1} ${k}`, h] as [string, Hint]));
    expect(all.length).toBeGreaterThanOrEqual(25);
    for (const [name, h] of all) {
      expect(h.nudge.length, name).toBeGreaterThan(30);
      expect(h.answer.length, name).toBeGreaterThan(10);
      // No line of code from the answer appears in the nudge.
      for (const line of h.answer.split("\n").map((l) => l.split("//")[0]!.trim()).filter((l) => l.length > 12)) {
        expect(h.nudge, `${name}: nudge gives away "${line}"`).not.toContain(line);
      }
    }
  });

  it("the verdict shows the nudge and says how to get more; showHint(2, 2) shows only the failed part's answer", async () => {
    const utc = await evaluateExercise2(() => ({ ...makePlan(), timezone: "UTC" }));
    expect(utc).toMatchObject({ passed: false, part: "the time zone" });
    const verdict = printed(() => reportCheck(utc));
    expect(verdict).toContain(`Hint: ${EXERCISE_2_HINTS.timezone.nudge}`);
    expect(verdict).toContain("wb.showHint(2, 2)");
    expect(verdict).not.toContain("America/New_York");

    expect(showHint(2)).toContain(EXERCISE_2_HINTS.timezone.nudge);
    const answer = showHint(2, 2);
    expect(answer).toContain('timezone: "America/New_York"');
    expect(answer).not.toContain("30 6 * * 1-5"); // the cron part was right: its answer is not shown
    expect(answer).not.toContain("watchInbox");
  }, 30_000);

  it("wrong cron fields get the cron part's hint, not the time zone's", async () => {
    const r = await evaluateExercise2(() => ({ ...makePlan(), cron: "30 6 * * *" }));
    expect(r).toMatchObject({ passed: false, part: "the cron expression", answer: 'cron: "30 6 * * 1-5"' });
  }, 30_000);

  it("showHint before a check, after a pass, and with a bad level", () => {
    expect(showHint(4)).toBe("Run the check of exercise 4 first: the hint is about what it found.");
    printed(() => reportCheck({ exercise: 5, passed: true, message: "all good" }));
    expect(showHint(5, 2)).toContain("Exercise 5 passed: nothing to hint");
    expect(() => showHint(5, 3 as 2)).toThrow(OptionsError);
    expect(() => showHint(5, 3 as 2)).toThrow(/`level`/);
    expect(() => showHint(9)).toThrow(/`exercise`/);
  });

  it("exercise 6 without the rollback: prod stays on the bad release and the hint is about the rollback", async () => {
    const noRollback: wb.Deploy = async (envs, candidate, smokeTest) => {
      for (const name of wb.ENVIRONMENTS) {
        const outcome = await new wb.BlueGreenRelease(envs[name]).publish(candidate);
        if (!outcome.ok) return;
        await smokeTest(name, envs[name]);
      }
    };
    const r = await evaluateExercise6(noRollback);
    expect(r.message).toContain("dev 2, staging 2, prod 2");
    expect(r).toMatchObject({ passed: false, part: "the rollback" });
    expect(r.answer).toContain("release.rollback(");
  }, 60_000);
});

describe("the verdict's words are the main cue", () => {
  const notYet: CheckResult = { exercise: 3, passed: false, message: "the waits did not grow.", hint: "exponential backoff…", part: "the backoff", answer: "backoff: true" };

  it("says PASSED / NOT YET in words, with no emoji (many machines have no emoji font)", () => {
    const pass = formatCheck({ exercise: 1, passed: true, message: "6 runs took the right path." });
    expect(pass).toBe("PASSED · Exercise 1 passed: 6 runs took the right path.");
    const line = formatCheck(notYet);
    expect(line).toMatch(/^NOT YET · Exercise 3 not yet: the waits did not grow\. Hint: exponential backoff… \(The answer for the backoff: wb\.showHint\(3, 2\)\.\)$/);
    expect(line).not.toContain("backoff: true");
    for (const text of [pass, line]) expect(text).not.toMatch(/[\u2705\u274C\u{1F300}-\u{1FAFF}]/u);
  });
});

describe("an untouched TODO cell is answered at once", () => {
  /** The TODO cells' stubs, as the notebook has them. */
  const stubs = {
    1: function buildDag(): wb.Dag { throw new Error("TODO: build the quality-gate DAG with wb.dag(...).task(...)"); },
    2: function makePlan(): wb.SchedulingPlan { throw new Error("TODO: return { cron, timezone, watch }"); },
    3: function makeRecoveryPlan(): wb.RecoveryPlan { throw new Error("TODO: return { retry, load }"); },
    4: function tuneLlm(_db: wb.Database): Partial<wb.LlmExtractorOptions> { throw new Error("TODO: choose batchSize, concurrency and the cache"); },
    5: async function buildDashboard(_db: wb.Queryable): Promise<wb.Dashboard> { throw new Error("TODO: return { taskP95, successRate, chart }"); },
    6: async function deploy(_e: wb.Environments, _c: Record<string, unknown>[], _s: wb.SmokeTest): Promise<void> { throw new Error("TODO: promote dev → staging → prod, with a rollback"); },
  };

  it("every check says 'not yet: the TODO cell still throws' without starting databases, servers or runs (well under a second)", async () => {
    const started = Date.now();
    const results = await Promise.all([
      evaluateExercise1(stubs[1]), evaluateExercise2(stubs[2]), evaluateExercise3(stubs[3]),
      evaluateExercise4(stubs[4]), evaluateExercise5(stubs[5]), evaluateExercise6(stubs[6]),
    ]);
    const ms = Date.now() - started;
    expect(ms).toBeLessThan(1000);
    results.forEach((r, i) => {
      expect(r).toMatchObject({ exercise: i + 1, passed: false, part: "the TODO cell" });
      expect(r.message).toMatch(/^the TODO cell still throws \(TODO: .+\)\.$/);
    });
    expect(results[5]!.message).toBe("the TODO cell still throws (TODO: promote dev → staging → prod, with a rollback).");
  });

  it("recognises only a body that starts with the TODO throw", () => {
    expect(todoStub(stubs[5])).toBe("TODO: return { taskP95, successRate, chart }");
    expect(todoStub(() => { throw new Error(`TODO: tune`); })).toBe("TODO: tune");
    // Code before the throw, a commented-out throw, or another error: real code, run it.
    expect(todoStub(() => { const x = 1; if (x) throw new Error("TODO: later"); })).toBeUndefined();
    // eslint-disable-next-line no-constant-condition
    expect(todoStub(() => { /* throw new Error("TODO: x") */ return 1; })).toBeUndefined();
    expect(todoStub(() => { throw new Error("not a TODO"); })).toBeUndefined();
    expect(todoStub("function () { throw new Error('TODO') }")).toBeUndefined();
  });
});
