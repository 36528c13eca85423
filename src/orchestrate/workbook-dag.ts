import type { Config } from "../config";
import type { Extraction, RawPlay } from "../domain/index";
import { dag, type Dag } from "./dag";
import type { RetryPolicy } from "./retry-policy";
import { alertTask, loadTask, quarantineReportTask, summarizeTask } from "./workbook-gate-tasks";
import { ingestKey } from "./workbook-params";
import { analyzePlaysTask, extractTask, loadCsvTask, mapCanonicalTask, reuseCacheTask, validateTask } from "./workbook-tasks";
import { get } from "./task-outputs";
import { INGEST } from "./workbook-outputs";

/** Retries for steps that call a model: a provider hiccup is worth waiting for. */
export const LLM_TASK_RETRY = { attempts: 3, delaySeconds: 2, backoff: true, maxDelaySeconds: 30, timeoutSeconds: 900 } as const;
/** Retries for local steps: a second try covers a lost connection, more would repeat a bug. */
export const LOCAL_TASK_RETRY = { attempts: 2, delaySeconds: 1, backoff: true, maxDelaySeconds: 5, timeoutSeconds: 300 } as const;

export interface WorkbookDagOptions {
  /**
   * Retry policies of the tasks, over the defaults: `llm` for the tasks that call a model
   * (`extract`, `reuse_cache`, `map_canonical`; default `LLM_TASK_RETRY`: 3 attempts, 2 s doubling),
   * `local` for the others (default `LOCAL_TASK_RETRY`: 2 attempts, 1 s). E.g. a notebook showing an
   * outage without waiting: `{ retry: { llm: { attempts: 2, delaySeconds: 0, backoff: false } } }`.
   */
  retry?: { llm?: Partial<RetryPolicy>; local?: Partial<RetryPolicy> };
  /** The offline extractor (e.g. the one a canary promoted). Default: the rule extractor with the run's roster. */
  extract?: (plays: RawPlay[]) => Map<string, Extraction>;
  /**
   * A provider's retry-after over `LLM_RETRY_AFTER_MAX_S`: `throw` fails the extract task with the
   * wait, so pg-boss reschedules it after (default); `stop` quarantines the rows not reached with the
   * reason and ends the run as stopped (exit 4), for a run in one process that should not sit waiting.
   */
  onLongWait?: "throw" | "stop";
}

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
