import { fromPglite, PgBoss } from "pg-boss";
import type { Database } from "../db/database";
import { OptionsError, PipelineError } from "../errors";

export interface BossOptions {
  /** Run pg-boss's cron clock in this process (needed for `schedule`). Default true. */
  schedule?: boolean;
  /** Run pg-boss maintenance (expiry, retention) in this process. Default true. */
  supervise?: boolean;
  /** Name shown in pg-boss's instance registry, e.g. `worker`. Default `orchestrator`. */
  instanceName?: string;
  /**
   * Background errors pg-boss reports (a maintenance query that failed, a lost connection it will
   * retry). Task failures never come here: they are in the ledger. Default: ignored.
   */
  onError?: (error: Error) => void;
  /**
   * A task whose worker died (SIGKILL, a lost machine) is failed and handed to another worker
   * within about this many seconds, then retried after its retry delay. Default 30; at least 15.
   */
  recoverySeconds?: number;
}

/**
 * How `recoverySeconds` splits into pg-boss settings: workers touch each job's heartbeat every
 * `heartbeatSeconds / 2`; a supervisor pass every `superviseSeconds` fails a job whose heartbeat is
 * older than `heartbeatSeconds` (pg-boss's minimum is 10). Detection takes at most their sum.
 */
export function recoveryTimings(recoverySeconds = 30): { heartbeatSeconds: number; superviseSeconds: number } {
  if (!Number.isInteger(recoverySeconds) || recoverySeconds < 15) throw new OptionsError("recoverySeconds", "an integer ≥ 15", recoverySeconds);
  const heartbeatSeconds = Math.max(10, Math.round((recoverySeconds * 2) / 3));
  return { heartbeatSeconds, superviseSeconds: recoverySeconds - heartbeatSeconds };
}

/** The heartbeat each queue gets (set by `ensureQueues`), per started pg-boss. */
const heartbeats = new WeakMap<PgBoss, number>();
export function heartbeatSecondsOf(boss: PgBoss): number {
  return heartbeats.get(boss) ?? recoveryTimings().heartbeatSeconds;
}

/** pg-boss keeps its tables in a schema of its own, one per workbook schema (environment). */
export function bossSchemaFor(db: Database): string {
  return db.schema === "public" ? "pgboss" : `pgboss_${db.schema}`;
}

/**
 * Start pg-boss on the same database as the pipeline. On PGlite it runs over the very same
 * embedded instance through pg-boss's PGlite adapter (one process, nothing to set up); on a
 * server it opens its own small pool to the same database, so LISTEN/NOTIFY wakes workers.
 */
export async function startBoss(db: Database, options: BossOptions = {}): Promise<PgBoss> {
  const timings = recoveryTimings(options.recoverySeconds);
  const common = {
    schema: bossSchemaFor(db),
    schedule: options.schedule ?? true,
    supervise: options.supervise ?? true,
    instanceName: options.instanceName ?? "orchestrator",
    useListenNotify: true,
    // Every process that supervises checks for dead workers' jobs this often (pg-boss's default is 60 s).
    superviseIntervalSeconds: timings.superviseSeconds,
    monitorIntervalSeconds: timings.superviseSeconds,
    // Quiet the OpenTelemetry hooks: the pipeline has its own events.
    openTelemetry: { enabled: false },
  };
  let boss: PgBoss;
  if (db.kind === "pglite") {
    if (!db.pglite) throw new PipelineError("The PGlite database does not expose its instance", { step: "orchestrate" });
    boss = new PgBoss({ ...common, db: fromPglite(db.pglite), backend: "pglite" });
  } else {
    // The pool's own connection settings (URL and the PG* values of the config); what they leave out, `pg` reads from the PG* variables.
    type Settings = { connectionString?: string; host?: string; port?: number; database?: string; user?: string; password?: string };
    const { connectionString, host, port, database, user, password } = (db.pool as unknown as { options?: Settings } | undefined)?.options ?? {};
    boss = new PgBoss({ ...common, connectionString, host, port, database, user, password, max: 4, application_name: "pipeline-orchestrator" });
  }
  // Without a listener Node would throw these background hiccups (e.g. maintenance racing a shutdown).
  boss.on("error", (e) => options.onError?.(e));
  heartbeats.set(boss, timings.heartbeatSeconds);
  await boss.start();
  return boss;
}
