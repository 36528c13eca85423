import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/config";
import { openDatabase } from "../../src/db/database";
import { admin, DB_KINDS, MIGRATIONS_DIR, SERVER_URL } from "../support/databases";
import { migrationsHash, withDatabase } from "../support/migrated-templates";

// The server's template is built once even when several vitest workers ask at the same moment,
// and a change to migrations/ gives a new template. Each case uses its own copy of migrations/ with
// one extra migration, so its hash (and so its template) is new and nobody else's.
const root = findProjectRoot();
const work = mkdtempSync(path.join(os.tmpdir(), "wb-templates-"));
const extraMigrations = (tag: string) => {
  const dir = path.join(work, tag);
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  writeFileSync(path.join(dir, "9999_template_marker.sql"), `CREATE TABLE template_marker (tag text); INSERT INTO template_marker VALUES ('${tag}');\n`);
  return dir;
};
const migrationCount = (dir: string) => readdirSync(dir).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).length;

/** `n` separate processes asking for the same template at once; each prints what it got. */
async function race(migrationsDir: string, n: number): Promise<string[]> {
  const script = path.join(work, "race.mts");
  writeFileSync(
    script,
    `import { serverTemplateName } from ${JSON.stringify(path.join(root, "test/support/migrated-templates.ts"))};
const [dir, url] = process.argv.slice(2);
console.log(await serverTemplateName(url, dir, "public"));\n`,
  );
  const runs = Array.from({ length: n }, () =>
    promisify(execFile)(process.execPath, ["--import", "tsx", script, migrationsDir, SERVER_URL], { cwd: root, timeout: 120_000 }),
  );
  return (await Promise.all(runs)).map((r) => r.stdout.trim());
}


const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const f of cleanups) await f();
  rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!DB_KINDS.includes("postgres"))("the server's migrated template", () => {
  it("is built once, complete, when three processes ask at the same moment", async () => {
    const dir = extraMigrations("server-race");
    const expected = `wb_tpl_${migrationsHash(dir)}_public`;
    expect(migrationsHash(dir)).not.toBe(migrationsHash(MIGRATIONS_DIR));
    cleanups.push(() => admin((c) => c.query(`DROP DATABASE IF EXISTS ${expected} WITH (FORCE)`)).then(() => undefined));
    const names = await race(dir, 3);
    expect(names).toEqual([expected, expected, expected]);
    const dbs = await admin((c) => c.query<{ datname: string }>(String.raw`SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE 'wb\_tplbuild\_%'`, [expected]));
    expect(dbs.rows.map((r) => r.datname)).toEqual([expected]);
    // A clone has every migration, the new one included.
    await admin((c) => c.query(`CREATE DATABASE wb_test_clone_check TEMPLATE ${expected}`));
    cleanups.unshift(() => admin((c) => c.query("DROP DATABASE IF EXISTS wb_test_clone_check WITH (FORCE)")).then(() => undefined));
    const db = await openDatabase({ kind: "postgres", url: withDatabase(SERVER_URL, "wb_test_clone_check") });
    try {
      expect(await db.query("SELECT count(*)::int AS n FROM schema_migrations")).toEqual([{ n: migrationCount(dir) }]);
      expect(await db.query("SELECT tag FROM template_marker")).toEqual([{ tag: "server-race" }]);
    } finally {
      await db.close();
    }
  }, 180_000);
});
