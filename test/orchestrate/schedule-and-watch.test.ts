import { copyFileSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import {
  gameReportDag, ingestParams, listRuns, listSchedules, Orchestrator, scheduleDag, triggerQueue, watchInbox, workbookDag, type InboxWatcher,
} from "../../src/orchestrate";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../support/databases";
import { until } from "../support/until";

const config = loadConfig({ env: { LLM_PROVIDER: "offline", APP_ENV: "staging", ALERT_CHANNELS: "console", SCHEDULE_CRON: "15 6 * * 1-5", SCHEDULE_TZ: "America/Chicago" } });
const INPUT = path.join(config.dataDir, "playbyplay.csv");


describe.each(DB_KINDS)("schedules and file drops on %s", (kind) => {
  let t: TestDatabase;
  let orch: Orchestrator;
  let watcher: InboxWatcher | undefined;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    orch = await Orchestrator.start({ db: t.db, dags: [workbookDag(config), gameReportDag()], env: config.appEnv });
    await orch.work();
  });
  afterAll(async () => {
    watcher?.close();
    await orch?.stop();
    await t?.dispose();
  });

  it("registers the environment's cron schedule in pg-boss, and a tick of it starts a scheduled run", async () => {
    const params = { ...ingestParams(config, { rows: 10, batchRows: 10 }) };
    await scheduleDag(orch, "ingest", { ...config.schedule, key: config.appEnv, inputPath: INPUT, params });
    const stored = await orch.boss.getSchedules(triggerQueue("ingest"));
    expect(stored.map((s) => [s.key, s.cron, s.timezone])).toEqual([["staging", "15 6 * * 1-5", "America/Chicago"]]);
    const [listed] = await listSchedules(orch);
    expect(listed!.next).toHaveLength(3);
    expect(listed!.next.every((d) => d.getUTCMinutes() === 15)).toBe(true);

    // What pg-boss's clock sends at each occurrence: the same data, on the trigger queue.
    await orch.boss.send(triggerQueue("ingest"), stored[0]!.data ?? {});
    const run = await until(async () => (await listRuns(t.db, 50)).find((r) => r.dag === "ingest" && r.trigger === "schedule"));
    expect(run.scheduled_for).not.toBeNull();
    expect((await orch.waitForRun(run.run_id, 60_000)).rows_loaded).toBe(10);
  });

  it("starts a run for a CSV dropped into the inbox, once it is complete", async () => {
    const inbox = mkdtempSync(path.join(tmpdir(), "wb-inbox-"));
    const started: string[] = [];
    const params = { ...ingestParams(config, { rows: 0, batchRows: 10 }) };
    watcher = watchInbox({
      folder: inbox,
      debounceMs: 100,
      onFile: async (file) => {
        const { run } = await orch.trigger("ingest", { inputPath: file, params, trigger: "event" });
        started.push(`${path.basename(file)} ${run.run_id}`);
      },
    });
    // Not CSV, or a partial upload: ignored.
    writeFileSync(path.join(inbox, "notes.txt"), "hello");
    const lines = readFileSync(INPUT, "utf8").split("\n").slice(0, 13).join("\n") + "\n";
    writeFileSync(path.join(inbox, "game2.csv.part"), lines);
    renameSync(path.join(inbox, "game2.csv.part"), path.join(inbox, "game2.csv"));
    const entry = await until(async () => started[0]);
    expect(entry.startsWith("game2.csv ingest-")).toBe(true);
    const runId = entry.split(" ")[1]!;
    const done = await orch.waitForRun(runId, 60_000);
    expect(done).toMatchObject({ trigger: "event", rows_in: 12, input_path: path.join(inbox, "game2.csv") });
    await new Promise((r) => setTimeout(r, 400));
    expect(started).toHaveLength(1);
    copyFileSync(path.join(inbox, "game2.csv"), path.join(inbox, "copy.csv")); // same content: same key, no new run
    await until(async () => (started.length === 2 ? true : undefined));
    expect(started[1]!.split(" ")[1]).toBe(runId);
  });
});
