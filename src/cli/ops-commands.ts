import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Config } from "../config";
import { OptionsError } from "../errors";
import { readPlays } from "../extract/index";
import { openDatabaseFromConfig, type Database } from "../db/database";
import { migrate } from "../load/migrator";
import { createAlertManager, readHealth } from "../monitor/index";
import { formatDuration } from "../orchestrate/index";
import { BlueGreenRelease, DEFAULT_EXTRACTOR, EXTRACTOR_VERSIONS, readCurrentExtractor, readReleaseLog, readReleaseState, runCanary } from "../release/index";

export { OPS_HELP } from "./help-texts";

type Print = (line: string) => void;
type Parsed = { values: Record<string, string | boolean | undefined>; positionals: string[] };

const OPS_OPTIONS: Record<"health" | "alerts" | "release" | "canary", ParseArgsConfig["options"]> = {
  health: {},
  alerts: {},
  release: { reason: { type: "string" }, run: { type: "string" }, keep: { type: "string" } },
  canary: { candidate: { type: "string" }, sample: { type: "string" } },
};

/** `health`, `alerts`, `release` and `canary`: `argv` is everything after the command's name. Returns the exit code. */
export async function opsCommand(command: "health" | "alerts" | "release" | "canary", config: Config, argv: string[], print: Print = console.log): Promise<number> {
  // A mistyped option is named before anything opens (parseArgs throws; the CLI says "Unknown option …").
  const args = parseArgs({ args: argv, allowPositionals: command === "alerts" || command === "release", options: OPS_OPTIONS[command] }) as Parsed;
  const db = await openDatabaseFromConfig(config);
  try {
    await migrate(db, path.join(config.projectRoot, "migrations"));
    if (command === "health") return await healthCommand(db, print);
    if (command === "alerts") return await alertsCommand(db, config, argv, print);
    if (command === "release") return await releaseCommand(db, args, print);
    return await canaryCommand(db, config, args, print);
  } finally {
    await db.close();
  }
}

