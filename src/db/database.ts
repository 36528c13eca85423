import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import type { Config } from "../config";
import { DatabaseError, toError } from "../errors";
import { asConnectionError, asPgliteError, checkPgliteDiskSpace, checkPgliteFolder, isConnectionError, wedgesPglite } from "./database-errors";
import { copySnapshotTo, readSnapshot } from "./pglite-snapshot";
import { acquirePgliteLock } from "./pglite-lock";

/** Anything that runs SQL: the database itself or an open transaction. Parameters only, never string-built SQL. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Run several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * PGlite only: run `COPY … FROM '/dev/blob'` with `data` as the file it reads (CSV text): a bulk
   * load without bind parameters or a JSON document for the database to parse. Absent on a server.
   */
  copyFrom?(sql: string, data: string): Promise<void>;
}

/**
 * The same interface over a PostgreSQL server (`pg`) and embedded PGlite, so every
 * migration, loader and query runs unchanged on both.
 */
export interface Database extends Queryable {
  readonly kind: "postgres" | "pglite";
  readonly schema: string;
  /** Run `fn` in one transaction: all of it commits, or none of it does. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** The underlying PGlite instance (pglite only), e.g. for pg-boss's adapter. */
  readonly pglite?: PGlite;
  /** The underlying pool (postgres only). */
  readonly pool?: pg.Pool;
}

export interface OpenDatabaseOptions {
  kind: "postgres" | "pglite";
  /** Server connection string; what it names wins over `server`. */
  url?: string;
  /** Host, port, database, user, password (config's PG* values); what neither gives, `pg` reads from the PG* variables. */
  server?: { host?: string; port?: number; database?: string; user?: string; password?: string };
  /** PGlite data folder; `memory://` keeps it in memory. */
  pgliteDir?: string;
  /** Schema that holds the workbook's tables (created if missing). Default `public`. */
  schema?: string;
  /** Pool size for a server. Default 4. */
  maxConnections?: number;
  /** How long to wait for another process to release a PGlite folder, in ms (0: stop at once). Default 10 000. */
  lockWaitMs?: number;
  /** PostgreSQL settings PGlite starts with (`-c name=value`), over `PGLITE_SETTINGS`. */
  pgliteSettings?: Readonly<Record<string, string>>;
}

/**
 * What an embedded database starts with. PostgreSQL's default 128 MB of shared buffers lives in
 * PGlite's WebAssembly memory and was a quarter of `npm start`'s resident memory; a data folder on
 * disk is cached by the operating system anyway, so 32 MB costs a 100,000-row load nothing measurable.
 */
export const PGLITE_SETTINGS: Readonly<Record<string, string>> = { shared_buffers: "32MB" };

/** Open the database the config names. */
export function openDatabaseFromConfig(config: Config): Promise<Database> {
  return openDatabase({
    kind: config.database.kind,
    url: config.database.url,
    server: config.database.server,
    pgliteDir: config.database.pgliteDir,
    schema: config.database.schema,
    lockWaitMs: config.database.lockWaitMs,
  });
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const schema = options.schema ?? "public";
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new DatabaseError(`Invalid schema name ${JSON.stringify(schema)}`);
  try {
    return options.kind === "pglite" ? await openPglite(options.pgliteDir ?? "memory://", schema, options) : await openPostgres(options, schema);
  } catch (e) {
    if (e instanceof DatabaseError) throw e;
    throw new DatabaseError(`Could not open the ${options.kind} database: ${toError(e).message}`, e);
  }
}

