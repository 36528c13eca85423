import type { EnrichedPlay, QuarantinedPlay, QuarantineReason, ReferenceTables, StateFinding } from "../domain/index";
import { OptionsError, toError } from "../errors";
import type { PipelineEvents } from "../events";
import { EnrichedPlaySchema } from "./enriched-play-schema";
import { gameStateWarnings } from "./game-state-check";
import { judgedPlay } from "./judged-play";
import { QUALITY_CHECKS } from "./quality-checks";
import { createCheckContext, type CheckName, type CheckOutcome, type CheckSummary, type QualityCheck, type QualityReport } from "./quality-report";

export interface ValidatePlaysOptions {
  /** Step name recorded on quarantined rows. Default `"validate"`. */
  step?: string;
  /** Row-level checks to run after the zod parse. Default: all of `QUALITY_CHECKS`. */
  checks?: readonly QualityCheck[];
  /** Emit `step:start` / `step:success` here when given. */
  events?: PipelineEvents;
  /** Run ID for the events. Default `"adhoc"`. */
  runId?: string;
  /**
   * Read the game state over the batch and report contradictions between a paragraph and the running state
   * as warnings (`report.warnings`, check `game_state`); they never quarantine a row. Default `true`.
   */
  gameState?: boolean;
  /**
   * The findings of a game-state reading over exactly `plays`, in order (the analyze step's, read once
   * per run): when every row passes the schema the check reports them instead of reading the game
   * again. When a row fails it, the check reads the rows that passed (the carried state differs).
   */
  stateFindings?: readonly StateFinding[];
}

export interface ValidationResult {
  valid: EnrichedPlay[];
  quarantined: QuarantinedPlay[];
  report: QualityReport;
}

const SCHEMA_CHECK = { check: "schema" as CheckName, description: "record matches the zod schemas of every step" };

/**
 * Validate enriched plays: a zod parse, then the named quality checks (content, domain, consistency,
 * referential, uniqueness), each on the row as judged (`judgedPlay`: the game state's resolved value of a
 * field where it gives one, else the stated value; content alone asks what the paragraph states). A row that
 * fails any of them is quarantined with every reason; the rows kept and quarantined are the plays as given,
 * stated values untouched. Then the game-state check reads the batch in order and reports contradictions
 * between the text and the state as warnings (`report.warnings`).
 * Never throws on data: `valid.length + quarantined.length === plays.length`, always.
 *
 * @example
 * const { valid, quarantined, report } = validatePlays(plays, refs);
 * quarantined[0]?.reasons; // [{ check: "domain", field: "outs", message: "outs must be an integer 0–2, got 3" }]
 */
export function validatePlays(plays: readonly EnrichedPlay[], refs: ReferenceTables, options: ValidatePlaysOptions = {}): ValidationResult {
  const { step = "validate", checks = QUALITY_CHECKS, events, runId = "adhoc", gameState = true } = options;
  if (typeof gameState !== "boolean") throw new OptionsError("gameState", "true or false", gameState);
  if (typeof step !== "string" || step.trim() === "") throw new OptionsError("step", "a non-empty string", step);
  if (!Array.isArray(checks)) throw new OptionsError("checks", "an array of quality checks", checks);
  const started = Date.now();
  events?.emit("step:start", { runId, step });

  const summaries: CheckSummary[] = [SCHEMA_CHECK, ...checks.map((c) => ({ check: c.name, description: c.description }))].map(
    (c) => ({ ...c, passed: 0, failed: 0, skipped: 0 }),
  );
  const context = createCheckContext(refs);
  const valid: EnrichedPlay[] = [];
  const quarantined: QuarantinedPlay[] = [];
  // The rows the game-state reader can read: those whose types the schema vouches for, in input order.
  const typed: EnrichedPlay[] = [];

  for (const play of plays) {
    const reasons: QuarantineReason[] = [];
    try {
      const parsed = EnrichedPlaySchema.safeParse(play);
      if (!parsed.success) {
        summaries[0]!.failed++;
        for (const issue of parsed.error.issues) {
          reasons.push({ check: "schema", field: issue.path.map(String).join(".") || undefined, message: issue.message });
        }
        // Types cannot be trusted, so the other checks do not run on this row.
        for (const s of summaries.slice(1)) s.skipped++;
      } else {
        summaries[0]!.passed++;
        // The row itself, not the parse's copy (the schema has no transforms: the same values), so the
        // batch is not held twice while the checks run.
        typed.push(play);
        // Every check judges the same view of the row: resolved values where the game state gives one.
        const judged = judgedPlay(play);
        checks.forEach((check, i) => {
          const outcome: CheckOutcome = check.run(judged, context);
          const summary = summaries[i + 1]!;
          if (outcome.status === "failed") {
            summary.failed++;
            reasons.push(...outcome.reasons);
          } else if (outcome.status === "skipped") summary.skipped++;
          else summary.passed++;
        });
      }
    } catch (e) {
      reasons.push({ check: "internal", message: `a quality check failed to run: ${toError(e).message}` });
    }
    if (reasons.length === 0) valid.push(play);
    else quarantined.push({ play, step, reasons });
  }

  const handed = typed.length === plays.length ? options.stateFindings : undefined;
  const state = gameState ? gameStateWarnings(typed, refs, plays.length - typed.length, handed) : null;
  if (state) summaries.push(state.summary);
  events?.emit("step:success", { runId, step, durationMs: Date.now() - started, rowsIn: plays.length, rowsOut: valid.length });
  return {
    valid,
    quarantined,
    report: { rows: plays.length, valid: valid.length, quarantined: quarantined.length, checks: summaries, warnings: state?.warnings ?? [] },
  };
}
