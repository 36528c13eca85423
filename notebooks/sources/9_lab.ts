// Source of notebooks/9_lab.ipynb, in jupytext's percent format (`// %%` code, `// %% [markdown]` markdown).
// The cells tagged exercise-N-todo are what scripts/check-lab.mjs swaps for src/lab/solutions/exercise-N.ts.
// `npm run typecheck` checks it (./lib links to src/ here); `npm run notebooks:build` writes the notebook from it.

// %% [markdown]
// # Chapter 9 lab — six self-checking exercises
//
// Each exercise has a short brief, a **TODO cell** for you to fill in, and a **check cell** that runs your code for
// real (an orchestrator on an in-memory PostgreSQL, a simulated model on 127.0.0.1, real files in a temporary
// folder) and measures what happened. It answers **PASSED** with the figures, or **NOT YET** with what it saw and a
// hint that names the concept to look at. Still stuck? `wb.showHint(N, 2)` shows the answer for the part of
// exercise N that failed, and only that part. A TODO cell left as it is gets its "not yet" at once.
//
// How to work:
//
// 1. Run the setup cell below once.
// 2. Read the brief, replace the `throw new Error("TODO: …")` in the TODO cell with your code, run the cell.
// 3. Run the check cell. Change, re-run the TODO cell, re-run the check, as often as you like: each check starts
//    from a fresh database.
// 4. Edited something under `src/`? Run `npm run build`, restart the kernel (*Kernel → Restart*) and run the setup
//    cell again: the notebooks import the built library (`lib/`), and an outdated build says so at the import.
//
// Everything runs offline and for free; the whole notebook takes about a minute. Reference solutions live in
// `src/lab/solutions/exercise-N.ts` — try first, then compare. CI runs this notebook twice: untouched (every check
// must say *not yet*) and with the solutions pasted in (every check must pass).

// %%
import * as wb from "./lib/index";
console.log("Lab ready: run each TODO cell, then its check.");

// %% [markdown]
// ## Exercise 1 — Complex DAG design: a multi-path conditional workflow
//
// **What.** Build a DAG with `wb.dag(name)` whose task `validate` applies a quality gate to the batch in
// `ctx.params.rows` (rows `{ play_id, pitch_velocity_mph }`): a row is bad when its velocity is missing or outside
// 40–110 mph. At most 10% bad rows → take the `load` branch; more → take **both** `quarantine_report` and
// `alert`. A final `summary` task joins the two sides.
//
// **Why it matters.** Production pipelines do not stop at the first bad batch, nor load it blindly: they branch.
// The branch not taken is *skipped* (not failed), so the join needs a trigger rule that tolerates skipped
// upstreams — Airflow's `none_failed`, here `trigger: "none_failed"`.
//
// **What the check measures.** It runs your DAG on the orchestrator (pg-boss on PGlite, in this kernel) on six
// batches of 20 rows — clean; 5% bad (with rows at exactly 40 and 110 mph, which are fine); exactly 10% bad
// ("at most 10%" passes); 3 missing velocities; 2 too slow and 1 too fast; 30% bad — and reads from the run
// ledger which tasks succeeded and which were skipped.

// %% tags=["exercise-1-todo"]
// Task names the check looks for: validate, load, quarantine_report, alert, summary.
// - validate: { branches: ["load", "quarantine_report", "alert"] }; return { branch: "load" } or
//   { branch: ["quarantine_report", "alert"] }. Rows: ctx.params.rows as wb.GateRow[].
// - load, quarantine_report, alert: { after: ["validate"] } (their bodies can be tiny: ctx.put(...)).
// - summary: after all three, with the trigger rule that lets it run when one side was skipped.
function buildDag(): wb.Dag {
  throw new Error("TODO: build the quality-gate DAG with wb.dag(...).task(...)");
}

// %%
await wb.checkExercise1(buildDag);

