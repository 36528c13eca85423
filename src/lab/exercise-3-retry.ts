import { createHash } from "node:crypto";
import type { Queryable } from "../db/database";
import { dag } from "../orchestrate/dag";
import { listTasks } from "../orchestrate/ledger";
import { Orchestrator } from "../orchestrate/orchestrator";
import type { RetryPolicy } from "../orchestrate/retry-policy";
import { fromError, reportCheck, untouched, verdicts, within, type CheckResult, type Hint } from "./check-result";
import { openLabDatabase } from "./lab-database";

/** A row the exercise 3 load writes into `lab_loaded`. */
export interface LabPlay {
  play_hash: string;
  play_id: number;
  excitement: number;
}

/** What exercise 3 asks for: a retry policy, and a load that may safely run more than once. */
export interface RecoveryPlan {
  retry: Partial<RetryPolicy>;
  load(db: Queryable, rows: LabPlay[]): Promise<void>;
}

/** Graded hints, one per part of the exercise. */
export const EXERCISE_3_HINTS = {
  plan: {
    part: "the plan",
    nudge: "makeRecoveryPlan returns one object: a retry policy and a load function.",
    answer: "return { retry: { … }, load: async (db, rows) => { … } };",
  },
  cap: {
    part: "the cap",
    nudge: "exponential backoff doubles each wait: without a cap on a single wait, a long outage waits for hours.",
    answer: "retry: { …, maxDelaySeconds: 8 }",
  },
  attempts: {
    part: "the number of attempts",
    nudge: "the task fails twice before it can succeed: count the attempts that takes.",
    answer: "retry: { attempts: 3, … }   // or more",
  },
  backoff: {
    part: "the backoff",
    nudge: "exponential backoff: each wait longer than the one before (with jitter, so workers do not retry in lockstep).",
    answer: "retry: { attempts: 3, delaySeconds: 1, backoff: true, maxDelaySeconds: 8 }   // pg-boss adds the jitter",
  },
  idempotent: {
    part: "the idempotent load",
    nudge: "idempotence: a retry re-runs a load that may already have committed, so the write must be keyed on play_hash.",
    answer: [
      "load: async (db, rows) => {",
      "  await db.query(",
      "    `INSERT INTO lab_loaded (play_hash, play_id, excitement)",
      "       SELECT * FROM unnest($1::text[], $2::int[], $3::int[])",
      "     ON CONFLICT (play_hash) DO UPDATE SET play_id = excluded.play_id, excitement = excluded.excitement`,",
      "    [rows.map((r) => r.play_hash), rows.map((r) => r.play_id), rows.map((r) => r.excitement)]);",
      "}",
    ].join("\n"),
  },
} satisfies Record<string, Hint>;

export const LAB_PLAYS: LabPlay[] = Array.from({ length: 12 }, (_, i) => ({
  play_hash: createHash("sha256").update(`lab play ${i + 1}`).digest("hex").slice(0, 16),
  play_id: i + 1,
  excitement: 1 + ((i * 7) % 10),
}));

/**
 * Exercise 3 (error recovery): run a one-task DAG whose task loads with the learner's `load`
 * and hits injected faults (attempt 1 dies half-way through the load, attempt 2 after it), with
 * the learner's retry policy. Passes when the ledger shows success on attempt 3, the declared
 * waits grew and were honoured, and `lab_loaded` holds each play exactly once.
 */
