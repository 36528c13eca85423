import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeConfig, findProjectRoot, loadConfig } from "../../src/config";
import { ConfigError } from "../../src/errors";

const HOOK = "http://127.0.0.1:9/hooks/T000/B000/s3cr3t-token";

/** Load from the variables given only (no .env files from the project). */
const load = (env: Record<string, string>) => loadConfig({ env, loadDotenv: false });

function startupError(env: Record<string, string>): ConfigError {
  try {
    load(env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error("start-up did not stop");
}

describe("environment profiles chosen by APP_ENV", () => {
  it("gives each environment its own schema, budget, schedule and alert channels", () => {
    const dev = load({});
    const staging = load({ APP_ENV: "staging", ALERT_WEBHOOK_URL: HOOK });
    const prod = load({ APP_ENV: "prod", ALERT_WEBHOOK_URL: HOOK });
    expect([dev.appEnv, dev.database.schema, dev.llm.maxCostUsd, dev.schedule.cron, dev.alerts.channels]).toEqual(
      ["dev", "public", 1, "*/30 * * * *", ["console"]]);
    expect([staging.database.schema, staging.llm.maxCostUsd, staging.schedule.cron, staging.alerts.channels]).toEqual(
      ["staging", 2, "0 * * * *", ["console", "webhook"]]);
    expect([prod.database.schema, prod.llm.maxCostUsd, prod.schedule.cron]).toEqual(["prod", 5, "0 6 * * *"]);
    expect(prod.database.pgliteDir).toMatch(/pglite-prod$/);
  });

  it("keeps PGLITE_DIR=memory:// as an in-memory database instead of a folder named memory:", () => {
    expect(load({ PGLITE_DIR: "memory://" }).database.pgliteDir).toBe("memory://");
    expect(load({ PGLITE_DIR: "tmp/db" }).database.pgliteDir).toBe(path.join(findProjectRoot(), "tmp", "db"));
  });

  describe("with .env files", () => {
    const root = mkdtempSync(path.join(tmpdir(), "wb-env-"));
    writeFileSync(path.join(root, ".env"), "OPENAI_MODEL=gpt-4o-mini\nROW_LIMIT=25\n");
    writeFileSync(path.join(root, ".env.prod"), `OPENAI_MODEL=gpt-4o\nROW_LIMIT=0\nMAX_COST_USD=12.5\nALERT_WEBHOOK_URL=${HOOK}\n`);
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it("reads .env then .env.<APP_ENV>, and real variables win over both", () => {
      const dev = loadConfig({ env: {}, loadDotenv: true, root });
      expect([dev.llm.model, dev.rowLimit]).toEqual(["gpt-4o-mini", 25]);
      const prod = loadConfig({ env: { APP_ENV: "prod" }, loadDotenv: true, root });
      expect([prod.llm.model, prod.rowLimit, prod.llm.maxCostUsd, prod.alerts.webhookUrl]).toEqual(["gpt-4o", 0, 12.5, HOOK]);
      const overridden = loadConfig({ env: { APP_ENV: "prod", ROW_LIMIT: "100" }, loadDotenv: true, root });
      expect(overridden.rowLimit).toBe(100);
    });
  });
});

describe("a bad or missing value stops start-up naming the key", () => {
  it.each([
    [{ MAX_COST_USD: "-1" }, "MAX_COST_USD"],
    [{ APP_ENV: "qa" }, "APP_ENV"],
    [{ ALERT_CHANNELS: "pager" }, "ALERT_CHANNELS"],
    [{ ALERT_CHANNELS: "console,webhook" }, "ALERT_WEBHOOK_URL"],
    [{ APP_ENV: "prod" }, "ALERT_WEBHOOK_URL"],
    [{ ROW_LIMIT: "ten" }, "ROW_LIMIT"],
    [{ DB_SCHEMA: "Prod-Data" }, "DB_SCHEMA"],
    [{ ALERT_ERROR_RATE: "5" }, "ALERT_ERROR_RATE"],
    [{ CANARY_MAX_DISAGREEMENT: "2" }, "CANARY_MAX_DISAGREEMENT"],
    [{ LLM_PROVIDER: "openai" }, "OPENAI_API_KEY"],
  ])("%j → %s", (env, key) => {
    const err = startupError(env);
    expect(err.key).toBe(key);
    expect(err.message).toContain(key);
  });

  it("shows the bad value of an ordinary key but never of a secret", () => {
    expect(startupError({ MAX_COST_USD: "-1" }).message).toContain('"-1"');
    const bad = "not a url but s3cr3t-token";
    expect(startupError({ ALERT_WEBHOOK_URL: bad }).message).not.toContain("s3cr3t");
  });
});

describe("secrets come only from the environment and are never shown", () => {
  it("describeConfig says configured, without any part of the key, password or webhook token", () => {
    const config = load({
      APP_ENV: "staging",
      OPENAI_API_KEY: "sk-test-abcdef1234567890",
      DATABASE_URL: "postgres://app:hunter2@127.0.0.1:5432/wb",
      ALERT_WEBHOOK_URL: HOOK,
    });
    expect(config.llm.apiKey).toBe("sk-test-abcdef1234567890");
    const shown = JSON.stringify(describeConfig(config));
    for (const secret of ["sk-test", "abcdef1234567890", "hunter2", "s3cr3t-token", "T000"]) expect(shown).not.toContain(secret);
    expect(describeConfig(config)).toMatchObject({ OPENAI_API_KEY: "configured", alerts: "console, webhook (configured)", schema: "staging" });
  });
});
