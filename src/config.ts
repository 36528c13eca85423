import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import dotenv from "dotenv";
import { z } from "zod";
import { ConfigError } from "./errors";
import { dropUndefined } from "./util/defined";

/**
 * The only module that reads `process.env`. Parsed once by zod at start-up;
 * a bad value stops start-up with a message that names the key.
 *
 * Profiles: `APP_ENV` = dev | staging | prod picks defaults; `.env` then
 * `.env.<APP_ENV>` (both optional, git-ignored) are loaded with dotenv; real
 * environment variables win over both. Secrets come only from the environment.
 */
export const APP_ENVS = ["dev", "staging", "prod"] as const;
export type AppEnv = (typeof APP_ENVS)[number];

const PROFILE_DEFAULTS: Record<AppEnv, Record<string, string>> = {
  dev: { ROW_LIMIT: "0", MAX_COST_USD: "1.00", SCHEDULE_CRON: "*/30 * * * *", DB_SCHEMA: "public", ALERT_CHANNELS: "console" },
  staging: { ROW_LIMIT: "0", MAX_COST_USD: "2.00", SCHEDULE_CRON: "0 * * * *", DB_SCHEMA: "staging", ALERT_CHANNELS: "console,webhook" },
  prod: { ROW_LIMIT: "0", MAX_COST_USD: "5.00", SCHEDULE_CRON: "0 6 * * *", DB_SCHEMA: "prod", ALERT_CHANNELS: "console,webhook" },
};

const int = (min: number) => z.coerce.number().int().min(min);
const optionalString = z.string().trim().min(1).optional();

const EnvSchema = z.object({
  APP_ENV: z.enum(APP_ENVS).default("dev"),
  LLM_PROVIDER: z.enum(["auto", "offline", "openai"]).default("auto"),
  OPENAI_API_KEY: optionalString,
  OPENAI_MODEL: z.string().trim().min(1).default("gpt-4o-mini"),
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_TEMPERATURE: z.coerce.number().min(0).max(2).default(0),
  LLM_BATCH_SIZE: int(1).default(8),
  LLM_CONCURRENCY: int(1).default(8),
  LLM_MAX_RETRIES: int(0).default(4),
  LLM_TIMEOUT_MS: int(100).default(60_000),
  // LLM faults (issue 9): the longest retry-after honoured in place, and the largest row sent to the model.
  LLM_RETRY_AFTER_MAX_S: int(0).default(60),
  LLM_MAX_ROW_TOKENS: int(1).default(1000),
  // LLM cost (issue 12): the rules settle the rows they are sure of (off: every row to the model); the Batch API at half price.
  LLM_CASCADE: z.enum(["on", "off"]).default("on"),
  LLM_BATCH_API: z.enum(["on", "off"]).default("off"),
  LLM_BATCH_POLL_MS: int(1).default(30_000),
  MAX_COST_USD: z.coerce.number().positive(),
  DATABASE_URL: optionalString,
  // The standard PG* variables, from the shell or .env; passed to `pg`, which reads only the shell's itself.
  PGHOST: optionalString,
  PGPORT: z.coerce.number().int().min(1).max(65535).optional(),
  PGDATABASE: optionalString,
  PGUSER: optionalString,
  PGPASSWORD: optionalString,
  PGLITE_DIR: optionalString,
  // Database and worker faults (issue 9): bounded waits instead of corruption or stalls.
  PGLITE_LOCK_WAIT_MS: int(0).default(10_000),
  WORKER_RECOVERY_SECONDS: int(15).default(30),
  DB_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/, "a lower-case SQL identifier"),
  DATA_DIR: optionalString,
  ROW_LIMIT: int(0),
  SCHEDULE_CRON: z.string().trim().min(9),
  SCHEDULE_TZ: z.string().trim().min(1).default("UTC"),
  ALERT_CHANNELS: z.string().regex(/^(console|webhook)(,(console|webhook))*$/, "a comma list of console, webhook"),
  ALERT_WEBHOOK_URL: z.string().url().optional(),
  ALERT_ERROR_RATE: z.coerce.number().min(0).max(1).default(0.05),
  ALERT_WEBHOOK_ATTEMPTS: int(1).default(3),
  ALERT_WEBHOOK_TIMEOUT_MS: int(100).default(5000),
  ALERT_LATE_AFTER_MIN: int(1).default(30),
  ALERT_QUALITY_MAX_FAILED_RATE: z.coerce.number().min(0).max(1).default(0.05),
  CANARY_SAMPLE_SIZE: int(1).default(50),
  CANARY_MAX_DISAGREEMENT: z.coerce.number().min(0).max(1).default(0.05),
  CANARY_MAX_QUARANTINE_INCREASE: z.coerce.number().min(0).max(1).default(0.02),
  CANARY_MAX_COST_INCREASE: z.coerce.number().min(0).default(0.1),
  LOG_LEVEL: z.enum(["silent", "info", "debug"]).default("info"),
  // Your own game: the folder with pitchers.csv, batters.csv, pitch_types.csv a run maps names to (`npm start -- roster`).
  REFERENCES_DIR: optionalString,
});

