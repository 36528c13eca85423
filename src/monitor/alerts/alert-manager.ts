import type { Config } from "../../config";
import { OptionsError } from "../../errors";
import type { PipelineEvents } from "../../events";
import type { Queryable } from "../../db/database";
import { withDefaults } from "../../util/defined";
import { ConsoleChannel, WebhookChannel, type AlertChannel, type AlertMessage } from "./channels";
import { defaultRules, readRunFacts, type AlertRule, type RunFacts } from "./rules";

export interface AlertManagerOptions {
  /** Rules to evaluate. Required (see `defaultRules`, or `createAlertManager` to build from config). */
  rules: AlertRule[];
  /** Where alerts go. Required, at least one. */
  channels: AlertChannel[];
  /** `alert:fired` is emitted here for every new firing alert. Optional. */
  events?: PipelineEvents;
  /** Clock for the late-run rule. Default `() => new Date()`. */
  now?: () => Date;
  /** Where an undeliverable alert is reported. Default `console.warn`. */
  report?: (line: string) => void;
}

export interface UndeliveredAlert {
  alert: AlertMessage;
  channel: string;
  attempts: number;
  error: string | null;
}

export interface EvaluationResult {
  runId: string;
  /** Alerts that fired for the first time for this run. */
  fired: AlertMessage[];
  /** Rules that were firing and are healthy again on this run. */
  resolved: AlertMessage[];
  /** Deliveries that failed in this evaluation: kept in `alert_deliveries`, retried by `retryUndelivered`. */
  undelivered: UndeliveredAlert[];
}

type AlertRow = { id: number; rule: string; severity: AlertMessage["severity"]; kind: AlertMessage["kind"]; run_id: string; scope: string; message: string };
const toMessage = (r: AlertRow): AlertMessage => ({ id: r.id, rule: r.rule, severity: r.severity, kind: r.kind, runId: r.run_id, scope: r.scope, message: r.message });

/**
 * Evaluates alert rules against a run and delivers what fires. One alert per rule per run (a
 * unique key in `alerts`, so evaluating twice sends nothing new); a "resolved" message when a
 * later finished run of the same DAG is healthy for a rule that was firing.
 *
 * @example
 * const alerts = createAlertManager(db, config, { events });
 * const { fired, undelivered } = await alerts.evaluate(runId);
 */
export class AlertManager {
  private readonly o: Required<Omit<AlertManagerOptions, "events">> & Pick<AlertManagerOptions, "events">;
  private pending: Promise<void> = Promise.resolve();

  constructor(private readonly db: Queryable, options: AlertManagerOptions) {
    this.o = withDefaults({ now: () => new Date(), report: (line: string) => console.warn(line) }, options);
    if (!Array.isArray(this.o.rules)) throw new OptionsError("rules", "an array of alert rules", this.o.rules);
    if (!Array.isArray(this.o.channels) || this.o.channels.length === 0) throw new OptionsError("channels", "at least one alert channel", this.o.channels);
  }

  /**
   * Evaluate each run when it ends (`run:success` / `run:error`). With the in-process pipeline pass
   * `before: () => ledger.flush()` so the ledger is written first; the orchestrator writes its own.
   * `settled()` waits for the evaluations started so far. Returns the function that unsubscribes.
   */
  attach(events: PipelineEvents, options: { before?: () => Promise<void> } = {}): () => void {
    const onEnd = (e: { runId: string }) => {
      this.pending = this.pending
        .then(async () => {
          await options.before?.();
          await this.evaluate(e.runId);
        })
        .catch((err) => this.o.report(`Alert evaluation of run ${e.runId} failed: ${err instanceof Error ? err.message : String(err)}`));
    };
    const offs = [events.on("run:success", onEnd), events.on("run:error", onEnd)];
    return () => offs.forEach((off) => off());
  }

  /** Wait for the evaluations `attach` started. */
  settled(): Promise<void> {
    return this.pending;
  }

  /** Evaluate every rule for `runId` (read from the ledger), or for facts given directly. */
  async evaluate(run: string | RunFacts): Promise<EvaluationResult> {
    const facts = typeof run === "string" ? await readRunFacts(this.db, run) : run;
    if (!facts) throw new OptionsError("runId", "a run recorded in pipeline_runs", run);
    const result: EvaluationResult = { runId: facts.runId, fired: [], resolved: [], undelivered: [] };
    const finished = facts.state === "success" || facts.state === "failed";
    for (const rule of this.o.rules) {
      const message = rule.evaluate(facts, this.o.now());
      if (message !== null) {
        const alert = await this.insert(rule, facts, "firing", message);
        if (!alert) continue; // already fired for this run: no storm
        result.fired.push(alert);
        this.o.events?.emit("alert:fired", { runId: facts.runId, rule: rule.name, severity: rule.severity, message });
        result.undelivered.push(...(await this.deliver(alert)));
      } else if (finished) {
        const [last] = await this.db.query<{ kind: string; run_id: string }>(
          `SELECT kind, run_id FROM alerts WHERE scope = $1 AND rule = $2 ORDER BY id DESC LIMIT 1`,
          [facts.dag, rule.name],
        );
        if (last?.kind !== "firing" || last.run_id === facts.runId) continue;
        const alert = await this.insert(rule, facts, "resolved", `${rule.name} is healthy again on run ${facts.runId} (was firing on run ${last.run_id})`);
        if (!alert) continue;
        result.resolved.push(alert);
        result.undelivered.push(...(await this.deliver(alert)));
      }
    }
    return result;
  }

