import path from "node:path";
import type { Config } from "../config";
import { describeConfig } from "../config";
import { OptionsError } from "../errors";
import { PipelineEvents } from "../events";
import { openDatabaseFromConfig } from "../db/database";
import { migrate } from "../load/migrator";
import { createAlertManager } from "../monitor/alerts/index";
import { ProgressReporter } from "../monitor/progress";
import { formatSummary } from "../pipeline/summary";
import { exitCodeFor } from "../pipeline/exit-codes";
import { runPipeline } from "../pipeline/run-pipeline";
import { readCurrentExtractor, type CurrentExtractor } from "../release/extractor-versions";
import { parseRowsOption } from "./row-option";

export interface RunArgs {
  rows?: string;
  input?: string;
  provider?: string;
  "max-cost"?: string;
}

/** `npm start -- [--rows N] [--input file.csv] [--provider offline|openai] [--max-cost 1.00]`; resolves to the exit code (see `EXIT_CODES`). */
export async function runCommand(config: Config, args: RunArgs): Promise<number> {
  const rows = parseRowsOption(args.rows);
  const provider = args.provider;
  if (provider !== undefined && provider !== "offline" && provider !== "openai") throw new OptionsError("--provider", "offline or openai", provider);
  if (provider === "openai" && !config.llm.apiKey) throw new OptionsError("--provider", "offline unless OPENAI_API_KEY is set", provider);
  const maxCostUsd = args["max-cost"] === undefined ? undefined : Number(args["max-cost"]);
  if (maxCostUsd !== undefined && !(maxCostUsd > 0)) throw new OptionsError("--max-cost", "a positive number of US dollars", args["max-cost"]);

  const setup = describeConfig(config);
  const shownProvider = provider === undefined ? setup.provider : provider === "openai" ? `openai (${config.llm.model})` : "offline (rule-based, no network)";
  console.log(`Provider: ${shownProvider}   OPENAI_API_KEY: ${setup.OPENAI_API_KEY}   Database: ${setup.database}   Environment: ${setup.environment}`);
  const events = new PipelineEvents();
  // Step lines go through the progress display, so on a terminal they print above the bar, not glued onto it.
  const progress = new ProgressReporter();
  const db = await openDatabaseFromConfig(config);
  try {
    await migrate(db, path.join(config.projectRoot, "migrations"));
    // The extractor a canary promoted is the one this run uses (offline provider), and the run says so.
    const extractor = await readCurrentExtractor(db, config);
    const offline = (provider ?? config.llm.provider) === "offline";
    console.log(extractorLine(extractor, offline));
    // The executor records the run in the ledger itself; progress and alerts subscribe to its events.
    progress.attach(events);
    events.on("task:success", (e) => progress.log(`  ✓ ${e.task.padEnd(14)} ${String(e.durationMs).padStart(6)} ms`));
    const alerts = createAlertManager(db, config, { events });
    alerts.attach(events);
    const result = await runPipeline({ config, rows, input: args.input, provider, maxCostUsd, events, db, extract: offline ? extractor.version.extract : undefined }).catch(async (e: unknown) => {
      // Let the alerts on the failed run finish before the database closes (best effort: the database may be what failed).
      await alerts.settled().catch(() => undefined);
      throw e;
    });
    await alerts.settled();
    console.log(`\n${formatSummary(result)}`);
    // 0 only when the run loaded what it should: 3 when the quality gate held rows, 4 when the budget stopped it.
    return exitCodeFor(result.outcome);
  } finally {
    await db.close();
  }
}

/** `Extractor: rules-v2 (promoted by a canary 2026-12-01 08:55Z, replacing rules-v1)`, or the default's line. */
function extractorLine(current: CurrentExtractor, offline: boolean): string {
  const { version, promotedAt, previous } = current;
  const origin = promotedAt ? `promoted by a canary ${promotedAt.toISOString().slice(0, 16).replace("T", " ")}Z${previous ? `, replacing ${previous}` : ""}` : "default; no canary promoted";
  return offline ? `Extractor: ${version.id} (${origin})` : `Extractor: the LLM (provider openai); the offline extractor ${version.id} (${origin}) is not used`;
}
