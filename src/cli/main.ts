import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config";
import { PipelineError, toError } from "../errors";
import { EXIT_CODES_HELP } from "../pipeline/exit-codes";
import { readReferenceTables } from "../extract/reference-reader";
import { HELD_HELP, OPS_HELP } from "./help-texts";

const HELP = `Usage: npm start -- [command] [options]

Pipeline (in this process):
  run (default)            run the whole pipeline and print a summary
      --rows N|all         only the first N plays (N ≥ 1), or all of them (default: all)
      --input FILE         a CSV with a playbyplay column (default: data/playbyplay.csv)
      --provider NAME      offline | openai (default: openai when OPENAI_API_KEY is set)
      --max-cost USD       stop before spending more than this on LLM calls
      --references DIR     reference tables of your own game (default: REFERENCES_DIR, else data/)
      --batch              openai: extract through the Batch API, at half price (LLM_BATCH_API=on)
      --no-cascade         openai: send every row to the model, not only those the rules cannot settle (LLM_CASCADE=off)
  roster --input FILE --out DIR [--force] [--provider NAME] [--max-cost USD]
                           propose reference tables (pitchers, batters, teams) from a game's commentary, for review
                           (offline by rules; openai: the rules, then one request over the distinct names)

Orchestration (the DAG on pg-boss):
  trigger [--rows N|all] [--input FILE] [--batch-rows N] [--provider NAME] [--force] [--detach]
                           start (or find) the ingest run for this input and settings
  status [RUN]             tasks of a run with state, attempts, duration, rows (default: the latest ingest run)
  runs [--limit N]         recent runs
  resume RUN               continue a failed or killed run from what did not finish
  worker                   work the queues (run several, on several machines, against one server)
  schedule [--remove]      register the environment's cron schedule (SCHEDULE_CRON, SCHEDULE_TZ)
  watch FOLDER             start a run for every complete .csv dropped into FOLDER

${OPS_HELP}
${HELD_HELP}

  help                     this text

${EXIT_CODES_HELP}
`;

// Each command's module is loaded when that command runs: `npm start` does not load pg-boss, the OpenAI SDK
// or the release tooling it does not use.
const ORCHESTRATE = ["trigger", "status", "runs", "resume", "worker", "schedule", "watch"] as const;
const OPS = ["health", "alerts", "release", "canary"] as const;
const VALUE_OPTIONS = new Set(["--rows", "--input", "--provider", "--max-cost", "--batch-rows", "--limit", "--references", "--out"]);

/** parseArgs reads `--rows -3` as an ambiguous option: join it as `--rows=-3` so our own check can name it. */
function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (const a of argv) {
    const prev = out[out.length - 1];
    if (prev !== undefined && VALUE_OPTIONS.has(prev) && /^-\d/.test(a)) out[out.length - 1] = `${prev}=${a}`;
    else out.push(a);
  }
  return out;
}

async function main(argv: string[]): Promise<number> {
  // The command comes first (`npm start -- trigger --rows 5`); with options only, it is `run`.
  const command = argv[0] !== undefined && !argv[0].startsWith("-") ? argv[0] : "run";
  if (command === "help" || argv.includes("--help") || argv.includes("-h")) {
    console.log(HELP);
    return 0;
  }
  if (command === "held") return (await import("./held-command")).heldCommand(loadConfig(), argv.slice(1));
  if ((OPS as readonly string[]).includes(command)) {
    return (await import("./ops-commands")).opsCommand(command as (typeof OPS)[number], loadConfig(), argv.slice(1));
  }
  const { values, positionals } = parseArgs({
    args: joinNegativeValues(argv),
    allowPositionals: true,
    strict: true,
    options: {
      rows: { type: "string" },
      input: { type: "string" },
      provider: { type: "string" },
      "max-cost": { type: "string" },
      "batch-rows": { type: "string" },
      limit: { type: "string" },
      force: { type: "boolean" },
      detach: { type: "boolean" },
      remove: { type: "boolean" },
      references: { type: "string" },
      out: { type: "string" },
      batch: { type: "boolean" },
      "no-cascade": { type: "boolean" },
    },
  });
  const loaded = loadConfig();
  const llm = { ...loaded.llm, batchApi: values.batch ? true : loaded.llm.batchApi, cascade: values["no-cascade"] ? false : loaded.llm.cascade };
  const config = { ...loaded, llm, ...(values.references ? { referencesDir: path.resolve(values.references) } : {}) };
  if (command === "roster") return (await import("./roster-command")).rosterCommand(values, readReferenceTables(config.referencesDir), config);
  if (command === "run") return (await import("./run-command")).runCommand(config, values);
  if ((ORCHESTRATE as readonly string[]).includes(command)) {
    const handler = (await import("./orchestrate-commands"))[command as (typeof ORCHESTRATE)[number]];
    return handler({ values, positionals: positionals.slice(1) }, config);
  }
  console.error(`Unknown command "${command}". ${SEE_HELP}`);
  return 2;
}

const SEE_HELP = "See npm start -- --help.";

/**
 * A mistyped command line, in our words rather than parseArgs' ("To specify a positional argument
 * starting with a '-'…"): the option it did not know, and where the list of options is. Exit code 2.
 */
function usageError(err: Error): string | undefined {
  const code = (err as { code?: string }).code;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const option = /Unknown option '([^']+)'/.exec(err.message)?.[1] ?? "";
    return `Unknown option ${option}. ${SEE_HELP}`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const option = /Option '(-[-\w]+)/.exec(err.message)?.[1];
    return option ? `Option ${option} needs a value. ${SEE_HELP}` : `${err.message} ${SEE_HELP}`;
  }
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
    const arg = /Unexpected argument '([^']+)'/.exec(err.message)?.[1] ?? "";
    return `Unexpected argument ${arg}. ${SEE_HELP}`;
  }
  return undefined;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    const err = toError(e);
    const usage = usageError(err);
    if (usage) {
      console.error(usage);
      process.exit(2);
    }
    // Expected failures get one clear line; anything else keeps its stack for debugging.
    const expected = err instanceof PipelineError || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    console.error(expected ? `Error: ${err.message}` : (err.stack ?? err.message));
    process.exit(1);
  },
);
