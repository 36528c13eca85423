import type { Database } from "../../db/database";
import type { EnrichedPlay, QuarantinedPlay, ReferenceTables } from "../../domain/index";
import { releaseHeldLoadedBy, writeHeld } from "../../load/held-writer";
import { loadPlays, type LoadResult } from "../../load/play-loader";
import { writeQualityReport } from "../../load/quality-writer";
import { writeQuarantine } from "../../load/quarantine-writer";
import { loadReferenceTables } from "../../load/reference-loader";
import { recordRunAccounting } from "../../load/row-accounting";
import type { QualityReport } from "../../validate/quality-report";
import { runFailureOf, runOutcomeOf, type GateDecision } from "./validate-step";

export interface LoadStepInput {
  runId: string;
  refs: ReferenceTables;
  valid: EnrichedPlay[];
  quarantined: QuarantinedPlay[];
  report: QualityReport;
  gate: GateDecision;
}

/**
 * load: the reference tables, then the plays (idempotent upserts), quarantine and quality report;
 * valid rows a previous run held and this one loaded are released. Records where every row ended.
 */
export async function loadStep(db: Database, input: LoadStepInput): Promise<LoadResult> {
  const { runId, valid, quarantined, report, gate } = input;
  await loadReferenceTables(db, input.refs);
  const result = await loadPlays(db, { runId, plays: valid, quarantined, report });
  await releaseHeldLoadedBy(db, runId, valid);
  await recordRunAccounting(db, runId, {
    rowsIn: gate.rows, loaded: valid, quarantined: quarantined.map((q) => q.play), held: [],
    outcome: runOutcomeOf(gate), cause: runFailureOf(gate)?.message,
  });
  return result;
}

/**
 * hold: the gate failed, so nothing loads, and nothing is lost: every rejected row is kept with its
 * reasons, the valid rows are kept with the run (`held load RUN` loads them). Records where every row ended.
 */
export async function holdStep(db: Database, input: LoadStepInput): Promise<LoadResult> {
  const { runId, valid: held, quarantined, report, gate } = input;
  await loadReferenceTables(db, input.refs);
  await writeQualityReport(db, runId, report);
  const written = await writeQuarantine(db, runId, quarantined);
  await writeHeld(db, runId, held);
  await recordRunAccounting(db, runId, {
    rowsIn: gate.rows, loaded: [], quarantined: quarantined.map((q) => q.play), held,
    outcome: runOutcomeOf(gate), cause: runFailureOf(gate)?.message,
  });
  return { inserted: 0, updated: 0, unchanged: 0, quarantined: written };
}

/** The most frequent quarantine reasons (`check.field`), most first. */
export function topReasons(quarantined: readonly QuarantinedPlay[], n = 5): [string, number][] {
  const reasons = new Map<string, number>();
  for (const q of quarantined) for (const r of q.reasons) {
    const k = `${r.check}${r.field ? `.${r.field}` : ""}`;
    reasons.set(k, (reasons.get(k) ?? 0) + 1);
  }
  return [...reasons].sort((a, b) => b[1] - a[1]).slice(0, n);
}
