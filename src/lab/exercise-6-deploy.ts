import type { Database, Queryable } from "../db/database";
import { BlueGreenRelease } from "../release/blue-green";
import { readReleaseLog, type ReleaseLogEntry } from "../release/release-log";
import { fromError, reportCheck, untouched, verdicts, type CheckResult, type Hint } from "./check-result";
import { openLabDatabase } from "./lab-database";

export const ENVIRONMENTS = ["dev", "staging", "prod"] as const;
export type EnvName = (typeof ENVIRONMENTS)[number];

/** One database per environment, as in production (here three in-memory PGlites). */
export type Environments = Record<EnvName, Database>;

/** Checks a live environment after a switch; returns problems (empty when healthy). */
export type SmokeTest = (env: EnvName, db: Queryable) => Promise<string[]>;

/** What exercise 6 asks for: promote `candidate` dev → staging → prod, rolling back where the smoke test fails. */
export type Deploy = (envs: Environments, candidate: Record<string, unknown>[], smokeTest: SmokeTest) => Promise<void>;

/** Graded hints, one per part of the exercise. */
export const EXERCISE_6_HINTS = {
  promotion: {
    part: "the promotion",
    nudge: "promotion in order: each environment publishes (stage, validate, switch) and passes its smoke test before the next one starts.",
    answer: [
      "for (const name of wb.ENVIRONMENTS) {",
      "  const release = new wb.BlueGreenRelease(envs[name], { actor: `lab@${name}` });",
      "  const outcome = await release.publish(candidate, { reason: `promote to ${name}` });",
      "  …   // stop on a rejection; smoke-test; roll back and stop on problems",
      "}",
    ].join("\n"),
  },
  rollback: {
    part: "the rollback",
    nudge: "a failed smoke test means that environment goes back to what was live before, and the promotion stops there.",
    answer: [
      "const problems = await smokeTest(name, envs[name]);",
      "if (problems.length > 0) {",
      "  await release.rollback(problems.join(\"; \"));",
      "  return;",
      "}",
    ].join("\n"),
  },
  rejection: {
    part: "a rejected release",
    nudge: "a release that fails validation is an outcome, not an error: publish says so, and nothing goes further.",
    answer: "if (!outcome.ok) return;   // publish returned { ok: false, problems }: staging and prod never see it",
  },
} satisfies Record<string, Hint>;

/** `n` publishable plays of a release (the template's NOT NULL columns and a few more). */
export function releaseRows(n: number, release: string): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({
    play_hash: (i + 1).toString(16).padStart(16, "0"),
    play_id: i + 1,
    playbyplay: `Pitch ${i + 1} (${release})`,
    line: i + 2,
    pitch_velocity_mph: 88 + (i % 9),
    key_moment: i % 6 === 0,
    excitement: 1 + (i % 10),
    run_id: release,
  }));
}

const entries = (log: ReleaseLogEntry[]) => [...log].reverse().map((e) => `${e.action} ${e.from_version ?? "-"}→${e.to_version ?? "-"}`);
const live = (db: Database) => new BlueGreenRelease(db).live();

/**
 * Exercise 6 (multi-environment deploy): three environments each serve release 1. The learner's
 * `deploy` runs twice: with a good release 2 whose smoke test fails only in prod, then with a
 * an empty release 3 (its upstream run loaded nothing). Passes when the release logs and the stable
 * views show dev and staging on release 2, prod rolled back to release 1's rows, the environments
 * promoted in order, and release 3 rejected in dev and never staged further.
 */
