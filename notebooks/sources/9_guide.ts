// Source of notebooks/9_guide_test.ipynb (ROWS = 10) and notebooks/9_guide_full.ipynb (ROWS = 0: all plays),
// in jupytext's percent format: `// %%` starts a code cell, `// %% [markdown]` a markdown cell.
// `npm run typecheck` checks it (./lib links to src/ here); `npm run notebooks:build` writes both notebooks from it (scripts/notebooks/).
// Placeholders such as {{title}} in markdown, and the ROWS line, are filled in per notebook by scripts/notebooks/notebooks.ts.

// %% [markdown]
// # {{title}}
//
// Chapter 9, TypeScript edition: **advanced data-pipeline orchestration with AI**. This notebook runs a real
// pipeline over {{plays}} of a fictional World Series Game 7 and shows what it did at every step:
//
// 1. load the play-by-play and give each play canonical IDs (9.1)
// 2. extract structured pitch data from each commentary paragraph with an LLM, or the offline extractor (9.2)
// 3. map names and pitch types to canonical reference IDs (9.3–9.6)
// 4. score key moments and excitement (9.7–9.8)
// 5. validate every row and quarantine what fails, with reasons
// 6. load into PostgreSQL and run the analyses (9.9–9.11)
// 7. orchestrate it all as a DAG with retries, resumes, schedules and events; monitor it; promote it through environments
//
// Every code cell is short and calls the tested library in `src/` (`lib/` beside the notebook is its build).
// Edited `src/`? Run `npm run build` (the notebooks import the built library in `lib/`), then restart the kernel
// (*Kernel → Restart*); a kernel that runs an older build than `src/` says so at the import.

// %% [markdown]
// ## Setup
//
// With no keys, everything runs offline and for free: the **offline provider** (a deterministic rule-based
// extractor) stands in for the LLM and **PGlite** (PostgreSQL compiled to WebAssembly, kept in `.data/`) stands
// in for a server. Set `OPENAI_API_KEY` in `.env` to call OpenAI for real, and `DATABASE_URL` (or `PG*`) to load
// into your PostgreSQL server. The table below says what this kernel will use. Keys are never shown, only
// whether they are *configured*.

// %%
import * as wb from "./lib/index";

const ROWS: number = 10; // 0 = every row (the full guide sets 0)
// With no server configured, the guide uses an in-memory PGlite: every run starts clean (the CLI keeps its database in .data/).
const config = wb.loadConfig({ overrides: { PGLITE_DIR: "memory://", ROW_LIMIT: String(ROWS) } });
wb.showSetup(config);

// %% [markdown]
// ## 9.1 Load the play-by-play and give every play its canonical IDs
//
// The input is a CSV with one text column, `playbyplay`: one commentary paragraph per row. Before any AI touches
// it, each row gets two IDs:
//
// - `play_id`: its position in the input (1, 2, 3, …), which orders the game;
// - `play_hash`: the first 16 hex characters of the SHA-256 of the text, a *content address*.
//
// Why both? `play_id` is convenient for people and charts; `play_hash` is what production pipelines key on. It
// makes re-runs **idempotent** (loading the same play twice updates one row instead of adding a second), lets
// the LLM response cache recognise a paragraph it has already paid for, and detects duplicates. The reader also
// accepts a UTF-8 BOM, CRLF line ends and quoted fields, and reports rows it cannot read **by line number**
// instead of dropping them silently.

// %%
const input = wb.readPlays(config.dataDir + "/playbyplay.csv", { limit: ROWS });
const plays = input.plays;
console.log(`${plays.length} plays read, ${input.malformed.length} malformed`);
const dfd = await wb.loadDanfo();
const playsFrame = new dfd.DataFrame(plays.map(({ play_id, play_hash, line, playbyplay }) => ({ play_id, play_hash, line, playbyplay })));
wb.showTable(playsFrame, { maxRows: 8, title: "Plays with their canonical IDs (a danfojs DataFrame)" });

