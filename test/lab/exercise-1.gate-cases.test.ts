import { describe, expect, it } from "vitest";
import { evaluateExercise1, type GateRow } from "../../src/lab";
import * as wb from "../../src/index";

/** The reference DAG with the gate's rule and comparison swapped for a learner's. */
function dagWith(isBad: (v: number | null) => boolean, passes: (share: number) => boolean, failBranch = ["quarantine_report", "alert"]): () => wb.Dag {
  return () =>
    wb
      .dag("lab_quality_gate")
      .task("validate", async (ctx) => {
        const rows = ctx.params.rows as GateRow[];
        const bad = rows.filter((r) => isBad(r.pitch_velocity_mph)).length;
        return passes(bad / rows.length) ? { branch: "load" } : { branch: failBranch };
      }, { branches: ["load", "quarantine_report", "alert"] })
      .task("load", async (ctx) => ctx.put("loaded", true), { after: ["validate"] })
      .task("quarantine_report", async (ctx) => ctx.put("report", true), { after: ["validate"] })
      .task("alert", async (ctx) => ctx.put("alerted", true), { after: ["validate"] })
      .task("summary", async (ctx) => ctx.put("done", true), { after: ["load", "quarantine_report", "alert"], trigger: "none_failed" });
}

const right = (v: number | null) => v === null || v < 40 || v > 110;
const atMost10 = (share: number) => share <= 0.1;

describe("exercise 1's batches separate the wrong quality gates from the right one", () => {
  it("'at most 10%' written as < 0.1 fails on the exact-threshold batch, with the threshold's hint", async () => {
    const r = await evaluateExercise1(dagWith(right, (share) => share < 0.1));
    expect(r.passed).toBe(false);
    expect(r.message).toContain("on a batch with 2 bad rows in 20 (exactly 10%) the ledger shows load skipped (expected success)");
    expect(r.part).toBe("the threshold");
    expect(r.answer).toContain("<= 0.1");
    expect(r.hint).not.toContain("<= 0.1");
  }, 60_000);

  it("a rule that counts a missing velocity as good fails on the missing-velocity batch, with the bad-row rule's hint", async () => {
    const r = await evaluateExercise1(dagWith((v) => v !== null && (v < 40 || v > 110), atMost10));
    expect(r.passed).toBe(false);
    expect(r.message).toContain("on a batch with 3 missing velocities in 20 (15%) the ledger shows load success (expected skipped)");
    expect(r).toMatchObject({ part: "the bad-row rule" });
    expect(r.answer).toContain("=== null");
  }, 60_000);

  it("a rule that checks only one side of 40–110 mph fails on the batch with rows too slow and too fast", async () => {
    for (const oneSided of [(v: number | null) => v === null || v > 110, (v: number | null) => v === null || v < 40]) {
      const r = await evaluateExercise1(dagWith(oneSided, atMost10));
      expect(r.passed).toBe(false);
      expect(r.message).toContain("on a batch with 2 too slow and 1 too fast in 20 (15%)");
      expect(r.part).toBe("the bad-row rule");
    }
  }, 90_000);

  it("a rule that counts exactly 40 or 110 mph as bad fails on the batch that has them", async () => {
    const r = await evaluateExercise1(dagWith((v) => v === null || v <= 40 || v >= 110, atMost10));
    expect(r.passed).toBe(false);
    expect(r.message).toContain("two at exactly 40 and 110 mph");
    expect(r.part).toBe("the bad-row rule");
  }, 60_000);

  it("taking only one of the two failing-branch tasks gets the failing branch's hint", async () => {
    const r = await evaluateExercise1(dagWith(right, atMost10, ["alert"]));
    expect(r.passed).toBe(false);
    expect(r.part).toBe("the failing branch");
  }, 60_000);

  it("the right gate passes all six batches", async () => {
    const r = await evaluateExercise1(dagWith(right, atMost10));
    expect(r.message).toMatch(/^6 runs on the orchestrator took the right path each time/);
    expect(r.passed).toBe(true);
  }, 90_000);
});
