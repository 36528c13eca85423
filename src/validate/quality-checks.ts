import { consistencyCheck } from "./consistency-check";
import { contentCheck } from "./content-check";
import { domainCheck } from "./domain-check";
import { SKIPPED, type CheckName, type QualityCheck } from "./quality-report";
import { referentialCheck } from "./referential-check";

/** Uniqueness of play_hash within the batch: the first occurrence passes, every later one fails. */
export const uniquenessCheck: QualityCheck = {
  name: "uniqueness",
  description: "play_hash appears once in the batch",
  run(play, ctx) {
    if (typeof play.play_hash !== "string") return SKIPPED;
    const first = ctx.seenHashes.get(play.play_hash);
    if (first === undefined) {
      ctx.seenHashes.set(play.play_hash, play.play_id);
      return { status: "passed" };
    }
    return {
      status: "failed",
      reasons: [{ check: "uniqueness", field: "play_hash", message: `play_hash ${play.play_hash} repeats play_id ${first}` }],
    };
  },
};

/** The row-level checks after the zod parse, in the order they run. */
export const QUALITY_CHECKS: readonly QualityCheck[] = [contentCheck, domainCheck, consistencyCheck, referentialCheck, uniquenessCheck];

/**
 * Every check's name, in the order the report lists them: the zod parse first, the row-level checks, then the
 * warning-only game-state check (validate-plays.ts).
 */
export const CHECK_NAMES: readonly CheckName[] = ["schema", ...QUALITY_CHECKS.map((c) => c.name), "game_state"];

export { consistencyCheck, contentCheck, domainCheck, referentialCheck };