// %% [markdown]
// What to look at: `play_id` runs from 1 in input order; `line` is the CSV line the row starts on (the header is
// line 1), which is what an error message about a bad row names; every `play_hash` is 16 hex characters.

// %% [markdown]
// ## 9.2 Structured extraction: from a paragraph to a typed record
//
// Each commentary paragraph becomes a record with 16 fields: inning and half, outs, score, pitcher and batter,
// runners on base, the count before and after the pitch, pitch type and velocity, the result, and whether the
// ball was put in play. **A field the text does not give is `null`**: guessing is worse than admitting
// ignorance, because a guessed value passes every later check and pollutes the statistics.
//
// Two providers do this step:
//
// - **OpenAI** (with `OPENAI_API_KEY`): the real SDK with *structured outputs*: the answer must match a JSON
//   schema generated from the same zod schema that validates it, so the model cannot return a malformed record.
//   Several plays travel in one request, and identical requests are answered from a cache in the database.
// - **Offline** (the default): a deterministic rule-based parser of the language of baseball broadcasts
//   (counts like "two balls and a strike" or "oh-and-two", velocities in digits or words, dozens of pitch names).
//   It costs nothing, needs no network, and its accuracy against the dataset's ground truth is measured below.
//
// Production pipelines keep such a fallback: when the API is down or the budget is spent, the pipeline still runs.

// %%
const refs = wb.readReferenceTables(config.dataDir);
const db = await wb.openDatabaseFromConfig(config);
await wb.migrate(db, config.projectRoot + "/migrations");
const runId = "guide-" + (ROWS || "all");
// Before paying for any request: what would the LLM step cost? Counted offline with the model's tokenizer.
const forecast = await wb.forecastLlmRun(plays, config, db);
console.log(`Forecast for ${config.llm.model} (prices as of ${forecast.pricesAsOf}): ${forecast.requests} requests, ${forecast.tokensIn.toLocaleString()} input tokens, expected $${forecast.expectedCostUsd.toFixed(4)}, worst case $${forecast.worstCaseCostUsd.toFixed(4)}`);
// An explicit budget: the run stops before a request that would go over it. Raise it on purpose, never by accident.
const BUDGET_USD = ROWS === 0 ? 0.5 : 0.05;
const ai = config.llm.provider === "openai"
  ? await wb.llmAiSteps(plays, refs, { config: config, db: db, runId: runId, maxCostUsd: BUDGET_USD })
  : wb.offlineAiSteps(plays, refs);
console.log(`provider: ${config.llm.provider}; ${ai.records.size} plays extracted, ${ai.failures.length} failed; ${ai.usage.requests} requests, $${ai.usage.costUsd.toFixed(4)}`);
// The plays with a record and a mapping, in input order, and those the AI step left (the same join the DAG's tasks use).
const { extracted, missing } = wb.joinExtracted(plays, ai.records, ai.mappings);
wb.showTable(extracted, { columns: ["play_id", "inning_number", "inning_half", "outs", "pitcher_name", "batter_name", "pre_pitch_balls", "pre_pitch_strikes", "pitch_type", "pitch_velocity_mph", "pitch_result"], maxRows: 10, title: "Extracted records (null = not in the text)" });

// %% [markdown]
// ### How good is the offline extractor?
//
// The dataset comes with a **ground truth**: for every row, the fields a perfect extractor returns. Comparing
// field by field tells exactly where the extractor is right. The pitch fields must reach 95%. Look at which
// fields are weakest: those are where a real LLM earns its cost.

// %%
const truth = wb.readGroundTruth(config.dataDir).slice(0, plays.length);
const accuracy = wb.measureAccuracy(ai.records, truth);
console.log(`overall ${(accuracy.overall * 100).toFixed(1)}%, weakest pitch field ${(accuracy.pitchFieldsMin * 100).toFixed(1)}%`);
await wb.showChart(wb.fieldAccuracyChart(accuracy.fields, { title: "Offline extractor accuracy per field (vs ground truth)" }));

