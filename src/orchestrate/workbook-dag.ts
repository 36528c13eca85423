import type { Config } from "../config";
import { dag, type Dag } from "./dag";
import { alertTask, loadTask, quarantineReportTask, summarizeTask, validateTask } from "./workbook-gate-tasks";
import { ingestKey } from "./workbook-params";
import { analyzePlaysTask, extractTask, loadCsvTask, mapCanonicalTask, reuseCacheTask } from "./workbook-tasks";

/** Retries for steps that call a model: a provider hiccup is worth waiting for. */
const LLM_RETRY = { attempts: 3, delaySeconds: 2, backoff: true, maxDelaySeconds: 30, timeoutSeconds: 900 };
/** Retries for local steps: a second try covers a lost connection, more would repeat a bug. */
const LOCAL_RETRY = { attempts: 2, delaySeconds: 1, backoff: true, maxDelaySeconds: 5, timeoutSeconds: 300 };

/**
 * The workbook's pipeline as a DAG named `ingest`:
 *
 *   load_csv ─┬─ extract[0..n)  (fan-out: one task per `batchRows` plays) ─┬─ map_canonical → analyze_plays → validate ─┬─ load ──────────────────────┬─ summarize
 *             └─ reuse_cache    (when the response cache covers every row) ─┘                      (quality gate)         └─ quarantine_report → alert ─┘
 *
 * Tasks pass plays, records and reports through `run_staging`; the run key hashes the input's
 * content, the reference tables and every parameter (see `ingestParams`).
 *
 * @example
 * const orch = await Orchestrator.start({ db, dags: [workbookDag(config), gameReportDag()] });
 * await orch.work();
 * const { run } = await orch.trigger("ingest", { inputPath: defaultInput(config), params: { ...ingestParams(config) } });
 */
export function workbookDag(config: Config): Dag {
  return dag("ingest")
    .keyedBy(ingestKey)
    .task("load_csv", (ctx) => loadCsvTask(ctx, config), { branches: ["extract", "reuse_cache"], retry: LOCAL_RETRY })
    .task("extract", (ctx) => extractTask(ctx, config), {
      after: ["load_csv"],
      fanOut: async (ctx) => Math.ceil(((await ctx.get<unknown[]>("load_csv", "plays")) ?? []).length / Number(ctx.params.batchRows)),
      retry: LLM_RETRY,
      concurrency: 2,
    })
    .task("reuse_cache", (ctx) => reuseCacheTask(ctx, config), { after: ["load_csv"], retry: LOCAL_RETRY })
    .task("map_canonical", (ctx) => mapCanonicalTask(ctx, config), { after: ["extract", "reuse_cache"], trigger: "none_failed", retry: LLM_RETRY })
    .task("analyze_plays", analyzePlaysTask, { after: ["map_canonical"], retry: LOCAL_RETRY })
    .task("validate", validateTask, { after: ["analyze_plays"], branches: ["load", "quarantine_report"], retry: LOCAL_RETRY })
    .task("load", loadTask, { after: ["validate"], retry: LOCAL_RETRY })
    .task("quarantine_report", quarantineReportTask, { after: ["validate"], retry: LOCAL_RETRY })
    .task("alert", alertTask, { after: ["quarantine_report"], retry: LOCAL_RETRY })
    .task("summarize", summarizeTask, { after: ["load", "alert"], trigger: "none_failed", retry: LOCAL_RETRY });
}
