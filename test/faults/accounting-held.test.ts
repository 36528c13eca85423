import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../support/databases";
import { cli, cliDatabase, gameLines, runFacts, runIdOf, type CliDatabase } from "./accounting-cli";

// Issue 9, items 6 and 8: the quality gate holds valid rows. They are stored with the run, the database
// accounts for every row (loaded + quarantined + held = rows in), the exit code is 3 and the ledger says failed.
function gateInput(): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "wb-held-")), "bad.csv");
  writeFileSync(file, ["playbyplay", ...gameLines().slice(0, 7), '""', '""', '""', ""].join("\n")); // 7 plays + 3 empty rows: 30% fail
  return file;
}

describe.each(DB_KINDS)("held rows on %s", (kind) => {
  let store: CliDatabase;
  beforeAll(async () => {
    store = await cliDatabase(kind);
  });
  afterAll(async () => {
    await store.dispose();
  });

  it("npm start: the gate holds 7 rows → exit 3, ledger failed with the cause, 10 = 0 + 3 + 7 in the database, alert fired; `held load` loads them once", async () => {
    const r = await cli(["--input", gateInput()], store.env);
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/Rows\s+10 in = 0 loaded \+ 3 quarantined \+ 7 held by the quality gate/);
    expect(r.out).toMatch(/Outcome\s+held by the quality gate \(exit 3\)/);
    const runId = runIdOf(r.out);
    expect(r.out).toContain(`npm start -- held load ${runId}`);
    const facts = await store.read((db) => runFacts(db, runId));
    expect(facts.state).toBe("failed");
    expect(facts.error).toMatch(/Quality gate: 3 of 10 rows quarantined .*7 valid row\(s\) are held/);
    expect(facts.accounting).toMatchObject({ outcome: "held", rows_in: 10, loaded: 0, quarantined: 3, held: 7, held_pending: 7, balanced: true });
    expect(facts.quarantinedThisRun).toBe(3);
    expect(facts.heldThisRun).toBe(7);
    expect(facts.plays).toBe(0);
    expect(facts.alerts).toContain("quality-gate");

    const list = await cli(["held", "list"], store.env);
    expect(list.code).toBe(0);
    expect(list.out).toContain(`${runId}  held 7, waiting 7`);
    expect(list.out).toContain("rows in 10 = 0 loaded + 3 quarantined + 7 held");

    const load = await cli(["held", "load", runId], store.env);
    expect(load.code).toBe(0);
    expect(load.out).toContain(`Loaded 7 held row(s) of run ${runId}: new 7`);
    const after = await store.read((db) => runFacts(db, runId));
    expect(after.plays).toBe(7);
    expect(after.distinctPlayHashes).toBe(7);
    expect(after.accounting).toMatchObject({ held: 7, held_pending: 0, balanced: true });

    const again = await cli(["held", "load", runId], store.env);
    expect(again.code).toBe(1);
    expect(again.out).toContain(`Run ${runId} has no held rows waiting`);
    expect((await store.read((db) => runFacts(db, runId))).plays).toBe(7);
  }, 300_000);
});

describe.each(DB_KINDS)("held rows released by a later run on %s", (kind) => {
  let store: CliDatabase;
  beforeAll(async () => {
    store = await cliDatabase(kind);
  });
  afterAll(async () => {
    await store.dispose();
  });

  it("a later clean run that loads the same rows releases them; trigger (the DAG) holds and exits 3 too", async () => {
    const file = gateInput();
    const held = await cli(["--input", file], store.env);
    expect(held.code).toBe(3);
    const heldRun = runIdOf(held.out);

    const clean = await cli(["--rows", "7"], store.env);
    expect(clean.code).toBe(0);
    expect(clean.out).toMatch(/Outcome\s+loaded \(exit 0\)/);
    const cleanRun = runIdOf(clean.out);
    const facts = await store.read(async (db) => ({
      clean: await runFacts(db, cleanRun),
      held: await runFacts(db, heldRun),
      releasedBy: (await db.query<{ released_by: string }>(`SELECT DISTINCT released_by FROM held_plays WHERE run_id = $1`, [heldRun])).map((r) => r.released_by),
    }));
    expect(facts.clean.state).toBe("success");
    expect(facts.clean.accounting).toMatchObject({ outcome: "loaded", rows_in: 7, loaded: 7, quarantined: 0, held: 0, balanced: true });
    expect(facts.held.accounting).toMatchObject({ held: 7, held_pending: 0, balanced: true });
    expect(facts.releasedBy).toEqual([cleanRun]);
    expect(facts.clean.plays).toBe(facts.clean.distinctPlayHashes);

    // The orchestrated run of the same bad input: the same gate, the same accounting, exit 3, ledger failed.
    const dag = await cli(["trigger", "--input", file], store.env);
    expect(dag.code).toBe(3);
    const dagRun = /run (ingest-[\w-]+) /.exec(dag.out)![1]!;
    const d = await store.read((db) => runFacts(db, dagRun));
    expect(d.state).toBe("failed");
    expect(d.error).toMatch(/Quality gate: 3 of 10 rows quarantined/);
    expect(d.accounting).toMatchObject({ outcome: "held", rows_in: 10, loaded: 0, quarantined: 3, held: 7, balanced: true });
    expect(d.heldThisRun).toBe(7);
    expect(dag.out).toMatch(/ALERT \[critical\] Quality gate failed/);
  }, 300_000);
});

describe("the exit codes are documented", () => {
  it("--help lists 0, 1, 2, 3 (held) and 4 (budget) and the held commands", async () => {
    const r = await cli(["--help"], {});
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/0 +the run loaded what it should/);
    expect(r.out).toMatch(/1 +an error stopped it/);
    expect(r.out).toMatch(/3 +rows held by the quality gate/);
    expect(r.out).toMatch(/4 +stopped by the cost budget/);
    expect(r.out).toMatch(/held load RUN/);
  }, 60_000);
});
