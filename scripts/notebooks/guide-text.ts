/** Teaching text of the guides, kept apart from the code cells so both read cleanly. */
export const TEXT = {
  extraction: `
## 9.2 Structured extraction: from a paragraph to a typed record

Each commentary paragraph becomes a record with 16 fields: inning and half, outs, score, pitcher and batter,
runners on base, the count before and after the pitch, pitch type and velocity, the result, and whether the
ball was put in play. **A field the text does not give is \`null\`**: guessing is worse than admitting
ignorance, because a guessed value passes every later check and pollutes the statistics.

Two providers do this step:

- **OpenAI** (with \`OPENAI_API_KEY\`): the real SDK with *structured outputs*: the answer must match a JSON
  schema generated from the same zod schema that validates it, so the model cannot return a malformed record.
  Several plays travel in one request, and identical requests are answered from a cache in the database.
- **Offline** (the default): a deterministic rule-based parser of the language of baseball broadcasts
  (counts like "two balls and a strike" or "oh-and-two", velocities in digits or words, dozens of pitch names).
  It costs nothing, needs no network, and its accuracy against the dataset's ground truth is measured below.

Production pipelines keep such a fallback: when the API is down or the budget is spent, the pipeline still runs.
`,
  accuracy: `
### How good is the offline extractor?

The dataset comes with a **ground truth**: for every row, the fields a perfect extractor returns. Comparing
field by field tells exactly where the extractor is right. The pitch fields must reach 95%. Look at which
fields are weakest: those are where a real LLM earns its cost.
`,
  mapping: `
## 9.3–9.6 Canonical mapping: names and pitch types to reference IDs

Commentators write "Okafor", "Dante Okafor" or "the big lefty"; they call the same pitch a "four-seamer", a
"heater" or "fastball at 97". Analysis needs one ID per pitcher, per batter and per pitch type. The mapper
resolves each **distinct** name once, deterministically first (exact name, unique surname, then a small edit
distance), and says how sure it is (\`high\`, \`medium\`, \`low\`). Only what stays unresolved would go to the
LLM, in one request for all of it: that is one of the reasons this pipeline costs a fraction of the chapter's
design, which asked the model three separate questions for every row.
`,
  analysis: `
## 9.7–9.8 Play analysis: key moments and excitement

A **key moment** is a lead change, a scoring play, a home run, a strikeout with runners in scoring position or
the final out. **Excitement** (1–10) grows with the inning, a close score, runners on base and what happened.
Both follow from the game state the extractor produced, so they are computed, not asked of a model: cheaper,
repeatable and explainable.
`,
  validation: `
## Validate: schemas, data-quality checks and the quarantine

Every record crossing a step is parsed by a zod schema, then checked:

- **content**: the record says something (a row with no readable field and no baseball words is not a play);
- **domain**: each value in its range (outs 0–2, balls 0–3 before the pitch, velocity 40–110 mph, …);
- **consistency**: the count after the pitch follows from the count before it and the result;
- **referential**: every pitcher, batter and pitch type exists in the reference tables;
- **uniqueness**: no two rows share a \`play_hash\`.

A row that fails goes to the **quarantine** with its reasons, never silently away: rows in = rows loaded +
rows quarantined, always. The quality report says how many rows passed each check. And a **quality gate** watches
the whole batch: when more than 5% of the rows fail (\`ALERT_QUALITY_MAX_FAILED_RATE\`), nothing loads and an
alert fires, because a batch that bad usually means a broken input or extractor, not bad plays.
`,
  load: `
## Load into PostgreSQL

The same numbered SQL migrations run on PGlite and on a PostgreSQL server. Loads are **idempotent upserts keyed
by \`play_hash\`**, in batches, each batch in its own transaction: running the same input twice leaves the same
rows, and a load that dies half-way leaves no partial batch. Run the cell twice and compare.
`,
  analyses: `
## 9.9–9.11 The analyses

Three questions the chapter asks of the data, answered twice: as SQL views in the database (what a dashboard
would read) and as danfojs DataFrames (what a notebook user explores). A test in \`test/summarize/\` shows both
give the same numbers.
`,
  orchestration: `
## Orchestration: the pipeline as a DAG

So far each cell ran one step. In production, an **orchestrator** runs the steps as a DAG (directed acyclic graph)
of tasks: it knows their dependencies, runs what is ready, retries what fails with backoff, records every attempt,
and can resume a failed run from where it stopped. Our engine is **pg-boss**, which keeps all of its state in
PostgreSQL: it runs here on PGlite in this process, and on a shared server with workers on many machines.

The workbook's DAG: \`load_csv → extract (one task per batch of rows) → map_canonical → analyze_plays → validate →
load → summarize\`, with a \`quarantine_report\` and \`alert\` branch when the quality gate fails, and the LLM tasks
skipped when the response cache already covers every row.
`,
  monitoring: `
## Monitoring, alerts and cost

Every step emits typed events (\`task:success\`, \`llm:response\`, …). A run ledger in PostgreSQL records each run
and task: state, timings, attempts, rows, requests, tokens and cost. Health views over it give success rate,
p50/p95 durations, error rate and cost per run; alert rules fire once per run to the console or a webhook.
`,
  environments: `
## Environments and releases of the published data

\`APP_ENV=dev|staging|prod\` picks a profile (schema, model, budget, schedule, alert channels), validated at
start-up. Published data is released the way services are deployed: **blue-green** (load a new versioned table,
validate it, switch a stable view to it atomically; roll back by switching back) and **canary** (try a new
extractor on a sample first; promote it only if it is not worse).
`,
};
