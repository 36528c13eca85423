import * as wb from "../../index";

/**
 * A multi-path conditional workflow: validate gates the batch, then either loads it or reports
 * the quarantine and raises an alert; summary joins both sides.
 */
export function buildDag(): wb.Dag {
  return wb
    .dag("lab_quality_gate")
    .task("validate", async (ctx) => {
      const rows = ctx.params.rows as wb.GateRow[];
      const bad = rows.filter((r) => r.pitch_velocity_mph === null || r.pitch_velocity_mph < 40 || r.pitch_velocity_mph > 110);
      ctx.record({ rowsIn: rows.length, rowsQuarantined: bad.length });
      await ctx.put("bad", bad.length);
      return bad.length / rows.length <= 0.1 ? { branch: "load" } : { branch: ["quarantine_report", "alert"] };
    }, { branches: ["load", "quarantine_report", "alert"] })
    .task("load", async (ctx) => ctx.record({ rowsOut: (ctx.params.rows as wb.GateRow[]).length }), { after: ["validate"] })
    .task("quarantine_report", async (ctx) => ctx.put("report", `${await ctx.get("validate", "bad")} rows failed the gate`), { after: ["validate"] })
    .task("alert", async (ctx) => ctx.put("alerted", true), { after: ["validate"] })
    .task("summary", async (ctx) => ctx.put("done", true), { after: ["load", "quarantine_report", "alert"], trigger: "none_failed" });
}
