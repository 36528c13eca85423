import { createHash } from "node:crypto";
import { EXTRACTION_FIELDS, type EnrichedPlay, type Extraction, type QuarantineReason, type RawPlay, type ReferenceTables } from "../domain/index";
import { OptionsError } from "../errors";
import type { Queryable } from "../db/database";
import { consistencyCheck, domainCheck, judgedPlay } from "../validate/index";
import { createCheckContext } from "../validate/quality-report";
import { withDefaults } from "../util/defined";
import { appendReleaseLog, defaultActor, readReleaseState, setReleaseState } from "./release-log";

/** What an extractor version gives back: extractions by play_hash, and optionally what they cost. */
export type ExtractorOutput = Map<string, Extraction> | { extractions: Map<string, Extraction>; costUsd: number };

/** A prompt, model or extractor version: a label and a function from plays to extractions. */
export interface ExtractorVersion {
  /** Recorded in `release_log` and `release_state`, e.g. `"rules-v1"` or `"prompt-v3/gpt-4o-mini"`. */
  id: string;
  extract(plays: RawPlay[]): ExtractorOutput | Promise<ExtractorOutput>;
}

export interface CanaryMargins {
  /** Largest share of (row, field) values that may differ from the current version. Default 0.05. */
  maxDisagreement: number;
  /** How much the quarantine rate may rise, in absolute terms (0.02 = two points). Default 0.02. */
  maxQuarantineIncrease: number;
  /** How much the cost per row may rise, relative (0.1 = 10% more). Default 0.1. */
  maxCostIncrease: number;
  /**
   * Largest share of plays on which any one field may differ. Default 0.15. The overall agreement
   * averages over every field, so a candidate that gets the batter wrong on half the plays can still
   * agree on 95% of all values: this catches it.
   */
  maxFieldDisagreement: number;
}

export interface CanaryOptions {
  current: ExtractorVersion;
  candidate: ExtractorVersion;
  /** Plays in the sample, chosen deterministically by `seed`. Default 50 (config `canary.sampleSize`). */
  sampleSize?: number;
  /** Changes which plays are sampled. Default `"canary"`. */
  seed?: string;
  /** Defaults as documented on `CanaryMargins` (config `canary.*`). */
  margins?: Partial<CanaryMargins>;
  /** Reasons a row would be quarantined. Default: schema, domain and consistency checks of `validate/`. */
  validate?: (play: RawPlay, extraction: Extraction | undefined) => QuarantineReason[];
  /** Release target recorded in the log. Default `"extractor"`. */
  target?: string;
  /** Who runs the canary. Default `user@host`. */
  actor?: string;
}

export interface VersionQuality {
  id: string;
  rows: number;
  quarantined: number;
  quarantineRate: number;
  costUsd: number;
  costPerRow: number;
}

export interface CanaryReport {
  sample: number;
  current: VersionQuality;
  candidate: VersionQuality;
  /** Share of (row, field) values on which the candidate agrees with the current version. */
  agreement: number;
  /** Agreement per field, to see where a candidate differs. */
  fieldAgreement: Record<string, number>;
  promoted: boolean;
  /** Why it was rejected (empty when promoted). */
  reasons: string[];
}

const EMPTY_REFS: ReferenceTables = { pitchers: [], batters: [], pitchTypes: [] } as unknown as ReferenceTables;

/** The default row check: the extraction exists and passes the domain and consistency checks. */
export function defaultCanaryValidate(play: RawPlay, extraction: Extraction | undefined): QuarantineReason[] {
  if (!extraction) return [{ check: "schema", message: "no extraction for this play" }];
  const row = { ...play, ...extraction } as unknown as EnrichedPlay;
  const context = createCheckContext(EMPTY_REFS);
  return [domainCheck, consistencyCheck].flatMap((check) => {
    const outcome = check.run(judgedPlay(row), context);
    return outcome.status === "failed" ? outcome.reasons : [];
  });
}

/** The same plays every time for the same seed, spread over the game rather than its first rows. */
export function canarySample(plays: readonly RawPlay[], size: number, seed = "canary"): RawPlay[] {
  const unique = [...new Map(plays.map((p) => [p.play_hash, p])).values()];
  const key = (p: RawPlay) => createHash("sha256").update(`${seed}:${p.play_hash}`).digest("hex");
  return unique.map((p) => [key(p), p] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1)).slice(0, size).map(([, p]) => p).sort((a, b) => a.play_id - b.play_id);
}

/**
 * Run a candidate version on a sample next to the current one, compare field agreement,
 * quarantine rate and cost per row, and promote it only if it is not worse by the margins.
 * The outcome (promote or canary-reject, with the figures) goes to `release_log`; a promotion
 * also makes the candidate current in `release_state`.
 *
 * @example
 * const report = await runCanary(db, plays, { current: rules, candidate: promptV2, sampleSize: 50 });
 * report.promoted; report.reasons; // ["quarantine rate 18.0% vs 2.0% (allowed +2.0 points)"]
 */
