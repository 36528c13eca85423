import { parseArgs } from "node:util";
import { loadConfig } from "../config";
import { PipelineError, toError } from "../errors";
import { runCommand } from "./run-command";

const HELP = `Usage: npm start -- [command] [options]

Commands:
  run (default)            run the whole pipeline in this process
      --rows N             only the first N plays (default: all)
      --input FILE         a CSV with a playbyplay column (default: data/playbyplay.csv)
      --provider NAME      offline | openai (default: openai when OPENAI_API_KEY is set)
      --max-cost USD       stop before spending more than this on LLM calls
  help                     this text
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      rows: { type: "string" },
      input: { type: "string" },
      provider: { type: "string" },
      "max-cost": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const command = positionals[0] ?? "run";
  if (values.help || command === "help") {
    console.log(HELP);
    return 0;
  }
  const config = loadConfig();
  switch (command) {
    case "run":
      return runCommand(config, values);
    default:
      console.error(`Unknown command "${command}".\n\n${HELP}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    const err = toError(e);
    // Expected failures get one clear line; anything else keeps its stack for debugging.
    console.error(err instanceof PipelineError || err.name === "TypeError" && /parseArgs|Unknown option/.test(err.message) ? `Error: ${err.message}` : err.stack ?? err.message);
    process.exit(1);
  },
);
