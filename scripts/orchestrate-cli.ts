/**
 * Temporary entry for the orchestrator commands until src/cli/main.ts routes them:
 *   tsx scripts/orchestrate-cli.ts trigger --rows 50
 */
import { parseArgs } from "node:util";
import * as commands from "../src/cli/orchestrate-commands";
import { loadConfig } from "../src/config";
import { toError } from "../src/errors";

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: {
    rows: { type: "string" }, input: { type: "string" }, "batch-rows": { type: "string" }, provider: { type: "string" },
    limit: { type: "string" }, force: { type: "boolean" }, detach: { type: "boolean" }, remove: { type: "boolean" },
  },
});
const [name, ...rest] = positionals;
const handlers: Record<string, typeof commands.trigger> = {
  trigger: commands.trigger, status: commands.status, runs: commands.runs, resume: commands.resume,
  worker: commands.worker, schedule: commands.schedule, watch: commands.watch,
};
const handler = handlers[name ?? ""];
if (!handler) {
  console.error(`Usage: orchestrate-cli <${Object.keys(handlers).join("|")}> [options]`);
  process.exit(2);
}
handler({ values, positionals: rest }, loadConfig()).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`Error: ${toError(e).message}`);
    process.exit(1);
  },
);
