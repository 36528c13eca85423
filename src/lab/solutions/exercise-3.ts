import * as wb from "../../index";

/**
 * Retry a task three times with growing, jittered, capped waits, and load idempotently by
 * play_hash so a load that ran before the failure changes nothing when it runs again.
 */
export function makeRecoveryPlan(): wb.RecoveryPlan {
  return {
    retry: { attempts: 4, delaySeconds: 1, backoff: true, maxDelaySeconds: 8, timeoutSeconds: 30 },
    async load(db, rows) {
      await db.query(
        `INSERT INTO lab_loaded (play_hash, play_id, excitement)
         SELECT * FROM unnest($1::text[], $2::int[], $3::int[])
         ON CONFLICT (play_hash) DO UPDATE SET play_id = EXCLUDED.play_id, excitement = EXCLUDED.excitement`,
        [rows.map((r) => r.play_hash), rows.map((r) => r.play_id), rows.map((r) => r.excitement)],
      );
    },
  };
}