  /**
   * Evaluate every run still queued or running that has a scheduled time: what a periodic check
   * calls so a run that hangs or never starts is reported late without waiting for it to end.
   */
  async evaluateOpenRuns(): Promise<EvaluationResult[]> {
    const open = await this.db.query<{ run_id: string }>(
      `SELECT run_id FROM pipeline_runs WHERE state IN ('queued', 'running') AND scheduled_for IS NOT NULL ORDER BY scheduled_for`,
    );
    const results: EvaluationResult[] = [];
    for (const { run_id } of open) results.push(await this.evaluate(run_id));
    return results;
  }

  /** Deliveries that have not succeeded yet, oldest first. */
  async listUndelivered(): Promise<UndeliveredAlert[]> {
    const rows = await this.db.query<AlertRow & { channel: string; attempts: number; last_error: string | null }>(
      `SELECT a.id::int AS id, a.rule, a.severity, a.kind, a.run_id, a.scope, a.message, d.channel, d.attempts::int AS attempts, d.last_error
       FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id WHERE d.state <> 'delivered' ORDER BY a.id, d.channel`,
    );
    return rows.map((r) => ({ alert: toMessage(r), channel: r.channel, attempts: r.attempts, error: r.last_error }));
  }

  /** Try every undelivered alert again on its channel; returns what is still undelivered. */
  async retryUndelivered(): Promise<UndeliveredAlert[]> {
    for (const u of await this.listUndelivered()) {
      const channel = this.o.channels.find((c) => c.name === u.channel);
      if (channel) await this.deliverTo(channel, u.alert);
    }
    return this.listUndelivered();
  }

  private async insert(rule: AlertRule, facts: RunFacts, kind: AlertMessage["kind"], message: string): Promise<AlertMessage | undefined> {
    const [row] = await this.db.query<AlertRow>(
      `INSERT INTO alerts (rule, scope, run_id, kind, severity, message, details) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
       ON CONFLICT (rule, run_id, kind) DO NOTHING
       RETURNING id::int AS id, rule, severity, kind, run_id, scope, message`,
      [rule.name, facts.dag, facts.runId, kind, rule.severity, message, JSON.stringify(facts)],
    );
    return row ? toMessage(row) : undefined;
  }

  private async deliver(alert: AlertMessage): Promise<UndeliveredAlert[]> {
    const failed: UndeliveredAlert[] = [];
    for (const channel of this.o.channels) {
      await this.db.query(
        `INSERT INTO alert_deliveries (alert_id, channel, state) VALUES ($1, $2, 'pending') ON CONFLICT DO NOTHING`,
        [alert.id, channel.name],
      );
      const u = await this.deliverTo(channel, alert);
      if (u) failed.push(u);
    }
    return failed;
  }

  private async deliverTo(channel: AlertChannel, alert: AlertMessage): Promise<UndeliveredAlert | undefined> {
    const r = await channel.deliver(alert);
    const [row] = await this.db.query<{ attempts: number }>(
      `UPDATE alert_deliveries SET state = $3, attempts = attempts + $4, last_error = $5, last_attempt_at = now(),
         delivered_at = CASE WHEN $3 = 'delivered' THEN now() ELSE NULL END
       WHERE alert_id = $1 AND channel = $2 RETURNING attempts::int AS attempts`,
      [alert.id, channel.name, r.ok ? "delivered" : "failed", r.attempts, r.ok ? null : r.error ?? "unknown error"],
    );
    if (r.ok) return undefined;
    const attempts = row?.attempts ?? r.attempts;
    this.o.report(`Alert #${alert.id} (${alert.rule}, run ${alert.runId}) could not be delivered to ${channel.name} after ${attempts} attempt(s): ${r.error}. It is kept; \`alerts retry\` sends it again.`);
    return { alert, channel: channel.name, attempts, error: r.error ?? "unknown error" };
  }
}

export interface CreateAlertManagerExtras {
  events?: PipelineEvents;
  now?: () => Date;
  report?: (line: string) => void;
  /** Replace the channels the config names (tests, notebooks). */
  channels?: AlertChannel[];
}

/** Rules and channels as the configuration says: thresholds from `config.alerts` and the cost budget. */
export function createAlertManager(db: Queryable, config: Config, extras: CreateAlertManagerExtras = {}): AlertManager {
  const a = config.alerts;
  const channels = extras.channels ?? a.channels.map((name): AlertChannel =>
    name === "webhook"
      ? new WebhookChannel({ url: a.webhookUrl!, timeoutMs: a.webhookTimeoutMs, retry: { maxAttempts: a.webhookAttempts } })
      : new ConsoleChannel());
  const rules = defaultRules({
    errorRate: a.errorRate,
    maxCostUsd: config.llm.maxCostUsd,
    qualityMaxFailedRate: a.qualityMaxFailedRate,
    lateAfterMs: a.lateAfterMinutes * 60_000,
  });
  return new AlertManager(db, { rules, channels, events: extras.events, now: extras.now, report: extras.report });
}
