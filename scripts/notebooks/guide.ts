import { code, md, type Cell } from "./notebook-format";
import { TEXT } from "./guide-text";

export interface GuideOptions {
  rows: number | "all";
  title: string;
}

/** The chapter guide, section by section. The test and full guides differ only in `rows`. */
export function guideCells({ rows, title }: GuideOptions): Cell[] {
  const limit = rows === "all" ? 0 : rows;
  const rowsText = rows === "all" ? "all 729 plays" : `the first ${rows} plays`;
  return [
    md(`
# ${title}

Chapter 9, TypeScript edition: **advanced data-pipeline orchestration with AI**. This notebook runs a real
pipeline over ${rowsText} of a fictional World Series Game 7 and shows what it did at every step:

1. load the play-by-play and give each play canonical IDs (9.1)
2. extract structured pitch data from each commentary paragraph with an LLM, or the offline extractor (9.2)
3. map names and pitch types to canonical reference IDs (9.3–9.6)
4. score key moments and excitement (9.7–9.8)
5. validate every row and quarantine what fails, with reasons
6. load into PostgreSQL and run the analyses (9.9–9.11)
7. orchestrate it all as a DAG with retries, resumes, schedules and events; monitor it; promote it through environments

Every code cell is short and calls the tested library in \`src/\` (\`lib/\` beside the notebook is its build).
Edited \`src/\`? Run \`npm run build\` (the notebooks import the built library in \`lib/\`), then restart the kernel
(*Kernel → Restart*); a kernel that runs an older build than \`src/\` says so at the import.
`),
    md(`
## Setup

With no keys, everything runs offline and for free: the **offline provider** (a deterministic rule-based
extractor) stands in for the LLM and **PGlite** (PostgreSQL compiled to WebAssembly, kept in \`.data/\`) stands
in for a server. Set \`OPENAI_API_KEY\` in \`.env\` to call OpenAI for real, and \`DATABASE_URL\` (or \`PG*\`) to load
into your PostgreSQL server. The table below says what this kernel will use. Keys are never shown, only
whether they are *configured*.
`),
    code(`
import * as wb from "./lib/index";

const ROWS = ${limit}; // 0 = every row
// With no server configured, the guide uses an in-memory PGlite: every run starts clean (the CLI keeps its database in .data/).
const config = wb.loadConfig({ overrides: { PGLITE_DIR: "memory://", ROW_LIMIT: String(ROWS) } });
wb.showSetup(config);
`),
    md(`
## 9.1 Load the play-by-play and give every play its canonical IDs

The input is a CSV with one text column, \`playbyplay\`: one commentary paragraph per row. Before any AI touches
it, each row gets two IDs:

- \`play_id\`: its position in the input (1, 2, 3, …), which orders the game;
- \`play_hash\`: the first 16 hex characters of the SHA-256 of the text, a *content address*.

Why both? \`play_id\` is convenient for people and charts; \`play_hash\` is what production pipelines key on. It
makes re-runs **idempotent** (loading the same play twice updates one row instead of adding a second), lets
the LLM response cache recognise a paragraph it has already paid for, and detects duplicates. The reader also
accepts a UTF-8 BOM, CRLF line ends and quoted fields, and reports rows it cannot read **by line number**
instead of dropping them silently.
`),
    code(`
const input = wb.readPlays(config.dataDir + "/playbyplay.csv", { limit: ROWS });
const plays = input.plays;
console.log(\`\${plays.length} plays read, \${input.malformed.length} malformed\`);
const dfd = await wb.loadDanfo();
const playsFrame = new dfd.DataFrame(plays.map(({ play_id, play_hash, line, playbyplay }) => ({ play_id, play_hash, line, playbyplay })));
wb.showTable(playsFrame, { maxRows: 8, title: "Plays with their canonical IDs (a danfojs DataFrame)" });
`),
    md(`
What to look at: \`play_id\` runs from 1 in input order; \`line\` is the CSV line the row starts on (the header is
line 1), which is what an error message about a bad row names; every \`play_hash\` is 16 hex characters.
`),
    md(TEXT.extraction),
    code(`
const refs = wb.readReferenceTables(config.dataDir);
const db = await wb.openDatabaseFromConfig(config);
await wb.migrate(db, config.projectRoot + "/migrations");
const runId = "guide-" + (ROWS || "all");
${rows === "all" ? `// Before paying for any request: what would the LLM step cost? Counted offline with the model's tokenizer.
const forecast = await wb.forecastLlmRun(plays, config, db);
console.log(\`Forecast for \${config.llm.model} (prices as of \${forecast.pricesAsOf}): \${forecast.requests} requests, \${forecast.tokensIn.toLocaleString()} input tokens, expected $\${forecast.expectedCostUsd.toFixed(4)}, worst case $\${forecast.worstCaseCostUsd.toFixed(4)}\`);
// An explicit budget: the run stops before a request that would go over it. Raise it on purpose, never by accident.
const BUDGET_USD = 0.50;
` : `const BUDGET_USD = 0.05; // the LLM path stops before a request that would go over this
`}const ai = config.llm.provider === "openai"
  ? await wb.llmAiSteps(plays, refs, { config: config, db: db, runId: runId, maxCostUsd: BUDGET_USD })
  : wb.offlineAiSteps(plays, refs);
console.log(\`provider: \${config.llm.provider}; \${ai.records.size} plays extracted, \${ai.failures.length} failed; \${ai.usage.requests} requests, $\${ai.usage.costUsd.toFixed(4)}\`);
const extracted = plays.filter((p) => ai.records.has(p.play_hash)).map((p) => ({ ...p, ...ai.records.get(p.play_hash)! }));
wb.showTable(extracted, { columns: ["play_id", "inning_number", "inning_half", "outs", "pitcher_name", "batter_name", "pre_pitch_balls", "pre_pitch_strikes", "pitch_type", "pitch_velocity_mph", "pitch_result"], maxRows: 10, title: "Extracted records (null = not in the text)" });
`),
    md(TEXT.accuracy),
    code(`
const truth = wb.readGroundTruth(config.dataDir).slice(0, plays.length);
const accuracy = wb.measureAccuracy(ai.records, truth);
console.log(\`overall \${(accuracy.overall * 100).toFixed(1)}%, weakest pitch field \${(accuracy.pitchFieldsMin * 100).toFixed(1)}%\`);
await wb.showChart(wb.fieldAccuracyChart(accuracy.fields, { title: "Offline extractor accuracy per field (vs ground truth)" }));
`),
    md(TEXT.mapping),
    code(`
const mapper = wb.createCanonicalMapper(refs);
const names = [...new Set(extracted.flatMap((e) => [e.pitcher_name, e.batter_name]).filter((n): n is string => n !== null))];
wb.showTable(names.map((name) => {
  const m = mapper.mapPitcher(name) ?? mapper.mapBatter(name);
  return { name_as_written: name, id: m?.id ?? null, confidence: m?.confidence ?? "unresolved" };
}), { maxRows: 12, title: \`\${names.length} distinct names, each resolved once\` });
const pitchWords = [...new Set(extracted.map((e) => e.pitch_type).filter((t): t is string => t !== null))];
wb.showTable(pitchWords.map((text) => ({ as_written: text, ...(mapper.mapPitchType(text) ?? { code: null, name: null, confidence: "unresolved" }) })), { maxRows: 20, title: "Pitch types as written → canonical" });
`),
    md(TEXT.analysis),
    code(`
const analyses = wb.analyzePlays(extracted);
const enriched = wb.enrichPlays(extracted, ai.mappings, analyses);
const keyMoments = enriched.filter((p) => p.key_moment);
console.log(\`\${keyMoments.length} key moments in \${enriched.length} plays\`);
wb.showTable(keyMoments, { columns: ["play_id", "inning_number", "inning_half", "score_away", "score_home", "pitch_result", "excitement", "playbyplay"], maxRows: 8, maxChars: 90, title: "Key moments" });
`),
    md(TEXT.validation),
    code(`
const validation = wb.validatePlays(enriched, refs, { runId: runId });
const quarantine = [...wb.extractionQuarantine(plays, ai.failures, "transform"), ...validation.quarantined];
console.log(\`\${plays.length} rows in = \${validation.valid.length} valid + \${quarantine.length} quarantined\`);
// A check skips a row whose fields it needs are null (no count in the text, say): those rows show as "skipped".
await wb.showChart(wb.qualityChecksChart(validation.report.checks));
wb.showTable(quarantine.map((q) => ({ play_id: q.play.play_id, step: q.step, reasons: q.reasons.map((r) => \`\${r.check}\${r.field ? "." + r.field : ""}: \${r.message}\`).join("; ") })), { maxRows: 10, maxChars: 120, title: "Quarantined rows and why" });
`),
    md(TEXT.load),
    code(`
await wb.loadReferenceTables(db, refs);
const first = await wb.loadPlays(db, { runId: runId, plays: validation.valid, quarantined: quarantine, report: validation.report });
const again = await wb.loadPlays(db, { runId: runId, plays: validation.valid, quarantined: quarantine, report: validation.report });
wb.showTable([{ load: "first", ...first }, { load: "same input again", ...again }], { title: "Idempotent loads: the second changes nothing" });
const [count] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM plays WHERE play_hash = ANY($1)", [validation.valid.map((p) => p.play_hash)]);
console.log(\`rows in the plays table for this input: \${count.n}\`);
`),
    md(TEXT.analyses),
    code(`
const timeline = (await wb.excitementTimeline(db)).filter((p) => p.play_id <= plays.length);
// The subtitle counts the key moments (diamonds), or says there are none in these plays.
await wb.showChart(wb.excitementArcChart(timeline, { title: "Excitement through the game" }));
`),
    code(`
const pitchers = await wb.pitcherStats(db);
wb.showTable(pitchers, { columns: ["name", "pitch_count", "avg_velocity_mph", "most_frequent_pitch_name"], maxRows: 15, title: "Pitchers (SQL view v_pitcher_stats)" });
await wb.showChart(wb.pitcherChart(pitchers, { title: "Pitchers: pitch count and average velocity" }));
`),
    code(`
const batters = await wb.batterStats(db);
await wb.showChart(wb.batterChart(batters, { title: "Batters: balls, strikes and balls in play" }));
const batterFrame = await wb.batterStatsFrame(validation.valid, refs);
wb.showTable(batterFrame, { maxRows: 8, title: "The same batter statistics computed in danfojs from the enriched rows" });
`),
    code(`
await wb.showChart(wb.pitchMixChart(await wb.pitchMix(db), { title: "Pitch-type mix per pitcher" }));
`),
    md(`
### Pitch usage by inning, interactively

The next chart is a **plotly** figure: in JupyterLab with the plotly extension (see the README), hover a cell for
its count and zoom into innings; the HTML export draws it with the project's own \`plotly.js-dist\`. Everywhere else
(GitHub, a JupyterLab without the extension) you see the same chart as a static image. A play whose inning the
commentary did not restate counts in the last inning stated before it.
`),
    code(`
await wb.showChart(wb.pitchUsageHeatmap(wb.pitchInningRows(validation.valid), { title: "Pitch-type usage by inning" }));
`),
    md(TEXT.orchestration),
    code(`
const events = new wb.PipelineEvents();
new wb.ProgressReporter().attach(events); // one output, updated in place while the run goes
const orchestrator = await wb.openOrchestrator(config, { db: db, events: events });
const ingest = { inputPath: wb.defaultInput(config), params: { ...wb.ingestParams(config, { rows: ROWS, batchRows: ${rows === "all" ? 100 : 4} }) } };
const started = await orchestrator.orch.trigger("ingest", ingest);
const run = await orchestrator.orch.waitForRun(started.run.run_id);
console.log(wb.formatRunStatus(run, await wb.listTasks(db, run.run_id)));
`),
    md(`
The \`extract\` task **fanned out** into one task per batch of rows, a number decided at run time from the input
size, and \`map_canonical\` waited for all of them (fan-in). \`reuse_cache\` was skipped (the LLM response cache did
not cover the rows, or the offline provider needs none), and so were \`quarantine_report\` and \`alert\`: the quality
gate passed. The Gantt chart shows every task attempt, its outcome as a colour and a shape at the bar's end
(circle: success, triangle: retried, cross: failed, square: skipped); a retried attempt would appear before its
successful one.
`),
    code(`
await wb.showChart(wb.taskTimelineChart(await wb.readTaskSpans(db, run.run_id), { title: "Task timeline of the run (one bar per attempt)" }));
const again = await orchestrator.orch.trigger("ingest", ingest);
console.log(\`Triggering the same input and settings again: \${again.status} run \${again.run.run_id}, nothing redone.\`);
await orchestrator.close();
`),
    md(`
### Failures, retries and cost, for free: the simulated model

The LLM path is where production pipelines fail: rate limits (HTTP 429 with \`retry-after\`), server errors,
timeouts, malformed answers. The workbook ships an OpenAI-compatible **simulated model** (a local HTTP server that
answers from the ground truth and reports realistic token usage). Here it runs in a child process and injects
faults into a fraction of requests; the real OpenAI SDK talks to it. Watch the retries: every failed request is
retried with exponential backoff and jitter (honouring \`retry-after\`), and every row ends loaded or quarantined.
`),
    code(`
const sim = await wb.startSimulatedModelProcess(40, { faults: ["server_error=0.15", "rate_limit=0.1"] });
const llmConfig = wb.loadConfig({ overrides: { PGLITE_DIR: "memory://", LLM_PROVIDER: "openai",
  OPENAI_API_KEY: "simulated-key", OPENAI_BASE_URL: sim.baseURL, OPENAI_MODEL: sim.modelId } });
const llmEvents = new wb.PipelineEvents();
let retries = 0;
llmEvents.on("llm:retry", () => { retries += 1; });
const ledger = new wb.RunLedger(db, { env: config.appEnv, dag: "pipeline", trigger: "manual" });
ledger.attach(llmEvents);
new wb.ProgressReporter().attach(llmEvents);
const llmForecast = await wb.forecastLlmRun(plays, llmConfig, db);
const llmRun = await wb.runPipeline({ config: llmConfig, db: db, events: llmEvents, rows: ROWS, provider: "openai", maxCostUsd: BUDGET_USD });
await ledger.flush();
await sim.close();
console.log(\`\${llmRun.rowsIn} rows in = \${llmRun.plays.length} loaded + \${llmRun.quarantine.length} quarantined; \${llmRun.llm.requests} requests (\${retries} retried after an injected fault), \${llmRun.llm.tokensIn.toLocaleString()} tokens in, $\${llmRun.llm.costUsd.toFixed(4)} at \${sim.modelId} prices\`);
`),
    md(`
### A provider outage: task retries, a failed run, and a resume

One bad answer is that row's problem: the row is quarantined and its neighbours load. A batch with **no** answer
at all is an outage, so the extract task fails and the orchestrator retries it (3 attempts, exponential backoff).
When the attempts run out the run is marked failed, with the reason. Here the simulated model answers every
request with HTTP 500; then it comes back (on the same address) and \`resume\` continues the run from what did not
finish: \`load_csv\`, which succeeded, is not redone.
`),
    code(`
const port = await wb.freePort();
const downModel = await wb.startSimulatedModelProcess(20, { faults: ["server_error=1"], port: port });
// Another model name than the run above, so the response cache cannot answer for it.
const outageConfig = wb.loadConfig({ overrides: { PGLITE_DIR: "memory://", LLM_PROVIDER: "openai",
  OPENAI_API_KEY: "simulated-key", OPENAI_BASE_URL: downModel.baseURL, OPENAI_MODEL: "gpt-4o-mini", LLM_MAX_RETRIES: "1" } });
const outage = await wb.openOrchestrator(outageConfig, { db: db });
const outageRun = await outage.orch.trigger("ingest", { inputPath: wb.defaultInput(outageConfig), params: { ...wb.ingestParams(outageConfig, { rows: ROWS || 40, batchRows: 5 }) } });
const failedRun = await outage.orch.waitForRun(outageRun.run.run_id);
console.log(\`run \${failedRun.state}: \${failedRun.error}\`);
await downModel.close();
const upModel = await wb.startSimulatedModelProcess(20, { port: port });
await outage.orch.resume(failedRun.run_id);
const resumedRun = await outage.orch.waitForRun(failedRun.run_id);
console.log(wb.formatRunStatus(resumedRun, await wb.listTasks(db, resumedRun.run_id)));
await wb.showChart(wb.taskTimelineChart(await wb.readTaskSpans(db, resumedRun.run_id), { title: "The outage run: retried and failed attempts, then the resume" }));
await upModel.close();
await outage.close();
`),
    md(TEXT.monitoring),
    code(`
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
console.log(\`alert rules evaluated for \${llmRun.runId}: \${evaluated.fired.length} fired, \${evaluated.resolved.length} resolved\`);
`),
    md(TEXT.environments),
    code(`
// Each profile, as start-up would parse it (a local webhook URL stands in for staging's and prod's Slack hook).
const profiles = wb.APP_ENVS.map((env) => wb.describeConfig(wb.loadConfig({ env: { APP_ENV: env, ALERT_WEBHOOK_URL: "http://127.0.0.1:9/hook" }, loadDotenv: false })));
wb.showTable(profiles, { columns: ["environment", "schema", "budget_usd", "schedule", "alerts", "provider"], title: "dev, staging and prod profiles" });
for (const bad of [{ APP_ENV: "qa" }, { MAX_COST_USD: "-1" }, { APP_ENV: "prod" }]) {
  try { wb.loadConfig({ env: bad, loadDotenv: false }); } catch (e) { console.log(\`\${JSON.stringify(bad)} → \${(e as Error).message}\`); }
}
`),
    code(`
// Blue-green: publish this run as a new version of the stable view \`published_plays\`, then roll back.
const release = new wb.BlueGreenRelease(db, { actor: "guide notebook" });
const firstRelease = await release.publish(validation.valid.slice(0, Math.ceil(validation.valid.length / 2)).map((p) => ({ ...p, run_id: runId })), { runId: runId, reason: "first half of the game" });
const secondRelease = await release.publish(validation.valid.map((p) => ({ ...p, run_id: runId })), { runId: runId, reason: "whole game" });
const [live] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM published_plays");
await release.rollback("demo: roll back to the previous version");
const [rolledBack] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM published_plays");
console.log(\`published_plays: version \${secondRelease.version} had \${live.n} rows; after rollback it shows version \${firstRelease.version} with \${rolledBack.n} rows\`);
const canary = await wb.runCanary(db, plays, { current: wb.EXTRACTOR_VERSIONS["rules-v1"](config), candidate: wb.EXTRACTOR_VERSIONS["rules-grammar-only"](config), sampleSize: Math.min(50, plays.length), actor: "guide notebook" });
console.log(canary.promoted ? \`canary promoted \${canary.candidate.id}\` : \`canary rejected \${canary.candidate.id}: \${canary.reasons.join("; ")}\`);
wb.showTable(await wb.readReleaseLog(db, { limit: 8 }), { columns: ["at", "target", "action", "from_version", "to_version", "actor", "reason"], title: "Release log, newest first: every switch, promotion and rollback" });
await db.close();
`),
    md(`
## Where to go next

- \`9_lab.ipynb\`: six exercises with checks that say pass or fail.
- The CLI runs the same code: \`npm start -- trigger\`, \`status\`, \`runs\`, \`resume <run>\`, \`worker\`, \`schedule\`,
  \`watch <folder>\`, \`health\`, \`alerts\`, \`release\`, \`canary\` (\`npm start -- help\`).
- With \`DATABASE_URL\` set, start \`npm start -- worker\` on as many machines as share the database: they share the tasks.
`),
  ];
}