// %% [markdown]
// ## 9.3–9.6 Canonical mapping: names and pitch types to reference IDs
//
// Commentators write "Okafor", "Dante Okafor" or "the big lefty"; they call the same pitch a "four-seamer", a
// "heater" or "fastball at 97". Analysis needs one ID per pitcher, per batter and per pitch type. The mapper
// resolves each **distinct** name once, deterministically first (exact name, unique surname, then a small edit
// distance), and says how sure it is (`high`, `medium`, `low`). Only what stays unresolved would go to the
// LLM, in one request for all of it: that is one of the reasons this pipeline costs a fraction of the chapter's
// design, which asked the model three separate questions for every row.

// %%
const mapper = wb.createCanonicalMapper(refs);
const names = [...new Set(extracted.flatMap((e) => [e.pitcher_name, e.batter_name]).filter((n): n is string => n !== null))];
wb.showTable(names.map((name) => {
  const m = mapper.mapPitcher(name) ?? mapper.mapBatter(name);
  return { name_as_written: name, id: m?.id ?? null, confidence: m?.confidence ?? "unresolved" };
}), { maxRows: 12, title: `${names.length} distinct names, each resolved once` });
const pitchWords = [...new Set(extracted.map((e) => e.pitch_type).filter((t): t is string => t !== null))];
wb.showTable(pitchWords.map((text) => ({ as_written: text, ...(mapper.mapPitchType(text) ?? { code: null, name: null, confidence: "unresolved" }) })), { maxRows: 20, title: "Pitch types as written → canonical" });

// %% [markdown]
// ## 9.7–9.8 Play analysis: key moments and excitement
//
// A **key moment** is a lead change, a scoring play, a home run, a strikeout with runners in scoring position or
// the final out. **Excitement** (1–10) grows with the inning, a close score, runners on base and what happened.
// Both follow from the game state the extractor produced, so they are computed, not asked of a model: cheaper,
// repeatable and explainable.

// %%
// The DAG's analyze step: key moments, excitement, and the IDs the game state settles; then each play enriched
// with its mapping, its analysis and the game state carried from play to play (resolved values with their provenance).
const analyzed = wb.analyzeStep(extracted, ai.mappings, refs);
const enriched = wb.enrichStep(extracted, analyzed, refs);
const keyMoments = enriched.filter((p) => p.key_moment);
console.log(`${keyMoments.length} key moments in ${enriched.length} plays`);
wb.showTable(keyMoments, { columns: ["play_id", "inning_number", "inning_half", "score_away", "score_home", "pitch_result", "excitement", "playbyplay"], maxRows: 8, maxChars: 90, title: "Key moments" });

// %% [markdown]
// ## Validate: schemas, data-quality checks and the quarantine
//
// Every record crossing a step is parsed by a zod schema, then checked:
//
// - **content**: the record says something (a row with no readable field and no baseball words is not a play);
// - **domain**: each value in its range (outs 0–2, balls 0–3 before the pitch, velocity 40–110 mph, …);
// - **consistency**: the count after the pitch follows from the count before it and the result;
// - **referential**: every pitcher, batter and pitch type exists in the reference tables;
// - **uniqueness**: no two rows share a `play_hash`.
//
// A row that fails goes to the **quarantine** with its reasons, never silently away: rows in = rows loaded +
// rows quarantined, always. The quality report says how many rows passed each check. And a **quality gate** watches
// the whole batch: when more than 5% of the rows fail (`ALERT_QUALITY_MAX_FAILED_RATE`), nothing loads and an
// alert fires, because a batch that bad usually means a broken input or extractor, not bad plays.