export async function runCanary(db: Queryable, plays: readonly RawPlay[], options: CanaryOptions): Promise<CanaryReport> {
  const o = withDefaults({ sampleSize: 50, seed: "canary", validate: defaultCanaryValidate, target: "extractor", actor: defaultActor() }, options);
  const m: CanaryMargins = withDefaults({ maxDisagreement: 0.05, maxQuarantineIncrease: 0.02, maxCostIncrease: 0.1, maxFieldDisagreement: 0.15 }, options.margins ?? {});
  if (!Number.isInteger(o.sampleSize) || o.sampleSize < 1) throw new OptionsError("sampleSize", "an integer ≥ 1", o.sampleSize);
  for (const [k, v] of Object.entries(m)) if (!(typeof v === "number" && v >= 0)) throw new OptionsError(`margins.${k}`, "a number ≥ 0", v);
  for (const k of ["current", "candidate"] as const) {
    if (!o[k] || typeof o[k].extract !== "function" || !o[k].id) throw new OptionsError(k, "an extractor version { id, extract }", o[k]);
  }
  if (o.candidate.id === o.current.id) throw new OptionsError("candidate", `a version other than the current one (${o.current.id})`, o.candidate.id);
  const sample = canarySample(plays, o.sampleSize, o.seed);
  if (sample.length === 0) throw new OptionsError("plays", "at least one play", plays.length);

  const run = async (v: ExtractorVersion) => {
    const out = await v.extract(sample);
    const extractions = out instanceof Map ? out : out.extractions;
    const costUsd = out instanceof Map ? 0 : out.costUsd;
    const quarantined = sample.filter((p) => o.validate(p, extractions.get(p.play_hash)).length > 0).length;
    const quality: VersionQuality = {
      id: v.id, rows: sample.length, quarantined, quarantineRate: quarantined / sample.length, costUsd, costPerRow: costUsd / sample.length,
    };
    return { extractions, quality };
  };
  const current = await run(o.current);
  const candidate = await run(o.candidate);

  const fieldAgreement: Record<string, number> = {};
  let agree = 0;
  for (const field of EXTRACTION_FIELDS) {
    const same = sample.filter((p) => sameValue(current.extractions.get(p.play_hash)?.[field], candidate.extractions.get(p.play_hash)?.[field])).length;
    fieldAgreement[field] = same / sample.length;
    agree += same;
  }
  const agreement = agree / (sample.length * EXTRACTION_FIELDS.length);

  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const reasons: string[] = [];
  if (1 - agreement > m.maxDisagreement) reasons.push(`agrees with ${o.current.id} on ${pct(agreement)} of values (allowed disagreement ${pct(m.maxDisagreement)})`);
  const farFields = Object.entries(fieldAgreement).filter(([, a]) => 1 - a > m.maxFieldDisagreement + 1e-12).sort((a, b) => a[1] - b[1]);
  if (farFields.length > 0) {
    reasons.push(`fields that differ from ${o.current.id}: ${farFields.map(([f, a]) => `${f} agrees on ${pct(a)}`).join(", ")} (each must agree on ≥ ${pct(1 - m.maxFieldDisagreement)})`);
  }
  const [cq, nq] = [current.quality.quarantineRate, candidate.quality.quarantineRate];
  if (nq > cq + m.maxQuarantineIncrease + 1e-12) reasons.push(`quarantine rate ${pct(nq)} vs ${pct(cq)} (allowed +${(m.maxQuarantineIncrease * 100).toFixed(1)} points)`);
  const [cc, nc] = [current.quality.costPerRow, candidate.quality.costPerRow];
  if (nc > cc * (1 + m.maxCostIncrease) + 1e-12) reasons.push(`cost per row $${nc.toFixed(6)} vs $${cc.toFixed(6)} (allowed +${pct(m.maxCostIncrease)})`);

  const report: CanaryReport = { sample: sample.length, current: current.quality, candidate: candidate.quality, agreement, fieldAgreement, promoted: reasons.length === 0, reasons };
  const details = { sample: report.sample, agreement, current: report.current, candidate: report.candidate, margins: m };
  if (report.promoted) {
    const before = await readReleaseState(db, o.target);
    await setReleaseState(db, o.target, o.candidate.id, before?.current_version ?? o.current.id);
    await appendReleaseLog(db, { target: o.target, action: "promote", from: o.current.id, to: o.candidate.id, actor: o.actor, reason: "canary not worse than current", details });
  } else {
    await appendReleaseLog(db, { target: o.target, action: "canary-reject", from: o.current.id, to: o.candidate.id, actor: o.actor, reason: reasons.join("; "), details });
  }
  return report;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return false;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  return a === b;
}