export async function evaluateExercise3(makePlan: () => RecoveryPlan): Promise<CheckResult> {
  const v = verdicts(3);
  const stub = untouched(3, makePlan);
  if (stub) return stub;
  let plan: RecoveryPlan;
  try {
    plan = makePlan();
  } catch (e) {
    return fromError(3, e, EXERCISE_3_HINTS.plan);
  }
  if (!plan || typeof plan.load !== "function" || typeof plan.retry !== "object") return v.notYet("the plan needs a `retry` object and a `load` function.", EXERCISE_3_HINTS.plan);
  if (plan.retry.maxDelaySeconds === undefined) return v.notYet("the retry policy has no cap on a single wait.", EXERCISE_3_HINTS.cap);

  const db = await openLabDatabase();
  let orch: Orchestrator | undefined;
  const loads: number[] = [];
  const delays: number[] = [];
  try {
    await db.exec(`CREATE TABLE lab_loaded (play_hash text PRIMARY KEY, play_id integer NOT NULL, excitement integer NOT NULL)`);
    const d = dag("lab_recovery").task(
      "load",
      async (ctx) => {
        loads.push(ctx.attempt);
        if (ctx.attempt === 1) {
          await plan.load(ctx.db, LAB_PLAYS.slice(0, 6));
          throw new Error("connection reset by peer (injected, half-way through the load)");
        }
        await plan.load(ctx.db, LAB_PLAYS);
        if (ctx.attempt === 2) throw new Error("503 Service Unavailable (injected, after the load committed)");
      },
      { retry: plan.retry },
    );
    orch = await Orchestrator.start({ db, dags: [d] });
    orch.events.on("task:retry", (e) => delays.push(e.delayMs));
    await orch.work();
    const { run } = await orch.trigger(d.name);
    const done = await within(45_000, "the run", orch.waitForRun(run.run_id, 45_000));
    const attempts = await db.query<{ attempt: number; state: string; started_at: Date }>(
      `SELECT attempt, state, started_at FROM task_attempts WHERE run_id = $1 AND task = 'load' ORDER BY attempt`,
      [run.run_id],
    );
    if (done.state !== "success") {
      return v.notYet(`the run failed after ${attempts.length} attempt(s): ${done.error}.`, attempts.length < 3 ? EXERCISE_3_HINTS.attempts : EXERCISE_3_HINTS.idempotent);
    }
    const task = (await listTasks(db, run.run_id)).find((t) => t.task === "load");
    const states = attempts.map((a) => a.state).join(", ");
    if (task?.attempts !== 3 || states !== "failed, failed, success") return v.notYet(`the ledger shows attempts ${states}.`, EXERCISE_3_HINTS.idempotent);
    if (!(delays.length === 2 && delays[1]! > delays[0]!)) {
      return v.notYet(`the waits before the retries were ${delays.join(" ms, ")} ms: they did not grow.`, EXERCISE_3_HINTS.backoff);
    }
    const gaps = attempts.slice(1).map((a, i) => a.started_at.getTime() - attempts[i]!.started_at.getTime());
    const short = gaps.findIndex((g, i) => g < delays[i]! - 100);
    if (short >= 0) return v.notYet(`retry ${short + 1} started ${gaps[short]} ms after the attempt before, sooner than its ${delays[short]} ms wait.`, EXERCISE_3_HINTS.backoff);
    const [stats] = await db.query<{ n: number; hashes: number; wrong: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT play_hash)::int AS hashes,
              (count(*) FILTER (WHERE (play_hash, play_id, excitement) NOT IN (SELECT * FROM unnest($1::text[], $2::int[], $3::int[]))))::int AS wrong
         FROM lab_loaded`,
      [LAB_PLAYS.map((p) => p.play_hash), LAB_PLAYS.map((p) => p.play_id), LAB_PLAYS.map((p) => p.excitement)],
    );
    if (stats!.n !== LAB_PLAYS.length || stats!.hashes !== LAB_PLAYS.length || stats!.wrong > 0) {
      return v.notYet(`after ${loads.length} loads lab_loaded holds ${stats!.n} rows (${stats!.hashes} distinct play_hash, ${stats!.wrong} not matching the input); expected ${LAB_PLAYS.length}, once each.`, EXERCISE_3_HINTS.idempotent);
    }
    return v.pass(
      `the task failed twice (half-way through a load, then after one) and succeeded on attempt 3; the waits grew (${delays.join(" ms → ")} ms, measured gaps ${gaps.map((g) => `${(g / 1000).toFixed(1)} s`).join(", ")}), and after ${loads.length} loads lab_loaded holds each of the ${LAB_PLAYS.length} plays exactly once.`,
    );
  } catch (e) {
    return fromError(3, e, EXERCISE_3_HINTS.idempotent);
  } finally {
    await orch?.stop().catch(() => undefined);
    await db.close().catch(() => undefined);
  }
}

/** Run the exercise 3 check and show the verdict. */
export async function checkExercise3(makePlan: () => RecoveryPlan): Promise<void> {
  reportCheck(await evaluateExercise3(makePlan));
}
