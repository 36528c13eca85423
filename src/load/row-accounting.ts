import type { Database, Queryable } from "../db/database";
import { chunk } from "../util/chunk";

/** How a run ended, as the exit code says it: loaded (0), held by the quality gate (3), stopped by the budget (4). */
export type RunOutcome = "loaded" | "held" | "stopped";

/** One input row's identity: its position in the input and its content address. */
export interface RowKey {
  play_id: number;
  play_hash: string;
}

export interface RunAccountingInput {
  rowsIn: number;
  loaded: readonly RowKey[];
  quarantined: readonly RowKey[];
  held: readonly RowKey[];
  outcome: RunOutcome;
  cause?: string;
}

/** One row of the `run_row_accounting` view. */
export interface RunRowAccounting {
  run_id: string;
  outcome: RunOutcome;
  rows_in: number;
  loaded: number;
  quarantined: number;
  held: number;
  held_pending: number;
  balanced: boolean;
  cause: string | null;
}

/**
 * Record where each input row of the run ended (`run_rows`) and how the run ended (`run_outcomes`),
 * in one transaction, replacing what an earlier attempt of the same run wrote. A row listed twice
 * keeps its last outcome: the view then shows the run unbalanced instead of the write failing.
 */
export async function recordRunAccounting(db: Database, runId: string, input: RunAccountingInput): Promise<void> {
  const byPlay = new Map<number, [string, string]>();
  for (const [outcome, keys] of [["loaded", input.loaded], ["quarantined", input.quarantined], ["held", input.held]] as const) {
    for (const k of keys) byPlay.set(k.play_id, [k.play_hash, outcome]);
  }
  await db.transaction(async (tx) => {
    await tx.query(`DELETE FROM run_rows WHERE run_id = $1`, [runId]);
    // Rows travel as one JSON parameter per statement (as the plays do): 10,000 per statement.
    for (const batch of chunk([...byPlay], 10_000)) {
      await tx.query(
        `INSERT INTO run_rows (run_id, play_id, play_hash, outcome)
         SELECT $1, play_id, play_hash, outcome FROM json_to_recordset($2::json) AS r(play_id integer, play_hash text, outcome text)`,
        [runId, JSON.stringify(batch.map(([play_id, [play_hash, outcome]]) => ({ play_id, play_hash, outcome })))],
      );
    }
    await tx.query(
      `INSERT INTO run_outcomes (run_id, rows_in, outcome, cause) VALUES ($1, $2, $3, $4)
       ON CONFLICT (run_id) DO UPDATE SET rows_in = EXCLUDED.rows_in, outcome = EXCLUDED.outcome, cause = EXCLUDED.cause, recorded_at = now()`,
      [runId, input.rowsIn, input.outcome, input.cause ?? null],
    );
  });
}

/** The accounting of one run (`run_row_accounting`), or undefined when the run recorded none. */
export async function readRunAccounting(db: Queryable, runId: string): Promise<RunRowAccounting | undefined> {
  const [row] = await db.query<RunRowAccounting>(
    `SELECT run_id, outcome, rows_in, loaded, quarantined, held, held_pending, balanced, cause FROM run_row_accounting WHERE run_id = $1`,
    [runId],
  );
  return row;
}
