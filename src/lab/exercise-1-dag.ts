import { Dag } from "../orchestrate/dag";
import { listTasks } from "../orchestrate/ledger";
import { Orchestrator } from "../orchestrate/orchestrator";
import { fromError, reportCheck, untouched, verdicts, within, type CheckResult, type Hint } from "./check-result";
import { openLabDatabase } from "./lab-database";

/** One row of the batch the check passes in `ctx.params.rows`. */
export interface GateRow {
  play_id: number;
  pitch_velocity_mph: number | null;
}

/** The tasks the exercise asks for, by name. */
export const EXERCISE_1_TASKS = ["validate", "load", "quarantine_report", "alert", "summary"] as const;

const BAD_RULE = "const bad = rows.filter((r) => r.pitch_velocity_mph === null || r.pitch_velocity_mph < 40 || r.pitch_velocity_mph > 110);";
const THRESHOLD = "return bad.length / rows.length <= 0.1 ? { branch: \"load\" } : { branch: [\"quarantine_report\", \"alert\"] };";

/** Graded hints, one per part of the exercise. */
export const EXERCISE_1_HINTS = {
  shape: {
    part: "the DAG's tasks",
    nudge: "a DAG is one chain of wb.dag(name).task(name, fn, options) calls, one per task, returned from buildDag.",
    answer: [
      "return wb.dag(\"lab_quality_gate\")",
      "  .task(\"validate\", async (ctx) => { … }, { branches: [\"load\", \"quarantine_report\", \"alert\"] })",
      "  .task(\"load\", async (ctx) => { … }, { after: [\"validate\"] })",
      "  .task(\"quarantine_report\", async (ctx) => { … }, { after: [\"validate\"] })",
      "  .task(\"alert\", async (ctx) => { … }, { after: [\"validate\"] })",
      "  .task(\"summary\", async (ctx) => { … }, { after: [\"load\", \"quarantine_report\", \"alert\"], trigger: … });",
    ].join("\n"),
  },
  rule: {
    part: "the bad-row rule",
    nudge: "which rows are bad? A missing velocity (null) is bad, and so is one outside 40–110 mph.",
    answer: `In validate, with const rows = ctx.params.rows as wb.GateRow[]:\n${BAD_RULE}`,
  },
  threshold: {
    part: "the threshold",
    nudge: "\"at most 10%\" includes exactly 10%: look at the comparison that picks the branch.",
    answer: THRESHOLD,
  },
  gate: {
    part: "the quality gate",
    nudge: "the gate counts the bad rows of ctx.params.rows and takes the load branch when their share is at most 10%.",
    answer: `${BAD_RULE}\n${THRESHOLD}`,
  },
  failBranch: {
    part: "the failing branch",
    nudge: "a branch can name several tasks: past the threshold, both quarantine_report and alert must run.",
    answer: "return { branch: [\"quarantine_report\", \"alert\"] };   // and declare { branches: [\"load\", \"quarantine_report\", \"alert\"] } on validate",
  },
  join: {
    part: "the join rule",
    nudge: "the branch not taken is skipped, not failed: the join after it needs a trigger rule that tolerates skipped upstreams.",
    answer: ".task(\"summary\", async (ctx) => ctx.put(\"done\", true), { after: [\"load\", \"quarantine_report\", \"alert\"], trigger: \"none_failed\" })",
  },
  run: {
    part: "a task that throws",
    nudge: "a task that throws fails the run: read the error, then the task it names.",
    answer: "Each task body must finish without throwing; validate must return { branch: … } naming tasks declared in its branches option.",
  },
} satisfies Record<string, Hint>;

/** A batch of `n` rows at 86–98 mph, except the rows listed in `speeds` (index → velocity). */
const batch = (n: number, speeds: Record<number, number | null>): GateRow[] =>
  Array.from({ length: n }, (_, i) => ({ play_id: i + 1, pitch_velocity_mph: i in speeds ? speeds[i]! : 86 + (i % 13) }));

/**
 * The batches, each chosen to catch one wrong gate: rows at exactly 40 and 110 mph are good;
 * exactly 10% bad passes ("at most 10%"); missing velocities are bad; too slow and too fast are
 * both bad (each side alone is within 10% here, together they are not); past 10%, both
 * quarantine_report and alert run.
 */
