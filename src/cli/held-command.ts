import path from "node:path";
import type { Config } from "../config";
import { OptionsError } from "../errors";
import { openDatabaseFromConfig } from "../db/database";
import { listHeld, loadHeld } from "../load/held-writer";
import { migrate } from "../load/migrator";
import { readRunAccounting } from "../load/row-accounting";

export { HELD_HELP } from "./help-texts";

type Print = (line: string) => void;

/** `held list` and `held load RUN`: `argv` is everything after `held`. Resolves to the exit code. */
export async function heldCommand(config: Config, argv: string[], print: Print = console.log): Promise<number> {
  const [sub = "list", runId] = argv;
  if (sub !== "list" && sub !== "load") throw new OptionsError("held", "`held list` or `held load RUN`", sub);
  if (sub === "load" && !runId) throw new OptionsError("run", "a run id: held load RUN (see `held list`)", runId);
  const db = await openDatabaseFromConfig(config);
  try {
    await migrate(db, path.join(config.projectRoot, "migrations"));
    if (sub === "list") {
      const runs = await listHeld(db);
      if (runs.length === 0) {
        print("No held rows.");
        return 0;
      }
      for (const r of runs) {
        const a = await readRunAccounting(db, r.runId);
        const rows = a ? `   rows in ${a.rows_in} = ${a.loaded} loaded + ${a.quarantined} quarantined + ${a.held} held` : "";
        print(`${r.runId}  held ${r.held}, waiting ${r.pending}  (since ${r.heldAt.toISOString().replace(/\.\d+Z$/, "Z")})${rows}`);
      }
      return 0;
    }
    const { load, released } = await loadHeld(db, runId!);
    if (released === 0) {
      print(`Run ${runId} has no held rows waiting (see \`held list\`).`);
      return 1;
    }
    print(`Loaded ${released} held row(s) of run ${runId}: new ${load.inserted}, updated ${load.updated}, unchanged ${load.unchanged}.`);
    return 0;
  } finally {
    await db.close();
  }
}
