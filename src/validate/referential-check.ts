import type { QuarantineReason } from "../domain/index";
import { outcomeOf, SKIPPED, type QualityCheck } from "./quality-report";

/**
 * Referential integrity against the reference tables: pitcher_id, batter_id and pitch_type_code
 * must exist; a name (or pitch type) the text gave but no ID is a failure, because the row would
 * silently drop out of every per-pitcher or per-batter analysis. The mapped pitch type name must be
 * the reference's name for its code (case-insensitive). Skipped when the row names nobody and no pitch.
 */
export const referentialCheck: QualityCheck = {
  name: "referential",
  description: "pitcher, batter and pitch type exist in the reference tables",
  run(play, ctx) {
    const nothing =
      play.pitcher_id === null && play.pitcher_name === null &&
      play.batter_id === null && play.batter_name === null &&
      play.pitch_type_code === null && play.pitch_type === null;
    if (nothing) return SKIPPED;
    const reasons: QuarantineReason[] = [];
    const fail = (field: string, message: string) => reasons.push({ check: "referential", field, message });

    if (play.pitcher_id !== null && !ctx.pitcherIds.has(play.pitcher_id)) {
      fail("pitcher_id", `pitcher_id ${play.pitcher_id} is not in the pitchers table`);
    } else if (play.pitcher_id === null && play.pitcher_name !== null) {
      fail("pitcher_id", `pitcher ${JSON.stringify(play.pitcher_name)} was not mapped to a pitcher_id`);
    }
    if (play.batter_id !== null && !ctx.batterIds.has(play.batter_id)) {
      fail("batter_id", `batter_id ${play.batter_id} is not in the batters table`);
    } else if (play.batter_id === null && play.batter_name !== null) {
      fail("batter_id", `batter ${JSON.stringify(play.batter_name)} was not mapped to a batter_id`);
    }
    if (play.pitch_type_code !== null) {
      const name = ctx.pitchTypeNames.get(play.pitch_type_code);
      if (name === undefined) {
        fail("pitch_type_code", `pitch_type_code ${JSON.stringify(play.pitch_type_code)} is not in the pitch_types table`);
      } else if (play.pitch_type_name !== null && play.pitch_type_name.toLowerCase() !== name.toLowerCase()) {
        fail("pitch_type_name", `pitch_type_name ${JSON.stringify(play.pitch_type_name)} is not the reference name ${JSON.stringify(name)} of ${play.pitch_type_code}`);
      }
    } else if (play.pitch_type !== null) {
      fail("pitch_type_code", `pitch type ${JSON.stringify(play.pitch_type)} was not mapped to a pitch_type_code`);
    }
    return outcomeOf(reasons);
  },
};
