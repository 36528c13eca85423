import type { QuarantineReason } from "../domain/index";
import { judgedName, saidHere, sourceNote, type JudgedPlay } from "./judged-play";
import { foldName } from "../transform/offline/name-parser";
import { outcomeOf, SKIPPED, type QualityCheck } from "./quality-report";

/**
 * Referential integrity against the reference tables. The pitcher and batter are judged as the game state
 * resolves them (the pitcher on the mound, the batter at the plate, carried to a row that names nobody), else
 * as stated; the pitch type as stated. An ID must exist, wherever it comes from: a carried ID that is in no
 * table is a wrong value on this row too. A name (or pitch type) the row's text gives with no ID is a failure,
 * because the row would silently drop out of every per-pitcher or per-batter analysis; a name only carried
 * from the rows before with no ID fails on the row that said it, not on every row after it. A name that names one
 * player of the table but has no ID was not unmapped: the game state withheld the ID (the man named fields or runs,
 * someone else is at work), a contradiction the game_state check reports as a warning. The mapped pitch
 * type name must be the reference's name for its code (case-insensitive). Skipped when the row has no
 * pitcher, no batter and no pitch.
 */
/**
 * Whether the game state withheld the ID of the name the row states: the row was read with the state, the state puts
 * someone else (or no one) in that role, and the name names exactly one player of the table.
 */
function withheld(play: JudgedPlay, field: "pitcher_name" | "batter_name", known: ReadonlySet<string>): boolean {
  const row = play.stated as unknown as Record<string, unknown>;
  const resolved = `${field}_resolved`;
  const name = row[field];
  const readWithState = Object.keys(play.stated.resolved_provenance ?? {}).length > 0;
  return readWithState && (row[resolved] ?? null) !== name && typeof name === "string" && known.has(foldName(name));
}

export const referentialCheck: QualityCheck = {
  name: "referential",
  description: "pitcher, batter and pitch type exist in the reference tables (pitcher and batter as the game state resolves them)",
  run(play, ctx) {
    const nothing =
      play.pitcher_id === null && play.pitcher_name === null &&
      play.batter_id === null && play.batter_name === null &&
      play.pitch_type_code === null && play.pitch_type === null;
    if (nothing) return SKIPPED;
    const reasons: QuarantineReason[] = [];
    const fail = (field: string, message: string) => reasons.push({ check: "referential", field, message });

    if (play.pitcher_id !== null && !ctx.pitcherIds.has(play.pitcher_id)) {
      fail("pitcher_id", `${judgedName(play, "pitcher_id")} ${play.pitcher_id} is not in the pitchers table`);
    } else if (play.pitcher_id === null && play.pitcher_name !== null && saidHere(play, "pitcher_name") && !withheld(play, "pitcher_name", ctx.knownPitcherNames)) {
      fail("pitcher_id", `pitcher ${JSON.stringify(play.pitcher_name)}${sourceNote(play, "pitcher_name")} was not mapped to a pitcher_id`);
    }
    if (play.batter_id !== null && !ctx.batterIds.has(play.batter_id)) {
      fail("batter_id", `${judgedName(play, "batter_id")} ${play.batter_id} is not in the batters table`);
    } else if (play.batter_id === null && play.batter_name !== null && saidHere(play, "batter_name") && !withheld(play, "batter_name", ctx.knownBatterNames)) {
      fail("batter_id", `batter ${JSON.stringify(play.batter_name)}${sourceNote(play, "batter_name")} was not mapped to a batter_id`);
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
