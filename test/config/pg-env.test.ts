import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeConfig, loadConfig } from "../../src/config";
import { openDatabaseFromConfig } from "../../src/db/database";
import { startBoss } from "../../src/orchestrate/boss";
import { createTestDatabase, SERVER_URL, type TestDatabase } from "../support/databases";

// PG* settings written in `.env` (as sample.env and the chapter say), none in the shell: they must reach
// `pg` and pg-boss, which on their own read only the shell's variables.
const PG_KEYS = ["PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD", "DATABASE_URL"] as const;

describe("PG* settings from .env reach the database driver", () => {
  let t: TestDatabase;
  let settings: Record<(typeof PG_KEYS)[number] & string, string>;
  const role = `wb_pgenv_${randomBytes(4).toString("hex")}`;
  const password = `pw-${randomBytes(8).toString("hex")}`;
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    t = await createTestDatabase("postgres", { migrate: false });
    const url = new URL(t.url!);
    const admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
    try {
      // A role of its own, so that `current_user` proves PGUSER was used (not the OS user, not postgres).
      await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
      await admin.query(`ALTER DATABASE ${url.pathname.slice(1)} OWNER TO ${role}`);
    } finally {
      await admin.end();
    }
    settings = { PGHOST: url.hostname, PGPORT: url.port || "5432", PGDATABASE: url.pathname.slice(1), PGUSER: role, PGPASSWORD: password, DATABASE_URL: "" };
    // An empty shell: nothing for `pg` to fall back on.
    for (const k of PG_KEYS) {
      saved[k] = process.env[k];
      delete process.env[k];
    }
  });

  afterAll(async () => {
    for (const k of PG_KEYS) if (saved[k] !== undefined) process.env[k] = saved[k];
    await t?.dispose({ untilDropped: true }); // the role owns it: dropped before the role
    const admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${role}`).finally(() => admin.end());
  });

  const projectWithDotenv = (lines: string[]) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "wb-pgenv-"));
    writeFileSync(path.join(dir, ".env"), `${lines.join("\n")}\n`);
    return dir;
  };
  const whoAmI = async (config: ReturnType<typeof loadConfig>) => {
    const db = await openDatabaseFromConfig(config);
    try {
      return (await db.query<{ user: string; database: string }>(`SELECT current_user AS user, current_database() AS database`))[0];
    } finally {
      await db.close();
    }
  };

  it("connects as PGUSER to PGDATABASE from .env alone, and pg-boss does too", async () => {
    const root = projectWithDotenv(["PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD"].map((k) => `${k}=${settings[k as keyof typeof settings]}`));
    const config = loadConfig({ root, env: {}, loadDotenv: true });
    expect(config.database.kind).toBe("postgres");
    expect(await whoAmI(config)).toEqual({ user: role, database: settings.PGDATABASE });

    const db = await openDatabaseFromConfig(config);
    try {
      const boss = await startBoss(db, { schedule: false, supervise: false });
      try {
        const [row] = await db.query<{ owner: string }>(
          `SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = 'pgboss'`,
        );
        expect(row?.owner).toBe(role); // pg-boss created its schema over its own pool, as PGUSER
      } finally {
        await boss.stop({ graceful: false, close: true });
      }
    } finally {
      await db.close();
    }
    // The password is used, never shown.
    expect(JSON.stringify(describeConfig(config))).not.toContain(password);
  }, 60_000);

  it("takes PG* from loadConfig({ overrides }) the same way", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "wb-pgenv-none-"));
    const config = loadConfig({ root, env: {}, overrides: { PGHOST: settings.PGHOST, PGPORT: settings.PGPORT, PGDATABASE: settings.PGDATABASE, PGUSER: role } });
    expect(await whoAmI(config)).toEqual({ user: role, database: settings.PGDATABASE });
  }, 30_000);

  it("lets DATABASE_URL win over PG* and names a bad PGPORT", async () => {
    const root = projectWithDotenv([`DATABASE_URL=postgres://${role}@${settings.PGHOST}:${settings.PGPORT}/${settings.PGDATABASE}`, "PGDATABASE=no_such_database", "PGUSER=no_such_user"]);
    expect(await whoAmI(loadConfig({ root, env: {}, loadDotenv: true }))).toEqual({ user: role, database: settings.PGDATABASE });
    const bad = projectWithDotenv(["PGHOST=127.0.0.1", "PGPORT=five"]);
    expect(() => loadConfig({ root: bad, env: {}, loadDotenv: true })).toThrow(/PGPORT/);
  }, 30_000);
});
