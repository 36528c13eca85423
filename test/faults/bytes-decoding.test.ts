import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../support/databases";
import { cli, cliDatabase, gameLines, playsChecksum, runFacts, runIdOf, type CliDatabase } from "./accounting-cli";

// Issue 9, item 10: bytes are never silently replaced. Windows-1252 bytes and UTF-8 once read as
// Windows-1252 are repaired with a warning naming the lines (same plays as a clean run); a NUL byte
// or an unreadable byte quarantines its row only; a binary file's error is short and printable.
const ROWS = gameLines().slice(0, 39); // lines 2–40 of the file; lines 7, 34, 36, 37 and 40 have "á" or "é"
const ACCENTED_LINES = "lines 7, 34, 36, 37, 40";
const MOJIBAKE: Record<string, string> = { "á": "Ã¡", "é": "Ã©" }; // their UTF-8 bytes shown as Windows-1252

function file(name: string, bytes: Buffer): string {
  const f = path.join(mkdtempSync(path.join(os.tmpdir(), "wb-bytes-")), name);
  writeFileSync(f, bytes);
  return f;
}
const csv = (rows: string[]) => ["playbyplay", ...rows, ""].join("\n");

describe.each(DB_KINDS)("input bytes on %s", (kind) => {
  let store: CliDatabase;
  let clean: { code: number; checksum: string; plays: number };
  beforeAll(async () => {
    store = await cliDatabase(kind);
    const r = await cli(["--input", file("clean.csv", Buffer.from(csv(ROWS), "utf8"))], store.env);
    clean = { code: r.code, ...(await store.read(async (db) => ({ checksum: await playsChecksum(db), plays: (await runFacts(db, runIdOf(r.out))).plays }))) };
    expect(clean.plays).toBeGreaterThan(30);
  }, 180_000);
  afterAll(async () => {
    await store.dispose();
  });

  const noReplacementChar = (s: CliDatabase) => s.read(async (db) => {
    const [r] = await db.query<{ n: number }>(
      `SELECT ((SELECT count(*) FROM plays WHERE playbyplay LIKE '%' || chr(65533) || '%') +
               (SELECT count(*) FROM raw_plays WHERE playbyplay LIKE '%' || chr(65533) || '%'))::int AS n`);
    return r!.n;
  });

  it("Latin-1 (Windows-1252) bytes: repaired with a warning naming the lines; the same plays as the clean run", async () => {
    const r = await cli(["--input", file("latin1.csv", Buffer.from(csv(ROWS), "latin1"))], store.env);
    expect(r.code).toBe(clean.code);
    expect(r.out).toContain(`Windows-1252 (Latin-1) bytes, not UTF-8, on ${ACCENTED_LINES}`);
    const facts = await store.read((db) => runFacts(db, runIdOf(r.out)));
    expect(facts.accounting?.balanced).toBe(true);
    expect(facts.plays).toBe(clean.plays); // no new row: every text (and hash) is the clean one
    expect(await store.read(playsChecksum)).toBe(clean.checksum);
    expect(await noReplacementChar(store)).toBe(0);
  }, 180_000);

  it("UTF-8 that was read as Windows-1252 (\"Ã¡\" for \"á\"): repaired with a warning; the same plays as the clean run", async () => {
    const mangled = ROWS.map((row) => row.replace(/[áé]/g, (c) => MOJIBAKE[c]!));
    const r = await cli(["--input", file("mojibake.csv", Buffer.from(csv(mangled), "utf8"))], store.env);
    expect(r.code).toBe(clean.code);
    expect(r.out).toContain(`UTF-8 text that had been read as Windows-1252 on ${ACCENTED_LINES}: repaired`);
    expect(await store.read(playsChecksum)).toBe(clean.checksum);
    expect(await noReplacementChar(store)).toBe(0);
  }, 180_000);

  it("a NUL byte, and a byte that is neither UTF-8 nor Windows-1252, quarantine their own row only", async () => {
    const rows = ROWS.slice(0, 10).map((row) => Buffer.from(row, "utf8"));
    rows[4] = Buffer.concat([rows[4]!.subarray(0, 20), Buffer.from([0x00]), rows[4]!.subarray(20)]); // line 6
    rows[7] = Buffer.concat([rows[7]!.subarray(0, 9), Buffer.from([0x81]), rows[7]!.subarray(9)]); // line 9
    const bytes = Buffer.concat([Buffer.from("playbyplay\n"), ...rows.flatMap((r) => [r, Buffer.from("\n")])]);
    const r = await cli(["--input", file("nul.csv", bytes)], { ...store.env, ALERT_QUALITY_MAX_FAILED_RATE: "0.25" });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Rows\s+10 in = 8 loaded \+ 2 quarantined/);
    expect(r.out).toContain("line 6: NUL byte at line 6, column 21");
    expect(r.out).toContain("line 9: not UTF-8 at line 9 (byte 0x81 at column 10");
    const runId = runIdOf(r.out);
    const { facts, reasons } = await store.read(async (db) => ({
      facts: await runFacts(db, runId),
      reasons: await db.query<{ play_id: number; message: string }>(
        `SELECT play_id, reasons->0->>'message' AS message FROM quarantine WHERE run_id = $1 ORDER BY play_id`, [runId]),
    }));
    expect(reasons.map((q) => q.play_id)).toEqual([5, 8]);
    expect(facts.state).toBe("success");
    expect(facts.accounting).toMatchObject({ rows_in: 10, loaded: 8, quarantined: 2, held: 0, balanced: true });
  }, 180_000);

  it("a binary file: exit 1 with one short, printable error line (no raw bytes, no ESC), nothing loaded", async () => {
    const junk = Buffer.alloc(2048);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 73 + 11) % 256;
    junk.write("\x1b[31mRED\x1b[0m", 5, "latin1");
    const before = await store.read(async (db) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM plays`))[0]!.n);
    const r = await cli(["--input", file("game.bin", junk)], store.env);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^Error: The CSV header is not text: .* Is this a CSV file\?$/m);
    expect(r.out).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/); // eslint-disable-line no-control-regex
    const errorLine = r.out.split("\n").find((l) => l.startsWith("Error:"))!;
    expect(errorLine.length).toBeLessThan(300);
    expect(await store.read(async (db) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM plays`))[0]!.n)).toBe(before);
  }, 180_000);
});
