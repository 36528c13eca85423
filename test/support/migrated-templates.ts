import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../../src/db/database";
import { migrate } from "../../src/load/migrator";

/**
 * The server's migrated template, built once and cloned for every test database (the style
 * notes' "create from a template"): a database `wb_tpl_<hash of migrations/>_<schema>` that
 * `CREATE DATABASE … TEMPLATE` copies. The hash covers every migration's name and SQL, so editing
 * or adding one builds a new template; nothing stale is ever cloned. (PGlite needs nothing here:
 * `openDatabase` starts a fresh PGlite from the migrated snapshot of src/load/pglite-snapshot.ts.)
 *
 * Several vitest workers, and several runs sharing one server, may ask at once: the template is
 * built under an advisory lock, under a temporary name, and renamed when complete.
 */

const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;
const LOCK_KEY = "workbook test templates";
/** Templates of other migration sets older than this are dropped when a new one is built. */
const STALE_DAYS = 7;

export function migrationsHash(migrationsDir: string): string {
  const h = createHash("sha256");
  for (const f of readdirSync(migrationsDir).filter((f) => f.endsWith(".sql")).sort()) {
    h.update(f).update("\0").update(readFileSync(path.join(migrationsDir, f))).update("\0");
  }
  return h.digest("hex").slice(0, 12);
}

function checkSchema(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`Invalid schema name ${JSON.stringify(schema)}`);
}

/** The same server URL pointing at another database (keeps credentials and options). */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The names of one run's server test databases start with this (`databases.ts`, dropped by `global-setup.ts`). */
export function testDatabasePrefix(runId: string): string {
  return `wb_test_${runId}_`;
}

const serverTemplates = new Map<string, Promise<string>>();

/** Name of the migrated template database on the server at `serverUrl`, built if missing. */
export function serverTemplateName(serverUrl: string, migrationsDir: string, schema: string): Promise<string> {
  checkSchema(schema);
  const name = `wb_tpl_${migrationsHash(migrationsDir)}_${schema}`.slice(0, 63);
  const key = `${serverUrl}\0${name}`;
  let p = serverTemplates.get(key);
  if (!p) {
    p = ensureServerTemplate(serverUrl, migrationsDir, schema, name);
    p.catch(() => serverTemplates.delete(key));
    serverTemplates.set(key, p);
  }
  return p;
}

async function ensureServerTemplate(serverUrl: string, migrationsDir: string, schema: string, name: string): Promise<string> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  const exists = async (db: string) => (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [db])).rowCount === 1;
  try {
    if (await exists(name)) return name;
    await c.query("SELECT pg_advisory_lock(hashtext($1))", [LOCK_KEY]);
    try {
      if (await exists(name)) return name;
      // Holding the lock, any half-built template is a leftover of an interrupted build.
      const leftovers = await c.query<{ datname: string }>(String.raw`SELECT datname FROM pg_database WHERE datname LIKE 'wb\_tplbuild\_%'`);
      for (const { datname } of leftovers.rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      const building = `wb_tplbuild_${randomBytes(6).toString("hex")}`;
      await c.query(`CREATE DATABASE ${building}`);
      const db = await openDatabase({ kind: "postgres", url: withDatabase(serverUrl, building), schema, maxConnections: 1 });
      try {
        await migrate(db, migrationsDir);
      } finally {
        await db.close();
      }
      await c.query(`COMMENT ON DATABASE ${building} IS 'workbook test template, built ${new Date().toISOString()}'`);
      await c.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      await dropStaleTemplates(c, name);
      return name;
    } finally {
      await c.query("SELECT pg_advisory_unlock(hashtext($1))", [LOCK_KEY]);
    }
  } finally {
    await c.end();
  }
}

async function dropStaleTemplates(c: pg.Client, keep: string): Promise<void> {
  const { rows } = await c.query<{ datname: string; comment: string | null }>(
    String.raw`SELECT datname, shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname LIKE 'wb\_tpl\_%' AND datname <> $1`,
    [keep],
  );
  for (const { datname, comment } of rows) {
    const built = Date.parse(/built (\S+)$/.exec(comment ?? "")?.[1] ?? "");
    if (Number.isFinite(built) && Date.now() - built > STALE_DAYS * 86_400_000) {
      await c.query(`DROP DATABASE IF EXISTS ${datname}`).catch(() => undefined); // in use elsewhere: keep it
    }
  }
}
