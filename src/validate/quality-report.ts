import type { QuarantineReason, ReferenceTables } from "../domain/index";
import { foldName, surnameOf } from "../transform/offline/name-parser";
import type { JudgedPlay } from "./judged-play";

/**
 * A data-quality check's name, as stored in `quality_results` and quarantine reasons ("domain", "referential", …).
 * The list of checks is `QUALITY_CHECKS` (quality-checks.ts): a new check is registered there and nowhere else.
 */
export type CheckName = string;

/** What one check says about one row. */
export type CheckOutcome =
  | { status: "passed" }
  | { status: "skipped" }
  | { status: "failed"; reasons: QuarantineReason[] };

/** State shared by the checks over one batch (uniqueness needs to remember what it saw). */
export interface CheckContext {
  refs: ReferenceTables;
  pitcherIds: Set<number>;
  batterIds: Set<number>;
  pitchTypeNames: Map<string, string>;
  /**
   * The names that name exactly one pitcher (batter) of the tables: a full name, or a surname no one else in the table
   * has, folded (lower case, no accents). Such a name with no ID was not left unmapped: the game state withheld the
   * ID (the man named is a fielder or a runner, not the one at work), which the game_state check reports.
   */
  knownPitcherNames: Set<string>;
  knownBatterNames: Set<string>;
  /** play_hash → play_id of its first occurrence in the batch. */
  seenHashes: Map<string, number>;
}

export interface QualityCheck {
  name: CheckName;
  /** One line a reader of the quality report understands. */
  description: string;
  /**
   * Judge one row: the play as validation judges it (`judgedPlay`: the game state's resolved values where it
   * gives one, else as stated; `play.stated` is the row as it loads). A reason names a field judged at a
   * resolved value with its provenance (`judgedName`: "outs (inferred)").
   */
  run(play: JudgedPlay, context: CheckContext): CheckOutcome;
}

/** How many rows passed, failed and were skipped by one check (skipped: the fields it needs are null). */
export interface CheckSummary {
  check: CheckName;
  description: string;
  passed: number;
  failed: number;
  skipped: number;
  /** Rows the check flagged with a warning but did not fail (a warning-only check such as `game_state`). Default 0. */
  warned?: number;
}

/** What a warning-only check says about one row: shown in the report, stored with the run, never quarantines. */
export interface QualityWarning {
  check: CheckName;
  play_id: number;
  field?: string;
  message: string;
}

/** The quality report of one validation: per check, and totals (`rows === valid + quarantined`). */
export interface QualityReport {
  rows: number;
  valid: number;
  quarantined: number;
  checks: CheckSummary[];
  /** Findings that warn without failing a row, in row order (the game-state check's contradictions). */
  warnings?: QualityWarning[];
}

export const PASSED: CheckOutcome = { status: "passed" };
export const SKIPPED: CheckOutcome = { status: "skipped" };

/** Turn a list of reasons into an outcome: no reasons means passed. */
export function outcomeOf(reasons: QuarantineReason[]): CheckOutcome {
  return reasons.length === 0 ? PASSED : { status: "failed", reasons };
}

/** Each full name, and each surname only one of the names has, folded as the name parser folds them (`foldName`). */
function namesNamingOne(names: readonly string[]): Set<string> {
  const surnames = new Map<string, number>();
  for (const n of names) surnames.set(surnameOf(n), (surnames.get(surnameOf(n)) ?? 0) + 1);
  return new Set([...names.map(foldName), ...[...surnames].filter(([, k]) => k === 1).map(([last]) => last)]);
}

export function createCheckContext(refs: ReferenceTables): CheckContext {
  return {
    refs,
    knownPitcherNames: namesNamingOne(refs.pitchers.map((p) => p.name)),
    knownBatterNames: namesNamingOne(refs.batters.map((b) => b.name)),
    pitcherIds: new Set(refs.pitchers.map((p) => p.pitcher_id)),
    batterIds: new Set(refs.batters.map((b) => b.batter_id)),
    pitchTypeNames: new Map(refs.pitchTypes.map((t) => [t.code as string, t.name])),
    seenHashes: new Map(),
  };
}