// %%
// The DAG's validate step: the checks, the quarantine (malformed, not extracted, failed a check) and the quality gate.
const validation = wb.validateStep({
  runId: runId, plays: plays, malformed: input.malformed, enriched: enriched, missing: missing, failures: ai.failures, refs: refs,
  maxRate: config.alerts.qualityMaxFailedRate,
});
const quarantine = validation.quarantined;
console.log(`${plays.length + input.malformed.length} rows in = ${validation.valid.length} valid + ${quarantine.length} quarantined; gate ${validation.gate.passed ? "passed" : "failed"} (${(validation.gate.rate * 100).toFixed(1)}% of rows failed, limit ${(validation.gate.maxRate * 100).toFixed(0)}%)`);
// A check skips a row whose fields it needs are null (no count in the text, say): those rows show as "skipped".
await wb.showChart(wb.qualityChecksChart(validation.report.checks));
wb.showTable(quarantine.map((q) => ({ play_id: q.play.play_id, step: q.step, reasons: q.reasons.map((r) => `${r.check}${r.field ? "." + r.field : ""}: ${r.message}`).join("; ") })), { maxRows: 10, maxChars: 120, title: "Quarantined rows and why" });

// %% [markdown]
// ## Load into PostgreSQL
//
// The same numbered SQL migrations run on PGlite and on a PostgreSQL server. Loads are **idempotent upserts keyed
// by `play_hash`**, in batches, each batch in its own transaction: running the same input twice leaves the same
// rows, and a load that dies half-way leaves no partial batch. Run the cell twice and compare.

// %%
await wb.loadReferenceTables(db, refs);
const first = await wb.loadPlays(db, { runId: runId, plays: validation.valid, quarantined: quarantine, report: validation.report });
const again = await wb.loadPlays(db, { runId: runId, plays: validation.valid, quarantined: quarantine, report: validation.report });
wb.showTable([{ load: "first", ...first }, { load: "same input again", ...again }], { title: "Idempotent loads: the second changes nothing" });
const [count] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM plays WHERE play_hash = ANY($1)", [validation.valid.map((p) => p.play_hash)]);
console.log(`rows in the plays table for this input: ${count.n}`);

// %% [markdown]
// ## 9.9–9.11 The analyses
//
// Three questions the chapter asks of the data, answered twice: as SQL views in the database (what a dashboard
// would read) and as danfojs DataFrames (what a notebook user explores). A test in `test/summarize/` shows both
// give the same numbers.

// %%
const timeline = (await wb.excitementTimeline(db)).filter((p) => p.play_id <= plays.length);
// The subtitle counts the key moments (diamonds), or says there are none in these plays.
await wb.showChart(wb.excitementArcChart(timeline, { title: "Excitement through the game" }));

// %%
const pitchers = await wb.pitcherStats(db);
wb.showTable(pitchers, { columns: ["name", "pitch_count", "avg_velocity_mph", "most_frequent_pitch_name"], maxRows: 15, title: "Pitchers (SQL view v_pitcher_stats)" });
await wb.showChart(wb.pitcherChart(pitchers, { title: "Pitchers: pitch count and average velocity" }));

// %%
const batters = await wb.batterStats(db);
await wb.showChart(wb.batterChart(batters, { title: "Batters: balls, strikes and balls in play" }));
const batterFrame = await wb.batterStatsFrame(validation.valid, refs);
wb.showTable(batterFrame, { maxRows: 8, title: "The same batter statistics computed in danfojs from the enriched rows" });

// %%
await wb.showChart(wb.pitchMixChart(await wb.pitchMix(db), { title: "Pitch-type mix per pitcher" }));

// %% [markdown]
// ### Pitch usage by inning, interactively
//
// The next chart is a **plotly** figure: in JupyterLab with the plotly extension (see the README), hover a cell for
// its count and zoom into innings; the HTML export draws it with the project's own `plotly.js-dist`. Everywhere else
// (GitHub, a JupyterLab without the extension) you see the same chart as a static image. A play whose inning the
// commentary did not restate counts in the last inning stated before it.

