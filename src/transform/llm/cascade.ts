import type { Extraction, RawPlay, ReferenceTables } from "../../domain/index";
import { RuleExtractor } from "../offline/rule-extractor";
import { readGameState } from "../state/game-state-reader";
import { fieldConfidence, isSettled, type FieldConfidence } from "./rule-confidence";

/** What the rules settled before any request, and what is left for the model. */
export interface CascadeResult {
  /** The rules' record of each settled row, by play_hash. */
  settled: Map<string, Extraction>;
  /** Rows the rules are not confident about, in input order: these go to the model. */
  remaining: RawPlay[];
  /** Per row (by play_hash), which fields the rules were confident about. */
  confidence: Map<string, FieldConfidence>;
}

/**
 * The first stage of the LLM path: the rule extractor reads every play, the game-state reader
 * reads them in order, and a row whose every field the rules are confident about (rule-confidence.ts:
 * one unambiguous signal read, or none and null; no contradiction of the game state) keeps the rules'
 * record. Only the others cost a request. Needs the reference tables (the rules read names against them).
 *
 * @example const { settled, remaining } = settleByRules(plays, reference); // remaining → the model
 */
export function settleByRules(plays: RawPlay[], reference: ReferenceTables): CascadeResult {
  // The reader already warned about repaired punctuation; the rules repair the same rows silently.
  const rules = new RuleExtractor({ references: reference, onWarning: () => undefined }).extract(plays);
  const rows = plays.map((p) => ({ ...p, ...rules.get(p.play_hash)! }));
  const findings = new Set(readGameState(rows, undefined, reference).findings.map((f) => f.play_id));
  const settled = new Map<string, Extraction>();
  const confidence = new Map<string, FieldConfidence>();
  const remaining: RawPlay[] = [];
  for (const p of plays) {
    const rec = rules.get(p.play_hash)!;
    const conf = fieldConfidence(p.playbyplay, rec, { reference, findings }, p.play_id);
    confidence.set(p.play_hash, conf);
    if (isSettled(conf)) settled.set(p.play_hash, rec);
    else remaining.push(p);
  }
  return { settled, remaining, confidence };
}
