import { describe, expect, it } from "vitest";
import {
  evaluateExercise1, evaluateExercise2, evaluateExercise3, evaluateExercise4, evaluateExercise5, evaluateExercise6, type CheckResult,
} from "../../src/lab";
import { buildDag } from "../../src/lab/solutions/exercise-1";
import { makePlan } from "../../src/lab/solutions/exercise-2";
import { makeRecoveryPlan } from "../../src/lab/solutions/exercise-3";
import { tuneLlm } from "../../src/lab/solutions/exercise-4";
import { buildDashboard } from "../../src/lab/solutions/exercise-5";
import { deploy } from "../../src/lab/solutions/exercise-6";

/** What the notebook's untouched TODO cells do. */
const todo = (what: string) => (): never => {
  throw new Error(`TODO: ${what}`);
};

const expectNotYet = (r: CheckResult, exercise: number) => {
  expect(r).toMatchObject({ exercise, passed: false });
  expect(r.message).toContain("TODO");
  expect(r.hint?.length).toBeGreaterThan(20);
};

describe("lab checks pass with the reference solutions and say 'not yet' to the TODO stubs", () => {
  it("exercise 1: the quality-gate DAG takes the right branch on the orchestrator", async () => {
    const r = await evaluateExercise1(buildDag);
    expect(r.message).toContain("6 runs");
    expect(r.passed).toBe(true);
    expectNotYet(await evaluateExercise1(todo("build the DAG")), 1);
  }, 60_000);

  it("exercise 1: a join without trigger none_failed is caught by the ledger, with the fix as hint", async () => {
    const withoutJoinRule = () => {
      const d = buildDag();
      (d.tasks.find((t) => t.name === "summary") as { trigger: string }).trigger = "all_success";
      return d;
    };
    const r = await evaluateExercise1(withoutJoinRule);
    expect(r.passed).toBe(false);
    expect(r.message).toContain("summary skipped");
    expect(r).toMatchObject({ part: "the join rule", hint: expect.stringContaining("trigger rule") });
    expect(r.hint).not.toContain("none_failed");
    expect(r.answer).toContain('trigger: "none_failed"');
  }, 60_000);

  it("exercise 2: cron across the DST change and a watcher that waits for complete CSVs", async () => {
    const r = await evaluateExercise2(makePlan);
    expect(r.message).toContain("2025-03-10T10:30:00.000Z");
    expect(r.passed).toBe(true);
    expectNotYet(await evaluateExercise2(todo("schedule")), 2);
    const utc = await evaluateExercise2(() => ({ ...makePlan(), timezone: "UTC" }));
    expect(utc).toMatchObject({ passed: false });
    expect(utc.message).toContain("2025-03-07T06:30:00.000Z");
    expect(utc).toMatchObject({ part: "the time zone", answer: 'timezone: "America/New_York"' });
  }, 30_000);

  it("exercise 3: retries survive injected faults without duplicating rows", async () => {
    const r = await evaluateExercise3(makeRecoveryPlan);
    expect(r.message).toContain("succeeded on attempt 3");
    expect(r.passed).toBe(true);
    expectNotYet(await evaluateExercise3(todo("retry")), 3);
  }, 60_000);

  it("exercise 4: batching, concurrency and the database cache against the simulated model", async () => {
    const r = await evaluateExercise4(tuneLlm);
    expect(r.message).toMatch(/second run 0 requests/);
    expect(r.passed).toBe(true);
    expectNotYet(await evaluateExercise4(todo("tune")), 4);
  }, 90_000);

  it("exercise 5: dashboard figures match the ledger and the chart renders", async () => {
    const r = await evaluateExercise5(buildDashboard);
    expect(r.message).toContain("83.3%");
    expect(r.passed).toBe(true);
    expectNotYet(await evaluateExercise5(todo("dashboard")), 5);
    const medians = await evaluateExercise5(async (db) => {
      const d = await buildDashboard(db);
      const p50 = await db.query<{ task: string; p50_ms: number }>("SELECT task, p50_ms FROM health_task_durations");
      return { ...d, taskP95: p50.map((r) => ({ task: r.task, p95_ms: r.p50_ms })) };
    });
    expect(medians.passed).toBe(false);
    expect(medians.hint).toContain("percentile_cont");
  }, 60_000);

  it("exercise 6: dev → staging → prod with a rollback in prod and a rejection in dev", async () => {
    const r = await evaluateExercise6(deploy);
    expect(r.message).toContain("rollback");
    expect(r.passed).toBe(true);
    expectNotYet(await evaluateExercise6(todo("deploy")), 6);
  }, 60_000);
});