// %%
await wb.showChart(wb.pitchUsageHeatmap(wb.pitchInningRows(validation.valid), { title: "Pitch-type usage by inning" }));

// %% [markdown]
// ## Orchestration: the pipeline as a DAG
//
// So far each cell ran one step. In production, an **orchestrator** runs the steps as a DAG (directed acyclic graph)
// of tasks: it knows their dependencies, runs what is ready, retries what fails with backoff, records every attempt,
// and can resume a failed run from where it stopped. Our engine is **pg-boss**, which keeps all of its state in
// PostgreSQL: it runs here on PGlite in this process, and on a shared server with workers on many machines.
//
// The workbook's DAG: `load_csv → extract (one task per batch of rows) → map_canonical → analyze_plays → validate →
// load → summarize`, with a `quarantine_report` and `alert` branch when the quality gate fails, and the LLM tasks
// skipped when the response cache already covers every row.

// %%
const events = new wb.PipelineEvents();
new wb.ProgressReporter().attach(events); // one output, updated in place while the run goes
const orchestrator = await wb.openOrchestrator(config, { db: db, events: events });
const ingest = { inputPath: wb.defaultInput(config), params: { ...wb.ingestParams(config, { rows: ROWS, batchRows: ROWS === 0 ? 100 : 4 }) } };
const started = await orchestrator.orch.trigger("ingest", ingest);
const run = await orchestrator.orch.waitForRun(started.run.run_id);
console.log(wb.formatRunStatus(run, await wb.listTasks(db, run.run_id)));

// %% [markdown]
// The `extract` task **fanned out** into one task per batch of rows, a number decided at run time from the input
// size, and `map_canonical` waited for all of them (fan-in). `reuse_cache` was skipped (the LLM response cache did
// not cover the rows, or the offline provider needs none), and so were `quarantine_report` and `alert`: the quality
// gate passed. The Gantt chart shows every task attempt, its outcome as a colour and a shape at the bar's end
// (circle: success, triangle: retried, cross: failed, square: skipped); a retried attempt would appear before its
// successful one.

// %%
await wb.showChart(wb.taskTimelineChart(await wb.readTaskSpans(db, run.run_id), { title: "Task timeline of the run (one bar per attempt)" }));
const retrigger = await orchestrator.orch.trigger("ingest", ingest);
console.log(`Triggering the same input and settings again: ${retrigger.status} run ${retrigger.run.run_id}, nothing redone.`);
await orchestrator.close();

// %% [markdown]
// ### Failures, retries and cost, for free: the simulated model
//
// The LLM path is where production pipelines fail: rate limits (HTTP 429 with `retry-after`), server errors,
// timeouts, malformed answers. The workbook ships an OpenAI-compatible **simulated model** (a local HTTP server that
// answers from the ground truth and reports realistic token usage). Here it runs in a child process and injects
// faults into a fraction of requests; the real OpenAI SDK talks to it. Watch the retries: every failed request is
// retried with exponential backoff and jitter (honouring `retry-after`), and every row ends loaded or quarantined.

// %%
const sim = await wb.startSimulatedModelProcess(40, { faults: ["server_error=0.15", "rate_limit=0.1"] });
const llmConfig = wb.loadConfig({ overrides: { PGLITE_DIR: "memory://", LLM_PROVIDER: "openai",
  OPENAI_API_KEY: "simulated-key", OPENAI_BASE_URL: sim.baseURL, OPENAI_MODEL: sim.modelId } });
