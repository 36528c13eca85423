import * as wb from "../../index";

/**
 * Weekdays at 06:30 New York time (the time zone makes it follow daylight saving), and an inbox
 * watcher that starts a run for each complete CSV. In the workbook, `startRun` would be
 * `(file) => orch.trigger("ingest", { trigger: "event", inputPath: file })`.
 */
export function makePlan(): wb.SchedulingPlan {
  return {
    cron: "30 6 * * 1-5",
    timezone: "America/New_York",
    watch: (folder, startRun) => wb.watchInbox({ folder, debounceMs: 400, onFile: startRun }),
  };
}
