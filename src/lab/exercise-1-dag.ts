import { Dag } from "../orchestrate/dag";
import { listTasks } from "../orchestrate/ledger";
import { Orchestrator } from "../orchestrate/orchestrator";
import { fromError, reportCheck, verdicts, within, type CheckResult } from "./check-result";
import { openLabDatabase } from "./lab-database";

/** One row of the batch the check passes in `ctx.params.rows`. */
export interface GateRow {
  play_id: number;
  pitch_velocity_mph: number | null;
}

/** The tasks the exercise asks for, by name. */
export const EXERCISE_1_TASKS = ["validate", "load", "quarantine_report", "alert", "summary"] as const;

const HINT = "validate reads ctx.params.rows, counts rows whose pitch_velocity_mph is missing or outside 40–110, and returns { branch: \"load\" } when at most 10% are bad, else { branch: [\"quarantine_report\", \"alert\"] }; summary comes after load, quarantine_report and alert with trigger: \"none_failed\".";

const batch = (n: number, bad: number[]): GateRow[] =>
  Array.from({ length: n }, (_, i) => ({
    play_id: i + 1,
    pitch_velocity_mph: bad.includes(i) ? (i % 2 === 0 ? null : 140 + i) : 86 + (i % 13),
  }));

/** The three batches: clean, one bad row in 20 (5%, passes), six in 20 (30%, fails). */
const CASES = [
  { label: "a clean batch", rows: batch(20, []), gate: "pass" },
  { label: "a batch with 1 bad row in 20 (5%)", rows: batch(20, [7]), gate: "pass" },
  { label: "a batch with 6 bad rows in 20 (30%)", rows: batch(20, [1, 4, 8, 11, 15, 18]), gate: "fail" },
] as const;

const EXPECTED = {
  pass: { validate: "success", load: "success", quarantine_report: "skipped", alert: "skipped", summary: "success" },
  fail: { validate: "success", load: "skipped", quarantine_report: "success", alert: "success", summary: "success" },
} as const;

/**
 * Exercise 1 (complex DAG design): build the learner's DAG, run it on the orchestrator over an
 * in-memory PGlite with three batches, and compare which tasks ran and which were skipped, as
 * the run ledger recorded them, with what the quality gate should have chosen.
 */
export async function evaluateExercise1(buildDag: () => Dag): Promise<CheckResult> {
  const v = verdicts(1);
  let d: Dag;
  try {
    d = buildDag();
  } catch (e) {
    return fromError(1, e, HINT);
  }
  if (!(d instanceof Dag)) return v.notYet("buildDag() did not return a DAG.", "return the result of wb.dag(\"…\").task(…)….");
  const names = d.tasks.map((t) => t.name);
  const missing = EXERCISE_1_TASKS.filter((n) => !names.includes(n));
  if (missing.length > 0) return v.notYet(`the DAG has no task named ${missing.join(", ")}.`, HINT);

  const db = await openLabDatabase();
  let orch: Orchestrator | undefined;
  try {
    orch = await Orchestrator.start({ db, dags: [d] });
    await orch.work();
    const seen: string[] = [];
    for (const c of CASES) {
      const { run } = await orch.trigger(d.name, { params: { rows: c.rows } });
      const done = await within(30_000, `the run on ${c.label}`, orch.waitForRun(run.run_id, 30_000));
      if (done.state !== "success") return v.notYet(`the run on ${c.label} failed: ${done.error}.`, HINT);
      const states: Record<string, string> = {};
      for (const t of await listTasks(db, run.run_id)) states[t.task] = t.state;
      const expected = EXPECTED[c.gate];
      const wrong = Object.entries(expected).filter(([task, state]) => (states[task] ?? "never started") !== state);
      if (wrong.length > 0) {
        const got = wrong.map(([task, state]) => `${task} ${states[task] ?? "never started"} (expected ${state})`).join(", ");
        const why = wrong.some(([task]) => task === "summary")
          ? "a join after a branch needs trigger: \"none_failed\", or it is skipped with the branch not taken."
          : c.gate === "fail"
            ? "when more than 10% of rows are bad, validate must return { branch: [\"quarantine_report\", \"alert\"] } (both)."
            : "when at most 10% of rows are bad (a null or a speed outside 40–110 mph is bad), validate must return { branch: \"load\" }.";
        return v.notYet(`on ${c.label} the ledger shows ${got}.`, why);
      }
      seen.push(`${c.label} → ${c.gate === "pass" ? "load" : "quarantine_report + alert"}`);
    }
    return v.pass(`three runs on the orchestrator took the right path each time (${seen.join("; ")}), and summary ran after either side.`);
  } catch (e) {
    return fromError(1, e, HINT);
  } finally {
    await orch?.stop().catch(() => undefined);
    await db.close().catch(() => undefined);
  }
}

/** Run the exercise 1 check and show the verdict. */
export async function checkExercise1(buildDag: () => Dag): Promise<void> {
  reportCheck(await evaluateExercise1(buildDag));
}