const llmEvents = new wb.PipelineEvents();
let retries = 0;
llmEvents.on("llm:retry", () => { retries += 1; });
const ledger = new wb.RunLedger(db, { env: config.appEnv, dag: "pipeline", trigger: "manual" });
ledger.attach(llmEvents);
new wb.ProgressReporter().attach(llmEvents);
// At most 120 plays: each injected 429 pauses every request for its retry-after (1 s), and the whole game would mostly wait.
const LLM_ROWS = Math.min(ROWS || plays.length, 120);
const llmForecast = await wb.forecastLlmRun(plays.slice(0, LLM_ROWS), llmConfig, db);
const llmRun = await wb.runPipeline({ config: llmConfig, db: db, events: llmEvents, rows: LLM_ROWS, provider: "openai", maxCostUsd: BUDGET_USD });
await ledger.flush();
await sim.close();
console.log(`${llmRun.rowsIn} rows in = ${llmRun.plays.length} loaded + ${llmRun.quarantine.length} quarantined; ${llmRun.llm.requests} requests (${retries} retried after an injected fault), ${llmRun.llm.tokensIn.toLocaleString()} tokens in, $${llmRun.llm.costUsd.toFixed(4)} at ${sim.modelId} prices`);

// %% [markdown]
// ### A provider outage: task retries, a failed run, and a resume
//
// One bad answer is that row's problem: the row is quarantined and its neighbours load. A batch with **no** answer
// at all is an outage, so the extract task fails and the orchestrator retries it (by default 3 attempts, waiting
// 2 s, then 4 s, plus jitter; here 2 attempts without a wait, so the demo does not sit out the backoff). When the
// attempts run out the run is marked failed, with the reason. Here the simulated model answers every request of
// ten plays with HTTP 500; then it comes back (on the same address) and `resume` continues the run from what did
// not finish: `load_csv`, which succeeded, is not redone.

// %%
const port = await wb.freePort();
const downModel = await wb.startSimulatedModelProcess(20, { faults: ["server_error=1"], port: port });
// Another model name than the run above, so the response cache cannot answer for it.
const outageConfig = wb.loadConfig({ overrides: { PGLITE_DIR: "memory://", LLM_PROVIDER: "openai",
  OPENAI_API_KEY: "simulated-key", OPENAI_BASE_URL: downModel.baseURL, OPENAI_MODEL: "gpt-4o-mini", LLM_MAX_RETRIES: "0" } });
// The ingest DAG's task retries for this demo: 2 attempts, no wait between them.
const quickRetries = { ingest: { retry: { llm: { attempts: 2, delaySeconds: 0, backoff: false } } } };
const outage = await wb.openOrchestrator(outageConfig, { db: db, ...quickRetries });
const outageRun = await outage.orch.trigger("ingest", { inputPath: wb.defaultInput(outageConfig), params: { ...wb.ingestParams(outageConfig, { rows: 10, batchRows: 5 }) } });
const failedRun = await outage.orch.waitForRun(outageRun.run.run_id);
console.log(`run ${failedRun.state}: ${failedRun.error}`);
await downModel.close();
const upModel = await wb.startSimulatedModelProcess(20, { port: port });
await outage.orch.resume(failedRun.run_id);
const resumedRun = await outage.orch.waitForRun(failedRun.run_id);
console.log(wb.formatRunStatus(resumedRun, await wb.listTasks(db, resumedRun.run_id)));
await wb.showChart(wb.taskTimelineChart(await wb.readTaskSpans(db, resumedRun.run_id), { title: "The outage run: retried and failed attempts, then the resume" }));
await upModel.close();
await outage.close();

// %% [markdown]
// ## Monitoring, alerts and cost
//
// Every step emits typed events (`task:success`, `llm:response`, …). A run ledger in PostgreSQL records each run
// and task: state, timings, attempts, rows, requests, tokens and cost. Health views over it give success rate,
// p50/p95 durations, error rate and cost per run; alert rules fire once per run to the console or a webhook.

