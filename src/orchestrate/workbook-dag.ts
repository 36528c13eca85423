import type { Config } from "../config";
import { dag, type Dag } from "./dag";
import { alertTask, loadTask, quarantineReportTask, summarizeTask } from "./workbook-gate-tasks";
import { ingestKey, type WorkbookDagOptions } from "./workbook-params";
import { analyzePlaysTask, extractTask, loadCsvTask, mapCanonicalTask, reuseCacheTask, validateTask } from "./workbook-tasks";
import { get } from "./task-outputs";
import { INGEST } from "./workbook-outputs";

/** Retries for steps that call a model: a provider hiccup is worth waiting for. */
export const LLM_TASK_RETRY = { attempts: 3, delaySeconds: 2, backoff: true, maxDelaySeconds: 30, timeoutSeconds: 900 } as const;
/** Retries for local steps: a second try covers a lost connection, more would repeat a bug. */
export const LOCAL_TASK_RETRY = { attempts: 2, delaySeconds: 1, backoff: true, maxDelaySeconds: 5, timeoutSeconds: 300 } as const;

export type { WorkbookDagOptions };

/**
 * The workbook's pipeline as a DAG named `ingest`, declared from the steps of `src/pipeline/steps/`
 * (read, extract, map, analyze, validate + gate, load, summarize). The same DAG runs on pg-boss
 * (`Orchestrator`, `npm start -- trigger`) and in this process (`runDagInProcess`, `npm start`):
 *
 *   load_csv ─┬─ extract[0..n)  (fan-out: one task per `batchRows` plays) ─┬─ map_canonical → analyze_plays → validate ─┬─ load ──────────────────────┬─ summarize
 *             └─ reuse_cache    (when the response cache covers every row) ─┘                      (quality gate)         └─ quarantine_report → alert ─┘
 *
 * Tasks hand typed values over (`INGEST` in workbook-outputs.ts); the run key hashes the input's
 * content, the reference tables and every parameter (see `ingestParams`).
 *
 * @example
 * const orch = await Orchestrator.start({ db, dags: [workbookDag(config), gameReportDag()] });
 * await orch.work();
 * const { run } = await orch.trigger("ingest", { inputPath: defaultInput(config), params: { ...ingestParams(config) } });
 */
export function workbookDag(config: Config, options: WorkbookDagOptions = {}): Dag {
  const llmRetry = { ...LLM_TASK_RETRY, ...options.retry?.llm };
  const localRetry = { ...LOCAL_TASK_RETRY, ...options.retry?.local };
  return dag("ingest")
    .keyedBy(ingestKey)
    .task("load_csv", (ctx) => loadCsvTask(ctx, config), { branches: ["extract", "reuse_cache"], retry: localRetry })
    .task("extract", (ctx) => extractTask(ctx, config, options), {
      after: ["load_csv"],
      fanOut: async (ctx) => Math.ceil(((await get(ctx, INGEST.plays)) ?? []).length / Number(ctx.params.batchRows)),
      retry: llmRetry,
      concurrency: 2,
    })
    .task("reuse_cache", (ctx) => reuseCacheTask(ctx, config, options), { after: ["load_csv"], retry: llmRetry })
    .task("map_canonical", (ctx) => mapCanonicalTask(ctx, config), { after: ["extract", "reuse_cache"], trigger: "none_failed", retry: llmRetry })
    .task("analyze_plays", analyzePlaysTask, { after: ["map_canonical"], retry: localRetry })
    .task("validate", validateTask, { after: ["analyze_plays"], branches: ["load", "quarantine_report"], retry: localRetry })
    .task("load", loadTask, { after: ["validate"], retry: localRetry })
    .task("quarantine_report", quarantineReportTask, { after: ["validate"], retry: localRetry })
    .task("alert", alertTask, { after: ["quarantine_report"], retry: localRetry })
    .task("summarize", summarizeTask, { after: ["load", "alert"], trigger: "none_failed", retry: localRetry });
}
