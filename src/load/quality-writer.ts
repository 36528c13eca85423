import type { QualityReport } from "../validate/quality-report";
import type { Queryable } from "../db/database";
import { valuesPlaceholders } from "./sql-batches";

/** One row of `quality_results`. */
export interface QualityResultRow {
  run_id: string;
  check_name: string;
  passed: number;
  failed: number;
  skipped: number;
}

/**
 * Store a run's quality report, one row per check; writing the same run again replaces its numbers.
 * @example await writeQualityReport(db, runId, validation.report);
 */
export async function writeQualityReport(db: Queryable, runId: string, report: QualityReport): Promise<number> {
  if (report.checks.length === 0) return 0;
  const params = report.checks.flatMap((c) => [runId, c.check, c.passed, c.failed, c.skipped]);
  await db.query(
    `INSERT INTO quality_results (run_id, check_name, passed, failed, skipped)
     VALUES ${valuesPlaceholders(report.checks.length, 5)}
     ON CONFLICT (run_id, check_name) DO UPDATE
       SET passed = EXCLUDED.passed, failed = EXCLUDED.failed, skipped = EXCLUDED.skipped, recorded_at = now()`,
    params,
  );
  return report.checks.length;
}

/** The stored quality report of a run, ordered by check name. */
export function readQualityResults(db: Queryable, runId: string): Promise<QualityResultRow[]> {
  return db.query<QualityResultRow>(
    `SELECT run_id, check_name, passed::int AS passed, failed::int AS failed, skipped::int AS skipped
     FROM quality_results WHERE run_id = $1 ORDER BY check_name`,
    [runId],
  );
}