// %%
const costs = await wb.costByStep(db, llmRun.runId);
await wb.showChart(wb.costChart([
  { step: "extract", model: llmForecast.model, usd: llmForecast.expectedCostUsd, kind: "forecast" },
  ...costs.map((c) => ({ step: c.step, model: c.model, usd: c.costUsd, kind: "actual" as const })),
], { title: "LLM cost per step: forecast before the run vs actual" }));
const health = await wb.readHealth(db);
// Interactive (plotly): hover a bar for the run's id, requests, tokens and rows.
await wb.showChart(wb.costOverRunsChart(health.costPerRun, { title: "LLM cost per run in this notebook's database" }));
wb.showTable(health.successRate, { title: "Success rate per DAG (view health_success_rate)" });
wb.showTable(health.taskDurations, { maxRows: 12, title: "Task durations, p50 and p95 (view health_task_durations)" });
const alerts = wb.createAlertManager(db, config);
const evaluated = await alerts.evaluate(llmRun.runId);
console.log(`alert rules evaluated for ${llmRun.runId}: ${evaluated.fired.length} fired, ${evaluated.resolved.length} resolved`);

// %% [markdown]
// ## Environments and releases of the published data
//
// `APP_ENV=dev|staging|prod` picks a profile (schema, model, budget, schedule, alert channels), validated at
// start-up. Published data is released the way services are deployed: **blue-green** (load a new versioned table,
// validate it, switch a stable view to it atomically; roll back by switching back) and **canary** (try a new
// extractor on a sample first; promote it only if it is not worse).

// %%
// Each profile, as start-up would parse it (a local webhook URL stands in for staging's and prod's Slack hook).
const profiles = wb.APP_ENVS.map((env) => wb.describeConfig(wb.loadConfig({ env: { APP_ENV: env, ALERT_WEBHOOK_URL: "http://127.0.0.1:9/hook" }, loadDotenv: false })));
wb.showTable(profiles, { columns: ["environment", "schema", "budget_usd", "schedule", "alerts", "provider"], title: "dev, staging and prod profiles" });
for (const bad of [{ APP_ENV: "qa" }, { MAX_COST_USD: "-1" }, { APP_ENV: "prod" }]) {
  try { wb.loadConfig({ env: bad, loadDotenv: false }); } catch (e) { console.log(`${JSON.stringify(bad)} → ${(e as Error).message}`); }
}

// %%
// Blue-green: publish this run as a new version of the stable view `published_plays`, then roll back.
const release = new wb.BlueGreenRelease(db, { actor: "guide notebook" });
const firstRelease = await release.publish(validation.valid.slice(0, Math.ceil(validation.valid.length / 2)).map((p) => ({ ...p, run_id: runId })), { runId: runId, reason: "first half of the game" });
const secondRelease = await release.publish(validation.valid.map((p) => ({ ...p, run_id: runId })), { runId: runId, reason: "whole game" });
const [live] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM published_plays");
await release.rollback("demo: roll back to the previous version");
const [rolledBack] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM published_plays");
console.log(`published_plays: version ${secondRelease.version} had ${live.n} rows; after rollback it shows version ${firstRelease.version} with ${rolledBack.n} rows`);
const canary = await wb.runCanary(db, plays, { current: wb.EXTRACTOR_VERSIONS["rules-v1"](config), candidate: wb.EXTRACTOR_VERSIONS["rules-grammar-only"](config), sampleSize: Math.min(50, plays.length), actor: "guide notebook" });
console.log(canary.promoted ? `canary promoted ${canary.candidate.id}` : `canary rejected ${canary.candidate.id}: ${canary.reasons.join("; ")}`);
wb.showTable(await wb.readReleaseLog(db, { limit: 8 }), { columns: ["at", "target", "action", "from_version", "to_version", "actor", "reason"], title: "Release log, newest first: every switch, promotion and rollback" });

// %% [markdown]
// ## Your own game: propose its roster, review it, run it
//
// Every step above maps names to **reference tables** (`data/pitchers.csv`, `data/batters.csv`): the players of
// *this* game. Commentary of another game names other players, and each of its rows would fail the referential
// check. So the workbook first **proposes the roster from the commentary itself**, offline, by rules over the
// whole text: who pitches and who bats (the grammar of each call, voted over every paragraph), the fullest form of
// each name with every variant written, the side from the half-innings, the teams where the text names them. You
// review the proposal (throws, bats and positions are guesses where the text does not say), then run with it.
// On the command line: `npm start -- roster --input game.csv --out my-roster`, then
// `npm start -- --input game.csv --references my-roster`.
//
// The game below is another one: 222 paragraphs of a game between the Port Alder Otters and the Cedar Flats
// Lumberjacks, written for the project's tests by an author who had not read the extractor.