/** Align rows of cells under their headers. */
export function table(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return "  (none)";
  const cols = Object.keys(rows[0]!);
  const cell = (v: unknown) => (v instanceof Date ? v.toISOString().replace(/\.\d+Z$/, "Z") : typeof v === "number" ? String(Number(v.toFixed(4))) : String(v ?? ""));
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join("  ")}`.trimEnd();
  return [line(cols), ...rows.map((r) => line(cols.map((c) => cell(r[c]))))].join("\n");
}

async function healthCommand(db: Database, print: Print): Promise<number> {
  const h = await readHealth(db);
  const ms = (v: number | null) => (v === null ? "" : formatDuration(Math.round(Number(v))));
  const sections: [string, Record<string, unknown>[]][] = [
    ["Success rate", h.successRate.map((r) => ({ dag: r.dag, runs: r.runs, succeeded: r.succeeded, failed: r.failed, success_rate: percent(r.success_rate) }))],
    ["Task durations", h.taskDurations.map((r) => ({ task: r.task, executions: r.executions, p50: ms(r.p50_ms), p95: ms(r.p95_ms), max: ms(r.max_ms) }))],
    ["Error rate (failed attempts)", h.errorRate.map((r) => ({ task: r.task, attempts: r.attempts, failed_attempts: r.failed_attempts, error_rate: percent(r.error_rate) }))],
    ["Retries", h.retries as unknown as Record<string, unknown>[]],
    ["Cost per run (last 10)", h.costPerRun.slice(0, 10).map((r) => ({ run: r.run_id, dag: r.dag, state: r.state, duration: ms(r.duration_ms), rows: r.rows_in, requests: r.llm_requests, tokens: r.tokens_in + r.tokens_out, cost: usd(r.cost_usd) }))],
    ["Cost per day", h.costPerDay.map((r) => ({ day: r.day, runs: r.runs, requests: r.llm_requests, tokens: r.tokens_in + r.tokens_out, cost: usd(r.cost_usd) }))],
    ["Rows quarantined per check", h.quarantineByCheck as unknown as Record<string, unknown>[]],
  ];
  for (const [title, rows] of sections) print(`${title}\n${table(rows)}\n`);
  if (h.successRate.length === 0) print("No runs recorded yet: `npm start` or `npm start -- trigger` records one.");
  return 0;
}

/** 0..1 as a percentage with one decimal: `97.5%`. */
export function percent(share: number | null): string {
  return share === null ? "" : `${(Number(share) * 100).toFixed(1)}%`;
}

/** US dollars with four decimals (LLM costs per run are fractions of a cent to a few dollars). */
function usd(v: number): string {
  return `$${Number(v).toFixed(4)}`;
}

async function alertsCommand(db: Database, config: Config, argv: string[], print: Print): Promise<number> {
  const [sub = "list", runId] = argv;
  const manager = createAlertManager(db, config, { report: print });
  if (sub === "evaluate") {
    if (!runId) throw new OptionsError("run", "a run id: alerts evaluate <run>", runId);
    const r = await manager.evaluate(runId);
    print(`${r.fired.length} fired, ${r.resolved.length} resolved, ${r.undelivered.length} undelivered`);
    return r.undelivered.length > 0 ? 1 : 0;
  }
  if (sub === "check") {
    const results = await manager.evaluateOpenRuns();
    const fired = results.reduce((n, r) => n + r.fired.length, 0);
    print(`${results.length} open scheduled run(s) checked, ${fired} alert(s) fired`);
    return results.some((r) => r.undelivered.length > 0) ? 1 : 0;
  }
  if (sub === "retry") {
    const still = await manager.retryUndelivered();
    print(still.length === 0 ? "Every alert is delivered." : `${still.length} alert deliveries still failing.`);
    return still.length > 0 ? 1 : 0;
  }
  if (sub !== "list") throw new OptionsError("alerts", "list, evaluate <run>, check or retry", sub);
  const rows = await db.query(
    `SELECT a.id::int AS id, a.created_at AS at, a.kind, a.severity, a.rule, a.run_id AS run,
            string_agg(d.channel || ':' || d.state || '(' || d.attempts || ')', ' ' ORDER BY d.channel) AS deliveries, a.message
     FROM alerts a LEFT JOIN alert_deliveries d ON d.alert_id = a.id GROUP BY a.id ORDER BY a.id DESC LIMIT 20`,
  );
  print(table(rows));
  return 0;
}

async function releaseCommand(db: Database, args: Parsed, print: Print): Promise<number> {
  const { positionals } = args;
  const values = args.values as { reason?: string; run?: string; keep?: string };
  const [sub = "list", arg] = positionals;
  const release = new BlueGreenRelease(db);
  if (sub === "publish") {
    const staged = await release.stageFromTemplate({ runId: values.run });
    const v = await release.validate(staged.version);
    if (v.ok) await release.switchTo(staged.version, values.reason);
    print(v.ok ? `Version ${v.version} (${v.rows} rows) is live.` : `Version ${v.version} rejected: ${v.problems.join("; ")}`);
    return v.ok ? 0 : 1;
  }
  if (sub === "switch") {
    const version = Number(arg);
    if (!Number.isInteger(version) || version < 1) throw new OptionsError("version", "a version number: release switch <version>", arg);
    await release.switchTo(version, values.reason);
    print(`published_plays now shows version ${version}.`);
    return 0;
  }
  if (sub === "prune") {
    const dropped = await release.prune(values.keep === undefined ? 2 : Number(values.keep));
    print(dropped.length === 0 ? "Nothing to prune." : `Dropped versions ${dropped.join(", ")}.`);
    return 0;
  }
  if (sub === "rollback") {
    print(`Rolled back: published_plays now shows version ${await release.rollback(values.reason)}.`);
    return 0;
  }
  if (sub !== "list") throw new OptionsError("release", "list, publish, switch <version>, rollback or prune", sub);
  const versions = await release.versions();
  print(`Versions of published_plays\n${table(versions.map((v) => ({ version: v.version, live: v.live ? "●" : "", rows: v.rows, state: v.state, run: v.run_id, created: v.created_at })))}`);
  print(versions.length === 0
    ? "  Next: load plays (`npm start`), then `npm start -- release publish` copies them into version 1, checks it and makes it live.\n"
    : versions.some((v) => v.live) ? "" : "  None is live yet: `npm start -- release switch <version>` makes a validated one live.\n");
  const extractor = await readReleaseState(db, "extractor");
  print(`Extractor: ${extractor ? `${extractor.current_version} (previous ${extractor.previous_version ?? "none"})` : `${DEFAULT_EXTRACTOR} (default; \`npm start -- canary --candidate NAME\` tries another)`}\n`);
  const log = await readReleaseLog(db, { limit: 15 });
  print(`Release log (newest first)\n${table(log.map((e) => ({ at: e.at, target: e.target, action: e.action, from: e.from_version, to: e.to_version, who: e.actor, reason: e.reason })))}`);
  if (log.length === 0) print("  Nothing released yet: publish, switch, rollback and canary results are recorded here.");
  return 0;
}

async function canaryCommand(db: Database, config: Config, args: Parsed, print: Print): Promise<number> {
  const values = args.values as { candidate?: string; sample?: string };
  const names = Object.keys(EXTRACTOR_VERSIONS);
  const candidateName = values.candidate ?? "rules-grammar-only";
  const makeCandidate = EXTRACTOR_VERSIONS[candidateName];
  if (!makeCandidate) throw new OptionsError("--candidate", `one of ${names.join(", ")}`, candidateName);
  const sampleSize = values.sample === undefined ? config.canary.sampleSize : Number(values.sample);
  if (!Number.isInteger(sampleSize) || sampleSize < 1) throw new OptionsError("--sample", "an integer ≥ 1", values.sample);
  const current = (await readCurrentExtractor(db, config)).version;
  if (current.id === candidateName) {
    print(`${candidateName} is already the current extractor: nothing to compare. Try another candidate (${names.filter((n) => n !== candidateName).join(", ")}).`);
    return 0;
  }
  const { plays } = readPlays(path.join(config.dataDir, "playbyplay.csv"));
  const r = await runCanary(db, plays, { current, candidate: makeCandidate(config), sampleSize,
    margins: { maxDisagreement: config.canary.maxDisagreement, maxQuarantineIncrease: config.canary.maxQuarantineIncrease, maxCostIncrease: config.canary.maxCostIncrease },
  });
  print(table([r.current, r.candidate].map((q) => ({ version: q.id, rows: q.rows, quarantined: q.quarantined, quarantine_rate: q.quarantineRate, cost_per_row: q.costPerRow }))));
  print(`Agreement with ${r.current.id}: ${(r.agreement * 100).toFixed(1)}% of values on ${r.sample} sampled plays`);
  if (r.promoted) {
    print(`Promoted ${r.candidate.id}: the next \`npm start\` extracts with it and says so. To go back: \`npm start -- canary --candidate ${r.current.id}\`.`);
    return 0;
  }
  print(`Refused ${r.candidate.id}: ${r.reasons.join("; ")}. ${r.current.id} stays the current extractor.`);
  return 1;
}