export interface Config {
  appEnv: AppEnv;
  projectRoot: string;
  dataDir: string;
  rowLimit: number;
  llm: {
    /** Which provider runs: an explicit choice, else OpenAI when a key is configured, else offline. */
    provider: "offline" | "openai";
    /** The key itself, never printed; use `describeConfig` for display. */
    apiKey: string | undefined;
    model: string;
    baseURL: string | undefined;
    temperature: number;
    batchSize: number;
    concurrency: number;
    maxRetries: number;
    timeoutMs: number;
    maxCostUsd: number;
    /** A `retry-after` up to this is waited out; a longer one stops the batch for a later run or task retry. */
    maxRetryAfterMs: number;
    /** A row whose text is longer than this (tokens) is quarantined before any request. */
    maxRowTokens: number;
    /** Rows the rule extractor settles with confidence are not sent to the model (LLM_CASCADE, default on). */
    cascade: boolean;
    /** Extraction through the Batch API, at half price (LLM_BATCH_API, default off). */
    batchApi: boolean;
    /** Wait between two polls of a batch, ms (LLM_BATCH_POLL_MS). */
    batchPollMs: number;
  };
  database: {
    kind: "postgres" | "pglite";
    /** Connection string for a server, when DATABASE_URL is set; what it names wins over `server`. */
    url: string | undefined;
    /** PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD (shell or .env) for `pg`. The password is never printed. */
    server: { host?: string; port?: number; database?: string; user?: string; password?: string };
    pgliteDir: string;
    schema: string;
    /** How long a second process waits for the PGlite folder's lock, in ms (0: stop at once). */
    lockWaitMs: number;
  };
  schedule: { cron: string; timezone: string };
  /** A task whose worker died is re-run by another worker within about `recoverySeconds` (plus its retry delay). */
  workers: { recoverySeconds: number };
  alerts: {
    channels: ("console" | "webhook")[];
    /** A secret (the token is in the path): never printed. */
    webhookUrl: string | undefined;
    errorRate: number;
    webhookAttempts: number;
    webhookTimeoutMs: number;
    /** A scheduled run not finished this many minutes after its scheduled time is late. */
    lateAfterMinutes: number;
    /** A quality check failing more than this share of rows fails the quality gate. */
    qualityMaxFailedRate: number;
  };
  /** How far a canary may fall behind the current version and still be promoted. */
  canary: { sampleSize: number; maxDisagreement: number; maxQuarantineIncrease: number; maxCostIncrease: number };
  logLevel: "silent" | "info" | "debug";
  /** Folder of the reference tables a run maps names to (REFERENCES_DIR, `--references`). Default: `dataDir`. */
  referencesDir: string;
}