// %% [markdown]
// ## Exercise 2 — Advanced scheduling: a time-based and an event-driven trigger
//
// **What.** Return a plan with (a) a cron expression and an IANA time zone for *weekdays at 06:30 New York time*,
// and (b) a `watch(folder, startRun)` function that calls `startRun(file)` once for each **complete** `.csv` file
// dropped into `folder`, and returns something with `close()`.
//
// **Why it matters.** A schedule written in UTC drifts by an hour twice a year; the time zone makes the scheduler
// follow daylight saving. Event-driven runs start when data arrives, but a file appears before it is fully
// written: a run started on half a file loads half a game. Senders also drop temporary uploads (`.part`),
// hidden files, empty files and notes.
//
// **What the check measures.** The next three fire times of your schedule from Thursday 6 March 2025, computed by
// `cron-parser` (New York changes to summer time that weekend), against the expected instants; then it drops six
// files into a temporary folder — one written at once, one renamed into place from `.part`, one written slowly
// in chunks, and three that must be ignored — and records which runs started and how big each file was then.

// %% tags=["exercise-2-todo"]
// cron: five fields "minute hour day-of-month month day-of-week"; timezone: e.g. "Europe/Paris".
// watch: wb.watchInbox({ folder: ..., onFile: ..., debounceMs: ... }) waits until a .csv stops growing.
//   (In the workbook, startRun would be (file) => orch.trigger("ingest", { trigger: "event", inputPath: file }).)
function makePlan(): wb.SchedulingPlan {
  throw new Error("TODO: return { cron, timezone, watch }");
}

// %%
await wb.checkExercise2(makePlan);

// %% [markdown]
// ## Exercise 3 — Error recovery: retries that survive injected failures without duplicating data
//
// **What.** Return a plan with a retry policy (`attempts`, `delaySeconds`, `backoff`, `maxDelaySeconds`) and a
// `load(db, rows)` function that writes rows `{ play_hash, play_id, excitement }` into the table `lab_loaded`
// (`play_hash` is its primary key).
//
// **Why it matters.** Networks reset and providers return 503s: a task must retry, waiting longer each time
// (exponential backoff), with jitter so a crowd of workers does not retry in lockstep, and with a cap. But a retry
// re-runs work that may already have happened: the load must be **idempotent**, keyed by the content hash, or a
// retry duplicates data (or fails on the key forever).
//
// **What the check measures.** It runs a one-task DAG through the orchestrator with your policy; the task calls your
// `load` and the check injects faults: attempt 1 dies half-way through the load, attempt 2 right after a
// complete load. The ledger must show success on attempt 3, the declared waits must grow (and the measured gaps
// honour them), and `lab_loaded` must hold each of the 12 plays exactly once.

// %% tags=["exercise-3-todo"]
// retry: a policy like { attempts: ..., delaySeconds: ..., backoff: ..., maxDelaySeconds: ... }
//   (keep delaySeconds at 1–2 here so the check stays quick; pg-boss adds the jitter when backoff is on).
// load: one INSERT ... ON CONFLICT (play_hash) DO ... ; db.query(sql, params) takes $1, $2 parameters
//   (tip: unnest($1::text[], $2::int[], $3::int[]) inserts arrays of values in one statement).
function makeRecoveryPlan(): wb.RecoveryPlan {
  throw new Error("TODO: return { retry, load }");
}

// %%
await wb.checkExercise3(makeRecoveryPlan);

// %% [markdown]
// ## Exercise 4 — Performance: parallelism and caching, by a measured factor
//
// **What.** Return the LLM extractor options that make extraction of 40 plays fast and cheap: `batchSize` (plays per
// request), `concurrency` (requests in flight) and the response cache (`db`: the cache lives in the database).
//
// **Why it matters.** At 100–300 ms a request, one play per request, one at a time, the 729-play game takes minutes
// and 729 requests; every request also repeats the system prompt, which you pay for in tokens. A re-run of
// unchanged input should cost nothing at all.
//
// **What the check measures.** It starts the simulated OpenAI-compatible model on 127.0.0.1 (100 ms a request),
// extracts 40 plays once as the baseline (`batchSize: 1`, `concurrency: 1`, no cache) and twice with your options,
// each time with a new extractor, counting the requests the server received and the wall time. It needs ≥ 5×
// fewer requests, ≥ 3× less time, every play extracted, and **0 requests** on the second run.

