import { createHash } from "node:crypto";

/** Faults the simulated model can inject, as a real provider sometimes does. */
export const FAULT_KINDS = [
  "rate_limit", // 429 with retry-after / retry-after-ms
  "server_error", // 500
  "timeout", // never answers; the client's timeout fires
  "truncated", // answer cut off, finish_reason "length"
  "malformed", // answer that is not JSON
  "schema", // JSON that breaks the schema for one play (or name)
  "refusal", // the model refuses
  "unauthorized", // 401 whose message echoes the key, as some servers do
  "wrong_id", // mapping answer with an ID that is not in the reference
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * When to inject a fault. Give one selector: `requests` (1-based request numbers, in
 * arrival order), `playHash` / `name` (requests carrying that play or name), or `rate`
 * (a probability per request, decided by a hash of the seed and the request content, so
 * the same run gets the same faults whatever the arrival order).
 */
export interface FaultRule {
  kind: FaultKind;
  requests?: number[];
  playHash?: string;
  name?: string;
  rate?: number;
  /** Inject at most this many times. Default: unlimited (`requests`: once per listed number). */
  times?: number;
  /** For rate_limit: seconds in `retry-after`. Default 1. */
  retryAfterSeconds?: number;
  /** For rate_limit: also send `retry-after-ms`. */
  retryAfterMs?: number;
}

export interface RequestFacts {
  /** 1-based arrival number. */
  number: number;
  /** Hash of the request content. */
  contentHash: string;
  /** How many times this same content has been seen before (0 the first time). */
  repeat: number;
  playHashes: string[];
  names: string[];
}

/** Picks the fault (if any) for each request; counts what it injected. */
export class FaultPlan {
  private readonly used = new Map<FaultRule, number>();
  readonly injected: Partial<Record<FaultKind, number>> = {};

  constructor(private readonly rules: FaultRule[], private readonly seed: number) {}

  pick(req: RequestFacts): FaultRule | undefined {
    for (const rule of this.rules) {
      if (rule.times !== undefined && (this.used.get(rule) ?? 0) >= rule.times) continue;
      if (!this.matches(rule, req)) continue;
      this.used.set(rule, (this.used.get(rule) ?? 0) + 1);
      this.injected[rule.kind] = (this.injected[rule.kind] ?? 0) + 1;
      return rule;
    }
    return undefined;
  }

  private matches(rule: FaultRule, req: RequestFacts): boolean {
    if (rule.requests) return rule.requests.includes(req.number);
    if (rule.playHash) return req.playHashes.includes(rule.playHash);
    if (rule.name) return req.names.includes(rule.name);
    if (rule.rate !== undefined) return seededUnit(`${this.seed}:${rule.kind}:${req.contentHash}:${req.repeat}`) < rule.rate;
    return true;
  }
}

/** A number in [0, 1) from a string, the same on every run. */
export function seededUnit(text: string): number {
  return createHash("sha256").update(text).digest().readUInt32BE(0) / 2 ** 32;
}
