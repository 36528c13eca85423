import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "../config";
import { OptionsError } from "../errors";
import type { Extraction, RawPlay } from "../domain/index";
import { stableJson } from "./dag";
import { dropUndefined } from "../util/defined";
import type { RetryPolicy } from "./retry-policy";

/** What an `ingest` run is asked to do. Everything here is part of the run key. */
export interface IngestParams {
  /** First N plays only (0 = all). Default `config.rowLimit`. */
  rows: number;
  provider: "offline" | "openai";
  /** Model, for the OpenAI provider (part of the key: another model gives other answers). */
  model: string | null;
  /** Plays per extract task: the fan-out is ceil(plays / batchRows). Default 100. */
  batchRows: number;
  /** Spending cap of the run in USD, shared evenly by the extract tasks. Default `config.llm.maxCostUsd`. */
  maxCostUsd: number;
  /** Quality gate: above this share of quarantined rows nothing loads. Default `config.alerts.qualityMaxFailedRate` (ALERT_QUALITY_MAX_FAILED_RATE). */
  maxQuarantineRate: number;
  /** Folder with the reference tables (`--references`, REFERENCES_DIR). Default `config.referencesDir`. */
  referencesDir: string;
}

/** Fill in an ingest run's parameters from the config, checking each override. */
export function ingestParams(config: Config, overrides: Partial<IngestParams> = {}): IngestParams {
  const p: IngestParams = {
    rows: config.rowLimit,
    provider: config.llm.provider,
    model: null,
    batchRows: 100,
    maxCostUsd: config.llm.maxCostUsd,
    maxQuarantineRate: config.alerts.qualityMaxFailedRate,
    referencesDir: config.referencesDir,
    ...dropUndefined(overrides),
  };
  if (!Number.isInteger(p.rows) || p.rows < 0) throw new OptionsError("rows", "an integer ≥ 0", p.rows);
  if (p.provider !== "offline" && p.provider !== "openai") throw new OptionsError("provider", "offline or openai", p.provider);
  if (!Number.isInteger(p.batchRows) || p.batchRows < 1) throw new OptionsError("batchRows", "an integer ≥ 1", p.batchRows);
  if (!(p.maxCostUsd > 0)) throw new OptionsError("maxCostUsd", "a number > 0", p.maxCostUsd);
  if (!(p.maxQuarantineRate >= 0 && p.maxQuarantineRate <= 1)) throw new OptionsError("maxQuarantineRate", "a number from 0 to 1", p.maxQuarantineRate);
  p.model = p.provider === "openai" ? p.model ?? config.llm.model : null;
  return p;
}

/** The default input file of the workbook. */
export function defaultInput(config: Config): string {
  return path.join(config.dataDir, "playbyplay.csv");
}

/**
 * Run key material of an ingest run: the input's content hash and every parameter that changes
 * the result (not the file's path: the same bytes elsewhere are the same work).
 */
export function ingestKey(params: Record<string, unknown>, inputPath: string | null): string {
  const content = inputPath ? createHash("sha256").update(readFileSync(inputPath)).digest("hex") : "no-input";
  const refs = ["pitchers.csv", "batters.csv", "pitch_types.csv"].map((f) => {
    try {
      return createHash("sha256").update(readFileSync(path.join(String(params.referencesDir ?? params.dataDir), f))).digest("hex").slice(0, 16);
    } catch {
      return "missing";
    }
  });
  // The tables' content is in the key, not their folder (the same tables elsewhere are the same work).
  const { referencesDir: _folder, dataDir: _legacy, ...rest } = params;
  return stableJson({ content, refs, params: rest });
}

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