// %% tags=["exercise-4-todo"]
// Return Partial<wb.LlmExtractorOptions>: { batchSize: ..., concurrency: ..., db: ... }.
// The check sets the connection (apiKey, baseURL, model) itself.
function tuneLlm(db: wb.Database): Partial<wb.LlmExtractorOptions> {
  throw new Error("TODO: choose batchSize, concurrency and the cache");
}

// %%
await wb.checkExercise4(tuneLlm);

// %% [markdown]
// ## Exercise 5 — Monitoring dashboard: pipeline health from the run ledger
//
// **What.** Write `buildDashboard(db)` returning the **p95 duration per task** (of successful executions, as
// PostgreSQL's `percentile_cont(0.95)` computes it), the **run success rate** (succeeded / finished runs, 0..1), and
// a **chart** of the p95 per task.
//
// **Why it matters.** Averages hide the slow runs that miss a deadline; p95 shows them. The success rate is the first
// number on-call looks at. Both come from the run ledger (`pipeline_runs`, `pipeline_tasks`, `task_attempts`) the
// orchestrator writes, and the health views over it (`health_task_durations`, `health_success_rate`).
//
// **What the check measures.** It seeds six runs of `ingest` through the real ledger code (one fails in `load`, one
// has a slow `extract`), calls your function, and compares your figures with those it computes from the raw
// ledger rows; then it renders your chart to SVG (vega, in Node) and looks for every task on it.

// %% tags=["exercise-5-todo"]
// wb.readTaskDurations(db) → [{ task, executions, p50_ms, p95_ms, max_ms }]
// wb.readSuccessRate(db)   → [{ dag, runs, succeeded, failed, success_rate }]   (or write the SQL yourself)
// chart: a vega-lite spec { $schema: wb.VEGA_LITE_SCHEMA, data: { values: [...] }, mark: "bar", encoding: {...} }
async function buildDashboard(db: wb.Queryable): Promise<wb.Dashboard> {
  throw new Error("TODO: return { taskP95, successRate, chart }");
}

// %%
await wb.checkExercise5(buildDashboard);

// %% [markdown]
// ## Exercise 6 — Multi-environment deploy: dev → staging → prod with a rollback
//
// **What.** Write `deploy(envs, candidate, smokeTest)`: promote the candidate release through `envs.dev`, then
// `envs.staging`, then `envs.prod` (one database each) with `wb.BlueGreenRelease` — `publish` stages the rows in a
// new table, validates them and switches the stable view `published_plays` to it in one transaction. Stop when
// validation rejects the release; after each switch run `smokeTest(name, db)` and, if it reports problems, roll that
// environment back and stop.
//
// **Why it matters.** A release proves itself in each environment before the next one sees it; blue-green switching
// means readers never see a half-loaded table, and a rollback is one view switch back to rows that are still there.
// The release log records who did what and when.
//
// **What the check measures.** Each environment starts on release 1 (24 rows). Your `deploy` runs with release 2,
// whose smoke test fails only in prod, then with an empty release 3. The check reads each release log and
// `published_plays`: dev and staging on release 2, prod rolled back to release 1's rows, promotion in order, and
// release 3 rejected in dev and never staged in staging or prod.

// %% tags=["exercise-6-todo"]
// for (const name of wb.ENVIRONMENTS) { ... }   // "dev", "staging", "prod", in order
//   const release = new wb.BlueGreenRelease(envs[name], { actor: ... });
//   const outcome = await release.publish(candidate, { reason: ... });   // { ok, version, problems }
//   await release.rollback(reason);                                      // back to the previous version
async function deploy(envs: wb.Environments, candidate: Record<string, unknown>[], smokeTest: wb.SmokeTest): Promise<void> {
  throw new Error("TODO: promote dev → staging → prod, with a rollback");
}

// %%
await wb.checkExercise6(deploy);

// %% [markdown]
// ## What next
//
// All six passing? Compare with `src/lab/solutions/`, then try the variations: add a fan-out `extract` before
// `validate` (`fanOut: (ctx) => n`), schedule the DAG for real with `wb.scheduleDag`, inject a 429 into the simulated
// model (`npm run sim:openai -- --fault rate_limit=0.2`) and watch the retry budget, add a canary (`wb.runCanary`)
// before the prod switch.
