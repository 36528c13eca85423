import type { QualityReport, QualityWarning } from "../validate/quality-report";
import type { Queryable } from "../db/database";
import { chunk } from "../util/chunk";
import { valuesPlaceholders } from "./sql-batches";

/** One row of `quality_results`. */
export interface QualityResultRow {
  run_id: string;
  check_name: string;
  passed: number;
  failed: number;
  skipped: number;
  /** Rows the check flagged with a warning without failing them (`game_state`). */
  warned: number;
}

/**
 * Store a run's quality report, one row per check, and its warnings (`quality_warnings`, one row per finding);
 * writing the same run again replaces its numbers and its warnings.
 * @example await writeQualityReport(db, runId, validation.report);
 */
export async function writeQualityReport(db: Queryable, runId: string, report: QualityReport): Promise<number> {
  if (report.checks.length === 0) return 0;
  const params = report.checks.flatMap((c) => [runId, c.check, c.passed, c.failed, c.skipped, c.warned ?? 0]);
  await db.query(
    `INSERT INTO quality_results (run_id, check_name, passed, failed, skipped, warned)
     VALUES ${valuesPlaceholders(report.checks.length, 6)}
     ON CONFLICT (run_id, check_name) DO UPDATE
       SET passed = EXCLUDED.passed, failed = EXCLUDED.failed, skipped = EXCLUDED.skipped, warned = EXCLUDED.warned, recorded_at = now()`,
    params,
  );
  await db.query(`DELETE FROM quality_warnings WHERE run_id = $1`, [runId]);
  // Warnings travel as one JSON parameter per 10,000 (as the plays do), not five bound parameters each.
  for (const batch of chunk(report.warnings ?? [], 10_000)) {
    await db.query(
      `INSERT INTO quality_warnings (run_id, play_id, check_name, field, message)
       SELECT $1, play_id, check_name, field, message FROM json_to_recordset($2::json) AS w(play_id integer, check_name text, field text, message text)`,
      [runId, JSON.stringify(batch.map((w) => ({ play_id: w.play_id, check_name: w.check, field: w.field ?? null, message: w.message })))],
    );
  }
  return report.checks.length;
}

/** The stored quality report of a run, ordered by check name. */
export function readQualityResults(db: Queryable, runId: string): Promise<QualityResultRow[]> {
  return db.query<QualityResultRow>(
    `SELECT run_id, check_name, passed::int AS passed, failed::int AS failed, skipped::int AS skipped, warned::int AS warned
     FROM quality_results WHERE run_id = $1 ORDER BY check_name`,
    [runId],
  );
}

/** The warnings stored with a run's quality report, in row order. */
export async function readQualityWarnings(db: Queryable, runId: string): Promise<QualityWarning[]> {
  const rows = await db.query<{ check: QualityWarning["check"]; play_id: number; field: string | null; message: string }>(
    `SELECT check_name AS check, play_id, field, message FROM quality_warnings WHERE run_id = $1 ORDER BY play_id, check_name, field`,
    [runId],
  );
  return rows.map(({ field, ...w }) => (field === null ? w : { ...w, field }));
}