/** Walk up from `start` to the folder holding this workbook's package.json. */
export function findProjectRoot(start = process.cwd()): string {
  let dir = path.resolve(start);
  for (;;) {
    const pkg = path.join(dir, "package.json");
    if (existsSync(pkg) && existsSync(path.join(dir, "migrations"))) {
      try {
        if (JSON.parse(readFileSync(pkg, "utf8")).name === "baseball-pipeline-workbook") return dir;
      } catch {
        // not ours; keep walking
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(start);
    dir = parent;
  }
}

export interface LoadConfigOptions {
  /** Variables to read instead of `process.env` (tests pass their own). */
  env?: Record<string, string | undefined>;
  /** Load `.env` and `.env.<APP_ENV>` from the project root. Default: true when `env` is not given. */
  loadDotenv?: boolean;
  /** Overrides applied last, e.g. from CLI flags. */
  overrides?: Record<string, string | undefined>;
  /** Folder holding `.env` files. Default: the project root. */
  root?: string;
}

/**
 * Parse the configuration once.
 * @example const config = loadConfig(); console.log(describeConfig(config));
 */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const root = options.root ?? findProjectRoot();
  const base: Record<string, string | undefined> = { ...(options.env ?? process.env) };
  const useDotenv = options.loadDotenv ?? options.env === undefined;
  const appEnvRaw = options.overrides?.APP_ENV ?? base.APP_ENV ?? "dev";
  const appEnv = z.enum(APP_ENVS).safeParse(appEnvRaw);
  if (!appEnv.success) throw new ConfigError("APP_ENV", `expected one of ${APP_ENVS.join(", ")}, got ${JSON.stringify(appEnvRaw)}`);
  const fromFiles: Record<string, string> = {};
  if (useDotenv) {
    for (const file of [".env", `.env.${appEnv.data}`]) {
      const full = path.join(root, file);
      if (existsSync(full)) Object.assign(fromFiles, dotenv.parse(readFileSync(full)));
    }
  }
  // Empty values (as in a copied sample.env) mean "use the default", from files and the environment alike.
  const merged: Record<string, string | undefined> = { ...PROFILE_DEFAULTS[appEnv.data] };
  for (const source of [fromFiles, base]) {
    for (const [k, v] of Object.entries(source)) if (v !== undefined && v !== "") merged[k] = v;
  }
  for (const [k, v] of Object.entries(options.overrides ?? {})) if (v !== undefined) merged[k] = v;
  const parsed = EnvSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? "env");
    throw new ConfigError(key, `${issue.message}${isSecretKey(key) ? "" : ` (got ${JSON.stringify(merged[key])})`}`);
  }
  const e = parsed.data;
  if (e.LLM_PROVIDER === "openai" && !e.OPENAI_API_KEY) {
    throw new ConfigError("OPENAI_API_KEY", "LLM_PROVIDER=openai needs OPENAI_API_KEY to be set");
  }
  const channels = e.ALERT_CHANNELS.split(",") as ("console" | "webhook")[];
  if (channels.includes("webhook") && !e.ALERT_WEBHOOK_URL) {
    throw new ConfigError("ALERT_WEBHOOK_URL", `ALERT_CHANNELS=${e.ALERT_CHANNELS} includes webhook, which needs ALERT_WEBHOOK_URL to be set`);
  }
  const provider = e.LLM_PROVIDER === "auto" ? (e.OPENAI_API_KEY ? "openai" : "offline") : e.LLM_PROVIDER;
  const hasServer = Boolean(e.DATABASE_URL || e.PGHOST || e.PGDATABASE);
  return {
    appEnv: e.APP_ENV,
    projectRoot: root,
    dataDir: path.resolve(root, e.DATA_DIR ?? "data"),
    rowLimit: e.ROW_LIMIT,
    llm: {
      provider,
      apiKey: e.OPENAI_API_KEY,
      model: e.OPENAI_MODEL,
      baseURL: e.OPENAI_BASE_URL,
      temperature: e.OPENAI_TEMPERATURE,
      batchSize: e.LLM_BATCH_SIZE,
      concurrency: e.LLM_CONCURRENCY,
      maxRetries: e.LLM_MAX_RETRIES,
      timeoutMs: e.LLM_TIMEOUT_MS,
      maxCostUsd: e.MAX_COST_USD,
      maxRetryAfterMs: e.LLM_RETRY_AFTER_MAX_S * 1000,
      maxRowTokens: e.LLM_MAX_ROW_TOKENS,
      cascade: e.LLM_CASCADE === "on",
      batchApi: e.LLM_BATCH_API === "on",
      batchPollMs: e.LLM_BATCH_POLL_MS,
    },
    database: {
      kind: hasServer ? "postgres" : "pglite",
      url: e.DATABASE_URL,
      server: dropUndefined({ host: e.PGHOST, port: e.PGPORT, database: e.PGDATABASE, user: e.PGUSER, password: e.PGPASSWORD }),
      // "memory://" (or any other URL-like PGlite target) is kept as is; a folder is resolved from the project root.
      pgliteDir: e.PGLITE_DIR?.includes("://") ? e.PGLITE_DIR : path.resolve(root, e.PGLITE_DIR ?? path.join(".data", `pglite-${e.APP_ENV}`)),
      schema: e.DB_SCHEMA,
      lockWaitMs: e.PGLITE_LOCK_WAIT_MS,
    },
    schedule: { cron: e.SCHEDULE_CRON, timezone: e.SCHEDULE_TZ },
    workers: { recoverySeconds: e.WORKER_RECOVERY_SECONDS },
    alerts: {
      channels,
      webhookUrl: e.ALERT_WEBHOOK_URL,
      errorRate: e.ALERT_ERROR_RATE,
      webhookAttempts: e.ALERT_WEBHOOK_ATTEMPTS,
      webhookTimeoutMs: e.ALERT_WEBHOOK_TIMEOUT_MS,
      lateAfterMinutes: e.ALERT_LATE_AFTER_MIN,
      qualityMaxFailedRate: e.ALERT_QUALITY_MAX_FAILED_RATE,
    },
    canary: {
      sampleSize: e.CANARY_SAMPLE_SIZE,
      maxDisagreement: e.CANARY_MAX_DISAGREEMENT,
      maxQuarantineIncrease: e.CANARY_MAX_QUARANTINE_INCREASE,
      maxCostIncrease: e.CANARY_MAX_COST_INCREASE,
    },
    logLevel: e.LOG_LEVEL,
    referencesDir: path.resolve(root, e.REFERENCES_DIR ?? e.DATA_DIR ?? "data"),
  };
}

