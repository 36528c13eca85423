import path from "node:path";
import type { Config } from "../config";
import type { PipelineEvents } from "../events";
import { openDatabaseFromConfig, type Database } from "../db/database";
import { migrate } from "../load/migrator";
import type { BossOptions } from "./boss";
import { gameReportDag } from "./game-report-dag";
import { Orchestrator } from "./orchestrator";
import { workbookDag, type WorkbookDagOptions } from "./workbook-dag";

export interface OpenOrchestratorOptions {
  /** An open database to use (left open by `close`); default: open the configured one. */
  db?: Database;
  events?: PipelineEvents;
  /** Work the queues in this process. Default true. */
  work?: boolean;
  boss?: BossOptions;
  /**
   * Options of the `ingest` DAG, e.g. its task retries: a notebook showing an outage passes
   * `{ retry: { llm: { attempts: 2, delaySeconds: 0, backoff: false } } }` so a retry does not wait seconds.
   */
  ingest?: WorkbookDagOptions;
}

export interface OpenedOrchestrator {
  orch: Orchestrator;
  db: Database;
  /** Stop the workers and pg-boss, and close the database if this call opened it. */
  close(): Promise<void>;
}

/**
 * The workbook's orchestrator, ready to go: the configured database (PGlite in the notebook, the
 * server for workers), migrated, pg-boss started on it, the `ingest` and `game_report` DAGs
 * registered and, by default, their queues worked in this process.
 *
 * @example
 * const { orch, close } = await openOrchestrator(config);
 * const { run } = await orch.trigger("ingest", { inputPath: defaultInput(config), params: { ...ingestParams(config, { rows: 50 }) } });
 * await orch.waitForRun(run.run_id);
 * await close();
 */
export async function openOrchestrator(config: Config, options: OpenOrchestratorOptions = {}): Promise<OpenedOrchestrator> {
  const db = options.db ?? (await openDatabaseFromConfig(config));
  try {
    await migrate(db, path.join(config.projectRoot, "migrations"));
    const boss: BossOptions = {
      onError: config.logLevel === "debug" ? (e) => console.error(`pg-boss: ${e.message}`) : undefined,
      recoverySeconds: config.workers.recoverySeconds,
      ...options.boss,
    };
    const orch = await Orchestrator.start({ db, dags: [workbookDag(config, options.ingest), gameReportDag()], env: config.appEnv, events: options.events, boss });
    if (options.work !== false) await orch.work();
    return {
      orch,
      db,
      async close() {
        await orch.stop();
        if (!options.db) await db.close();
      },
    };
  } catch (e) {
    if (!options.db) await db.close().catch(() => undefined);
    throw e;
  }
}