async function openPglite(dataDir: string, schema: string, options: OpenDatabaseOptions): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const onDisk = !dataDir.includes("://");
  const folder = onDisk ? path.resolve(dataDir) : dataDir;
  if (onDisk) checkPgliteFolder(folder);
  // PGlite creates its own folder but not the parents (.data/ on a fresh clone).
  if (onDisk) mkdirSync(path.dirname(folder), { recursive: true });
  // A full disk under PGlite's write-ahead log makes it spin forever at 100% CPU, in that statement
  // or the next: writes stop while a log segment still fits, and after a full-disk error that may
  // have wedged it every call fails at once with that error instead of reaching PGlite.
  let wedged: unknown;
  const fail = (e: unknown) => {
    const err = asPgliteError(e, folder);
    if (wedgesPglite(err)) wedged ??= err;
    return err;
  };
  const guard = (kind: "transaction" | "statement") => {
    if (wedged) throw wedged;
    if (onDisk) checkPgliteDiskSpace(folder, kind);
  };
  // One process per folder: a second writer corrupts it. Taken before PGlite touches a file.
  const lock = onDisk ? await acquirePgliteLock(folder, { waitMs: options.lockWaitMs }).catch((e: unknown) => Promise.reject(fail(e))) : undefined;
  const created = onDisk && !existsSync(folder);
  let opened: PGlite | undefined;
  try {
    // A new database starts from the migrated snapshot when there is one (no initdb, no migrations).
    const fresh = dataDir === "memory://" || (onDisk && !existsSync(path.join(dataDir, "PG_VERSION")));
    const copied = fresh && created && copySnapshotTo(folder, schema);
    const loadDataDir = fresh && !copied ? readSnapshot(schema) : undefined;
    const settings = Object.entries({ ...PGLITE_SETTINGS, ...options.pgliteSettings }).flatMap(([name, value]) => ["-c", `${name}=${value}`]);
    opened = await PGlite.create(dataDir, { ...(loadDataDir ? { loadDataDir } : {}), startParams: [...PGlite.defaultStartParams, ...settings] });
    await opened.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}, public;`);
  } catch (e) {
    await opened?.close().catch(() => undefined);
    // A folder this call created but could not initialise (a full disk) would not open next time: remove it.
    if (created) rmSync(folder, { recursive: true, force: true });
    lock?.release();
    throw fail(e);
  }
  const pglite = opened;
  const wrap = (q: Pick<PGlite, "query" | "exec">): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      guard("statement");
      try {
        return (await q.query<T>(sql, params)).rows;
      } catch (e) {
        throw fail(e);
      }
    },
    async copyFrom(sql: string, data: string) {
      guard("statement");
      try {
        await q.query(sql, [], { blob: new Blob([data]) });
      } catch (e) {
        throw fail(e);
      }
    },
    async exec(sql: string) {
      guard("statement");
      try {
        await q.exec(sql);
      } catch (e) {
        throw fail(e);
      }
    },
  });
  // pg-boss talks to PGlite directly: give it the same guard.
  const guarded = new Proxy(pglite, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      if (prop !== "query" && prop !== "exec" && prop !== "transaction") return value.bind(target);
      return async (...args: unknown[]) => {
        guard(prop === "transaction" ? "transaction" : "statement");
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } catch (e) {
          throw fail(e);
        }
      };
    },
  });
  const base = wrap(pglite);
  return {
    kind: "pglite",
    schema,
    pglite: guarded,
    ...base,
    async transaction(fn) {
      guard("transaction");
      return pglite.transaction((tx) => fn(wrap(tx))).catch((e: unknown) => Promise.reject(fail(e)));
    },
    async close() {
      try {
        if (!pglite.closed) await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

async function openPostgres(options: OpenDatabaseOptions, schema: string): Promise<Database> {
  const { default: pgModule } = await import("pg");
  const pool = new pgModule.Pool({
    ...options.server,
    connectionString: options.url,
    max: options.maxConnections ?? 4,
    options: `-c search_path=${schema},public`,
  });
  // Surface a dead server at open time with a clear message, not at the first query.
  const client = await pool.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } finally {
    client.release();
  }
  pool.on("error", () => {
    // An idle client lost its connection; pg drops it from the pool and the next query reconnects.
  });
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      try {
        return (await q.query(sql, params)).rows as T[];
      } catch (e) {
        throw asConnectionError(e);
      }
    },
    async exec(sql: string) {
      try {
        await q.query(sql);
      } catch (e) {
        throw asConnectionError(e);
      }
    },
  });
  return {
    kind: "postgres",
    schema,
    pool,
    ...wrap(pool),
    async transaction(fn) {
      const c = await pool.connect().catch((e: unknown) => Promise.reject(asConnectionError(e)));
      // A checked-out client has no listener of pg's own: a dropped connection would be an
      // unhandled 'error' event that kills the process. Keep it, fail the transaction with it.
      let lost: Error | undefined;
      const onError = (e: Error) => {
        lost ??= e;
      };
      c.on("error", onError);
      try {
        await c.query("BEGIN");
        const result = await fn(wrap(c));
        await c.query("COMMIT");
        return result;
      } catch (e) {
        if (!lost) await c.query("ROLLBACK").catch((r: unknown) => (lost ??= toError(r)));
        throw asConnectionError(lost && !isConnectionError(e) ? lost : e);
      } finally {
        c.off("error", onError);
        // A client whose connection broke is destroyed, not put back; the server rolls back its open transaction.
        c.release(lost);
      }
    },
    close: () => pool.end(),
  };
}