/** A printable summary that never contains any part of a secret. */
export function describeConfig(config: Config): Record<string, string | number> {
  return {
    environment: config.appEnv,
    provider: config.llm.provider === "openai" ? `openai (${config.llm.model})` : "offline (rule-based, no network)",
    OPENAI_API_KEY: config.llm.apiKey ? "configured" : "not set",
    OPENAI_BASE_URL: config.llm.baseURL ? redactUrl(config.llm.baseURL) : "default",
    database: config.database.kind === "postgres"
      ? `PostgreSQL server (${config.database.url ? redactUrl(config.database.url) : "PG* variables"})`
      : `PGlite (embedded, ${config.database.pgliteDir.includes("://") ? "in memory" : path.relative(config.projectRoot, config.database.pgliteDir) || "."})`,
    schema: config.database.schema,
    budget_usd: config.llm.maxCostUsd,
    row_limit: config.rowLimit === 0 ? "all rows" : config.rowLimit,
    schedule: `${config.schedule.cron} (${config.schedule.timezone})`,
    alerts: config.alerts.channels.map((c) => (c === "webhook" ? `webhook (${config.alerts.webhookUrl ? "configured" : "not set"})` : c)).join(", "),
  };
}

/** Keys whose values are never echoed, not even in an error message. */
function isSecretKey(key: string): boolean {
  return /KEY|PASSWORD|SECRET|TOKEN|WEBHOOK_URL|DATABASE_URL/.test(key);
}

/** Drop user, password and query from a URL before showing it. */
export function redactUrl(raw: string): string {
  try {
    const u = new URL(raw);
    return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}`;
  } catch {
    return "(unparseable URL)";
  }
}
