import { dag, type Dag } from "./dag";
import type { TaskContext } from "./task-context";

interface InningLine {
  /** null: plays whose commentary did not say the inning. */
  inning: number | null;
  half: string;
  plays: number;
  key_moments: number;
  max_excitement: number;
}

/**
 * The downstream DAG: whenever an `ingest` run succeeds, pg-boss publish/subscribe starts a
 * `game_report` run for it (`params.upstreamRunId`). It reads only the plays that run loaded.
 *
 *   innings → report
 */
export function gameReportDag(upstream = "ingest"): Dag {
  return dag("game_report")
    .triggeredBy(upstream)
    .task("innings", inningsTask, { retry: { attempts: 2, delaySeconds: 1 } })
    .task("report", reportTask, { after: ["innings"], retry: { attempts: 2, delaySeconds: 1 } });
}

async function inningsTask(ctx: TaskContext): Promise<void> {
  const upstreamRunId = String(ctx.params.upstreamRunId ?? "");
  const lines = await ctx.db.query<InningLine>(
    `SELECT inning_number AS inning, inning_half AS half, count(*)::int AS plays,
            count(*) FILTER (WHERE key_moment)::int AS key_moments, max(excitement)::int AS max_excitement
       FROM plays WHERE run_id = $1
      GROUP BY inning_number, inning_half
      ORDER BY inning_number NULLS LAST, CASE inning_half WHEN 'Top' THEN 0 WHEN 'Bottom' THEN 1 ELSE 2 END`,
    [upstreamRunId],
  );
  await ctx.put("innings", lines);
  ctx.record({ rowsOut: lines.length });
}

async function reportTask(ctx: TaskContext): Promise<void> {
  const upstreamRunId = String(ctx.params.upstreamRunId ?? "");
  const innings = (await ctx.get<InningLine[]>("innings", "innings")) ?? [];
  const plays = innings.reduce((n, l) => n + l.plays, 0);
  const hottest = [...innings].sort((a, b) => b.max_excitement - a.max_excitement || b.key_moments - a.key_moments)[0];
  const report = { innings, plays, keyMoments: innings.reduce((n, l) => n + l.key_moments, 0), hottest: hottest ?? null };
  await ctx.db.query(
    `INSERT INTO game_reports (run_id, upstream_run_id, plays, report) VALUES ($1, $2, $3, $4::jsonb)
     ON CONFLICT (run_id) DO UPDATE SET plays = EXCLUDED.plays, report = EXCLUDED.report, created_at = now()`,
    [ctx.runId, upstreamRunId, plays, JSON.stringify(report)],
  );
  ctx.record({ rowsIn: plays, rowsOut: 1 });
  ctx.recordRun({ rowsIn: plays, rowsLoaded: 1 });
}