// %%
const otherGame = config.projectRoot + "/test/fixtures/blind-game-otters/playbyplay.csv";
const game = wb.readPlays(otherGame);
// IDs past those of the tables in use, so both games' players can live in one database.
const roster = wb.discoverRoster(game.plays, {
  firstPitcherId: Math.max(...refs.pitchers.map((p) => p.pitcher_id)) + 1,
  firstBatterId: Math.max(...refs.batters.map((b) => b.batter_id)) + 1,
});
console.log(`${game.plays.length} paragraphs read. Teams: home ${roster.teams.home}, away ${roster.teams.away} (${roster.teams.evidence})`);
const writtenAs = (name: string) => Object.entries(roster.people.find((p) => p.name === name)?.variants ?? {}).map(([form, n]) => `${form} ×${n}`).join(", ");
wb.showTable(roster.pitchers.map((p) => ({ ...p, written_as: writtenAs(p.name) })), { title: `Proposed pitchers.csv (${roster.pitchers.length})` });
wb.showTable(roster.batters.map((b) => ({ ...b, written_as: writtenAs(b.name) })), { maxRows: 25, title: `Proposed batters.csv (${roster.batters.length})` });

// %% [markdown]
// What to look at: each person has one ID and every form the narrator used ("Marlowe ×16, Kaito Marlowe ×2"); a
// player in both tables is a two-way player. Now write the proposal where a run can read it (here a temporary
// folder; on the command line the `--out` folder you review) and run the same pipeline on that game with those
// references ({{plays_of_other}}): most rows load, and the few quarantined ones say why.

// %%
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
const rosterDir = mkdtempSync(join(tmpdir(), "roster-"));
for (const [file, text] of Object.entries(wb.rosterFiles(roster))) writeFileSync(join(rosterDir, file), text);
const ownConfig = wb.loadConfig({ overrides: { PGLITE_DIR: "memory://", REFERENCES_DIR: rosterDir } });
const ownRun = await wb.runPipeline({ config: ownConfig, db: db, input: otherGame, rows: ROWS, provider: "offline" });
console.log(`${ownRun.rowsIn} rows in = ${ownRun.plays.length} loaded + ${ownRun.held.length} held + ${ownRun.quarantine.length} quarantined (${(ownRun.gate.rate * 100).toFixed(1)}%, gate ${(ownRun.gate.maxRate * 100).toFixed(0)}%): ${ownRun.outcome}`);
wb.showTable(ownRun.topPitchers, { title: "Top pitchers of that game, from its own roster" });

// %% [markdown]
// And without its roster? The run checks, before extracting anything, how many of the names the commentary gives
// its pitchers and batters the reference tables know. When most are unknown it is another game: it **stops early,
// with one message** that says so and gives the `roster` command, instead of quarantining nearly every row.

// %%
try {
  const withOurTables = await wb.runPipeline({ config: config, db: db, input: otherGame, rows: 0, provider: "offline" });
  console.log(`The run went on with this game's tables: ${withOurTables.outcome}`);
} catch (e) {
  wb.showError(e);
}
await db.close();

// %% [markdown]
// ## Where to go next
//
// - `9_lab.ipynb`: six exercises with checks that say pass or fail.
// - The CLI runs the same code: `npm start -- trigger`, `status`, `runs`, `resume <run>`, `worker`, `schedule`,
//   `watch <folder>`, `health`, `alerts`, `release`, `canary` (`npm start -- help`).
// - With `DATABASE_URL` set, start `npm start -- worker` on as many machines as share the database: they share the tasks.