export async function evaluateExercise6(deploy: Deploy): Promise<CheckResult> {
  const v = verdicts(6);
  const stub = untouched(6, deploy);
  if (stub) return stub;
  const opened: Database[] = [];
  try {
    const settled = await Promise.allSettled(ENVIRONMENTS.map(() => openLabDatabase()));
    for (const s of settled) if (s.status === "fulfilled") opened.push(s.value);
    const failedOpen = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
    if (failedOpen) throw failedOpen.reason;
    const envs: Environments = { dev: opened[0]!, staging: opened[1]!, prod: opened[2]! };
    const v1 = releaseRows(24, "release-1");
    for (const name of ENVIRONMENTS) await new BlueGreenRelease(envs[name], { actor: "lab-seed" }).publish(v1, { runId: "release-1" });

    const smoked: EnvName[] = [];
    const smokeTest: SmokeTest = async (env, db) => {
      smoked.push(env);
      const [r] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM published_plays WHERE run_id = 'release-2'`);
      // Prod's dashboards read a column the new release changed: only prod notices.
      return env === "prod" && r!.n > 0 ? ["prod dashboards: excitement scale changed on 30 live rows"] : [];
    };
    try {
      await deploy(envs, releaseRows(30, "release-2"), smokeTest);
    } catch (e) {
      return fromError(6, e, EXERCISE_6_HINTS.promotion);
    }
    const logs = {} as Record<EnvName, ReleaseLogEntry[]>;
    for (const name of ENVIRONMENTS) logs[name] = await readReleaseLog(envs[name], { target: "published_plays" });
    const lives = [await live(envs.dev), await live(envs.staging), await live(envs.prod)];
    if (lives.join() !== "2,2,1") {
      // Dev and staging right, prod left on 2: the rollback is what is missing.
      const hint = lives[0] === 2 && lives[1] === 2 && lives[2] === 2 ? EXERCISE_6_HINTS.rollback : EXERCISE_6_HINTS.promotion;
      return v.notYet(`live versions after the deploy: dev ${lives[0]}, staging ${lives[1]}, prod ${lives[2]} (prod log: ${entries(logs.prod).join(", ")}); expected 2, 2 and 1 (prod rolled back).`, hint);
    }
    if (smoked.join() !== "dev,staging,prod") return v.notYet(`the smoke test ran for [${smoked.join(", ")}]; it should run after each switch, dev, staging, prod.`, EXERCISE_6_HINTS.promotion);
    const prodSteps = entries(logs.prod).slice(-4).join(", ");
    if (prodSteps !== "stage -→2, validate -→2, switch 1→2, rollback 2→1") return v.notYet(`prod's release log ends ${prodSteps}.`, EXERCISE_6_HINTS.rollback);
    const at = (env: EnvName, action: string) => logs[env].find((e) => e.action === action && e.to_version === "2")?.at.getTime() ?? NaN;
    if (!(at("dev", "switch") <= at("staging", "stage") && at("staging", "switch") <= at("prod", "stage"))) {
      return v.notYet("the environments were not promoted in order: staging must start after dev is live, prod after staging.", EXERCISE_6_HINTS.promotion);
    }
    const prodRows = await envs.prod.query<{ n: number; runs: string }>(`SELECT count(*)::int AS n, string_agg(DISTINCT run_id, ',') AS runs FROM published_plays`);
    if (prodRows[0]!.n !== v1.length || prodRows[0]!.runs !== "release-1") {
      return v.notYet(`prod's published_plays holds ${prodRows[0]!.n} rows of ${prodRows[0]!.runs}; the rollback should restore release 1's ${v1.length} rows.`, EXERCISE_6_HINTS.rollback);
    }

    const before = { staging: logs.staging.length, prod: logs.prod.length };
    smoked.length = 0;
    try {
      await deploy(envs, releaseRows(0, "release-3"), smokeTest);
    } catch (e) {
      return fromError(6, e, EXERCISE_6_HINTS.rejection);
    }
    const devLog = entries(await readReleaseLog(envs.dev, { target: "published_plays" })).slice(-2).join(", ");
    const later = {
      staging: (await readReleaseLog(envs.staging, { target: "published_plays" })).length - before.staging,
      prod: (await readReleaseLog(envs.prod, { target: "published_plays" })).length - before.prod,
    };
    if (devLog !== "stage -→3, reject -→3" || later.staging > 0 || later.prod > 0 || (await live(envs.dev)) !== 2) {
      return v.notYet(`with an empty release, dev's log ends ${devLog}, staging got ${later.staging} and prod ${later.prod} new entries.`, EXERCISE_6_HINTS.rejection);
    }
    return v.pass(
      "release 2 went live in dev, then staging, then prod, where the smoke test failed and the rollback put release 1's 24 rows back behind published_plays; an empty release 3 was rejected by validation in dev and never reached staging or prod.",
    );
  } catch (e) {
    return fromError(6, e, EXERCISE_6_HINTS.promotion);
  } finally {
    for (const db of opened) await db.close().catch(() => undefined);
  }
}

/** Run the exercise 6 check and show the verdict. */
export async function checkExercise6(deploy: Deploy): Promise<void> {
  reportCheck(await evaluateExercise6(deploy));
}
