import type { EnrichedPlay, QuarantinedPlay, RawPlay, ReferenceTables, StateFinding } from "../../domain/index";
import { BudgetStoppedError, QualityGateError } from "../../errors";
import type { PipelineEvents } from "../../events";
import type { MalformedRow } from "../../extract/play-reader";
import { quarantineMalformed } from "../../load/quarantine-writer";
import type { RunOutcome } from "../../load/row-accounting";
import type { QualityReport } from "../../validate/quality-report";
import { validatePlays } from "../../validate/validate-plays";
import { extractionQuarantine } from "../enrich";
import type { RowFailure, StepStop } from "./extract-step";

/** What the quality gate decided. */
export interface GateDecision {
  /** Data rows in the input, malformed ones included. */
  rows: number;
  valid: number;
  quarantined: number;
  rate: number;
  maxRate: number;
  passed: boolean;
  /** Rows the AI step left without a record or mapping when the run was stopped (budget, wait). */
  notExtracted?: number;
  /** The run's budget in USD (LLM path). */
  budgetUsd?: number;
  /** Why the AI step stopped early, when it did. */
  stop?: StepStop;
}

export interface ValidateStepInput {
  runId: string;
  /** Every play read, in input order. */
  plays: readonly RawPlay[];
  malformed: readonly MalformedRow[];
  /** The plays ready to check (records, settled mappings and analyses joined). */
  enriched: readonly EnrichedPlay[];
  /** The plays the AI step left without a record or a mapping, and the reasons it gave. */
  missing: readonly RawPlay[];
  failures: readonly RowFailure[];
  refs: ReferenceTables;
  /** The findings of the game-state reading over `enriched` (the analyze step's): the game-state check reports them instead of reading again. */
  stateFindings?: readonly StateFinding[];
  /** Quality gate: above this share of quarantined rows nothing loads (ALERT_QUALITY_MAX_FAILED_RATE). */
  maxRate: number;
  stop?: StepStop;
  budgetUsd?: number;
  events?: PipelineEvents;
}

export interface ValidateStepResult {
  valid: EnrichedPlay[];
  /** Every row that failed: malformed, not extracted, failed a check. */
  quarantined: QuarantinedPlay[];
  report: QualityReport;
  gate: GateDecision;
}

/** validate: the quality checks, then the gate: load when few enough rows failed, else hold the valid rows. */
export function validateStep(input: ValidateStepInput): ValidateStepResult {
  const validation = validatePlays(input.enriched, input.refs, { runId: input.runId, events: input.events, stateFindings: input.stateFindings });
  const reasons = new Map<string, string>();
  for (const f of input.failures) if (!reasons.has(f.play_hash)) reasons.set(f.play_hash, f.reason);
  const notExtracted = input.missing.map((p) => ({ play_hash: p.play_hash, reason: reasons.get(p.play_hash) ?? "the AI step returned no record or mapping for this row" }));
  const quarantined = [...quarantineMalformed([...input.malformed]), ...extractionQuarantine(input.plays, notExtracted, "transform"), ...validation.quarantined];
  const rows = input.plays.length + input.malformed.length;
  const rate = rows === 0 ? 0 : quarantined.length / rows;
  const gate: GateDecision = {
    rows, valid: validation.valid.length, quarantined: quarantined.length, rate, maxRate: input.maxRate, passed: rate <= input.maxRate,
    ...(input.stop ? { stop: input.stop, notExtracted: input.missing.length } : {}),
    ...(input.budgetUsd === undefined ? {} : { budgetUsd: input.budgetUsd }),
  };
  return { valid: validation.valid, quarantined, report: validation.report, gate };
}

/** How the run ends after the gate: `stopped` (exit 4), `held` (exit 3) or `loaded` (exit 0). */
export function runOutcomeOf(gate: GateDecision): RunOutcome {
  return gate.stop ? "stopped" : gate.passed ? "loaded" : "held";
}

/** The error a run that did not load everything fails with (the ledger's cause), or undefined. */
export function runFailureOf(gate: GateDecision): BudgetStoppedError | QualityGateError | undefined {
  if (gate.stop) {
    // The run's cap (its extract tasks share it), not one task's part of it.
    const budgetUsd = gate.budgetUsd ?? gate.stop.budgetUsd;
    return new BudgetStoppedError(budgetUsd, gate.notExtracted ?? 0, gate.stop.kind === "budget" ? undefined : gate.stop.message);
  }
  return gate.passed ? undefined : new QualityGateError(gate.valid, gate.quarantined, gate.rows, gate.rate, gate.maxRate);
}