const CASES = [
  { label: "a clean batch", rows: batch(20, {}), gate: "pass", hint: EXERCISE_1_HINTS.gate },
  { label: "a batch with 1 bad row in 20 (5%) and two at exactly 40 and 110 mph", rows: batch(20, { 3: 40, 7: 147, 14: 110 }), gate: "pass", hint: EXERCISE_1_HINTS.rule },
  { label: "a batch with 2 bad rows in 20 (exactly 10%)", rows: batch(20, { 3: 35, 12: 140 }), gate: "pass", hint: EXERCISE_1_HINTS.threshold },
  { label: "a batch with 3 missing velocities in 20 (15%)", rows: batch(20, { 2: null, 9: null, 16: null }), gate: "fail", hint: EXERCISE_1_HINTS.rule },
  { label: "a batch with 2 too slow and 1 too fast in 20 (15%)", rows: batch(20, { 5: 38, 10: 30, 17: 111 }), gate: "fail", hint: EXERCISE_1_HINTS.rule },
  { label: "a batch with 6 bad rows in 20 (30%)", rows: batch(20, { 1: 141, 4: null, 8: null, 11: 30, 15: 152, 18: null }), gate: "fail", hint: EXERCISE_1_HINTS.failBranch },
] as const;

const EXPECTED = {
  pass: { validate: "success", load: "success", quarantine_report: "skipped", alert: "skipped", summary: "success" },
  fail: { validate: "success", load: "skipped", quarantine_report: "success", alert: "success", summary: "success" },
} as const;

/**
 * Exercise 1 (complex DAG design): build the learner's DAG, run it on the orchestrator over an
 * in-memory PGlite with five batches (see CASES), and compare which tasks ran and which were skipped, as
 * the run ledger recorded them, with what the quality gate should have chosen.
 */
export async function evaluateExercise1(buildDag: () => Dag): Promise<CheckResult> {
  const v = verdicts(1);
  const stub = untouched(1, buildDag);
  if (stub) return stub;
  let d: Dag;
  try {
    d = buildDag();
  } catch (e) {
    return fromError(1, e, EXERCISE_1_HINTS.shape);
  }
  if (!(d instanceof Dag)) return v.notYet("buildDag() did not return a DAG.", EXERCISE_1_HINTS.shape);
  const names = d.tasks.map((t) => t.name);
  const missing = EXERCISE_1_TASKS.filter((n) => !names.includes(n));
  if (missing.length > 0) return v.notYet(`the DAG has no task named ${missing.join(", ")}.`, EXERCISE_1_HINTS.shape);

  const db = await openLabDatabase();
  let orch: Orchestrator | undefined;
  try {
    orch = await Orchestrator.start({ db, dags: [d] });
    await orch.work();
    const seen: string[] = [];
    for (const c of CASES) {
      const { run } = await orch.trigger(d.name, { params: { rows: c.rows } });
      const done = await within(30_000, `the run on ${c.label}`, orch.waitForRun(run.run_id, 30_000));
      if (done.state !== "success") return v.notYet(`the run on ${c.label} failed: ${done.error}.`, EXERCISE_1_HINTS.run);
      const states: Record<string, string> = {};
      for (const t of await listTasks(db, run.run_id)) states[t.task] = t.state;
      const expected = EXPECTED[c.gate];
      const wrong = Object.entries(expected).filter(([task, state]) => (states[task] ?? "never started") !== state);
      if (wrong.length > 0) {
        const got = wrong.map(([task, state]) => `${task} ${states[task] ?? "never started"} (expected ${state})`).join(", ");
        // The branch is wrong: this batch's hint. The branch is right but summary is not: the join.
        const branchRight = wrong.every(([task]) => task === "summary");
        const tookBoth = c.gate === "fail" && (states.quarantine_report === "success") !== (states.alert === "success");
        const hint = branchRight ? EXERCISE_1_HINTS.join : tookBoth ? EXERCISE_1_HINTS.failBranch : c.hint;
        return v.notYet(`on ${c.label} the ledger shows ${got}.`, hint);
      }
      seen.push(`${c.label} → ${c.gate === "pass" ? "load" : "quarantine_report + alert"}`);
    }
    return v.pass(`${CASES.length} runs on the orchestrator took the right path each time (${seen.join("; ")}), and summary ran after either side.`);
  } catch (e) {
    return fromError(1, e, EXERCISE_1_HINTS.run);
  } finally {
    await orch?.stop().catch(() => undefined);
    await db.close().catch(() => undefined);
  }
}

/** Run the exercise 1 check and show the verdict. */
export async function checkExercise1(buildDag: () => Dag): Promise<void> {
  reportCheck(await evaluateExercise1(buildDag));
}
