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
  "all_null", // schema-valid extraction with every field null (a lazy model)
  "score_99", // schema-valid extraction with score_home 99 on every row
  // HTTP-level faults: the answer is generated (and billed), but the client never gets it whole.
  "reset", // connection reset (TCP RST) half-way through the body
  "truncate", // Content-Length longer than the bytes sent, then the socket is closed
  "close", // socket closed before any header is sent
  "hang", // headers and part of the body, then nothing until the client times out
  "garbled", // a complete HTTP 200 whose body is cut JSON (Content-Length matches), as a broken proxy sends
] as const;

/** Faults of the Batch API (files and batches endpoints), kept apart: they never touch a chat request sent on its own. */
export const BATCH_FAULT_KINDS = [
  "batch_line_error", // a line of a batch fails (HTTP 500 in the error file); the other lines are answered
  "batch_expired", // the batch expires half-way: the lines done are in the output file, the rest expired in the error file
  "batch_failed", // the batch fails validation: no line is run (nothing billed)
  "poll_reset", // the connection is reset while the client polls the batch (GET /v1/batches/{id})
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number] | (typeof BATCH_FAULT_KINDS)[number];
export const isBatchFault = (kind: FaultKind): boolean => (BATCH_FAULT_KINDS as readonly string[]).includes(kind);

/** Faults that break the HTTP exchange itself (the SDK never sees a well-formed answer). */
export const TRANSPORT_FAULTS: readonly FaultKind[] = ["timeout", "reset", "truncate", "close", "hang", "garbled"];

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
  /** For unauthorized: echo 16 characters of the key without its `sk-` prefix, as some servers do. */
  echoWithoutPrefix?: boolean;
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

/**
 * Rules from the command-line form `KIND=RATE[,KIND=RATE…]` (several specs may be given).
 * Throws with a message naming the bad spec.
 * @example parseFaultSpecs(["reset=0.1,truncate=0.1", "hang=0.05"])
 */
export function parseFaultSpecs(specs: string[]): FaultRule[] {
  return specs.flatMap((spec) => spec.split(",").filter((s) => s.trim() !== "")).map((spec) => {
    const [kind, rate] = spec.trim().split("=");
    if (![...FAULT_KINDS, ...BATCH_FAULT_KINDS].includes(kind as FaultKind) || rate === undefined || rate === "" || !(Number(rate) >= 0 && Number(rate) <= 1)) {
      throw new Error(`--fault expects KIND=RATE with KIND one of ${[...FAULT_KINDS, ...BATCH_FAULT_KINDS].join(", ")} and RATE in [0, 1], got ${JSON.stringify(spec)}`);
    }
    return { kind: kind as FaultKind, rate: Number(rate) };
  });
}
