import { createHash } from "node:crypto";
import {
  PITCH_TYPE_NAMES,
  type CanonicalMapping,
  type Confidence,
  type Extraction,
  type PitchTypeCode,
  type ReferenceTables,
} from "../../domain/index";
import { LlmResponseError, type AbortError, type BudgetExceededError, type LlmRateLimitError } from "../../errors";
import { runBatches, type BatchStep, type RunnerDeps, type RunnerStats } from "./batch-runner";
import { mappingMessages } from "./prompts";
import type { ResponseCache } from "./response-cache";
import { MAPPING_JSON_SCHEMA, MappingAnswerSchema } from "./response-schemas";

/** The deterministic mapper's surface (`createCanonicalMapper` in transform/canonical-mapper.ts). */
export interface DeterministicMapper {
  mapPitcher(name: string): { id: number; confidence: Confidence } | null;
  mapBatter(name: string): { id: number; confidence: Confidence } | null;
  mapPitchType(text: string): { code: PitchTypeCode; confidence: Confidence } | null;
}

export type NameKind = "pitcher" | "batter" | "pitch_type";

/** One distinct name to map. */
export interface NameItem {
  kind: NameKind;
  name: string;
}

/** A resolved name: the reference ID (or pitch type code), null when nothing in the reference fits. */
export interface NameAnswer {
  id: number | string | null;
  confidence: Confidence;
  source: "rules" | "llm";
}

export interface LlmMapResult {
  /** Canonical mapping per play_hash. */
  mappings: Map<string, CanonicalMapping>;
  /** Names left without an ID, and why (the model found no entry, or its answers kept failing). */
  unresolved: (NameItem & { reason: string })[];
  stopped?: BudgetExceededError | AbortError | LlmRateLimitError;
  stats: RunnerStats & { distinctNames: number; byRules: number; cachedNames: number; askedLlm: number; durationMs: number };
}

export interface MapInput {
  records: Map<string, Extraction>;
  reference: ReferenceTables;
  mapper: DeterministicMapper;
  cache: ResponseCache;
  deps: RunnerDeps;
  batchSize: number;
  onCacheHit(keys: string[]): Promise<void>;
}

const itemKey = (i: NameItem) => `${i.kind}:${i.name}`;

/**
 * Canonical mapping (sections 9.3–9.6) at the cost of a few requests: names are mapped
 * once per DISTINCT name, by the deterministic mapper first; only names it cannot resolve
 * go to the model, many per request, with the reference lists in the prompt. An ID the
 * reference does not contain is rejected (asked again, then left unresolved).
 */
export async function mapCanonical(input: MapInput): Promise<LlmMapResult> {
  const started = Date.now();
  const { records, reference, mapper, cache } = input;
  const distinct = new Map<string, NameItem>();
  const add = (kind: NameKind, name: string | null) => {
    if (name !== null && name.trim() !== "") distinct.set(itemKey({ kind, name }), { kind, name });
  };
  for (const r of records.values()) {
    add("pitcher", r.pitcher_name);
    add("batter", r.batter_name);
    add("pitch_type", r.pitch_type);
  }
  const answers = new Map<string, NameAnswer>();
  const pending: NameItem[] = [];
  for (const [key, item] of distinct) {
    const hit = item.kind === "pitcher" ? mapper.mapPitcher(item.name) : item.kind === "batter" ? mapper.mapBatter(item.name) : mapper.mapPitchType(item.name);
    if (hit) answers.set(key, { id: "code" in hit ? hit.code : hit.id, confidence: hit.confidence, source: "rules" });
    else pending.push(item);
  }
  const byRules = answers.size;

  const refHash = referenceHash(reference);
  const cacheKeyOf = (i: NameItem) => cache.keyOf(JSON.stringify([i.kind, i.name, refHash]));
  const stored = await cache.getMany(pending.map(cacheKeyOf));
  const ask: NameItem[] = [];
  let cachedNames = 0;
  for (const item of pending) {
    const s = stored.get(cacheKeyOf(item)) as NameAnswer | undefined;
    if (s && typeof s === "object" && "confidence" in s) {
      answers.set(itemKey(item), s);
      cachedNames++;
    } else ask.push(item);
  }
  if (cachedNames > 0) await input.onCacheHit(pending.filter((i) => !ask.includes(i)).map(cacheKeyOf));

  const step: BatchStep<NameItem, NameAnswer> = {
    step: "map",
    schemaName: "canonical_mappings",
    schema: MAPPING_JSON_SCHEMA,
    keyOf: itemKey,
    messages: (items) => mappingMessages(splitByKind(items), reference),
    maxTokensOut: (items) => 40 + items.length * 30,
    read: (json, items) => readMappingAnswer(json, items, reference),
    onResults: (ok) => cache.putMany([...ok].map(([key, answer]) => [cacheKeyOf(distinct.get(key)!), answer])),
  };
  const batches: NameItem[][] = [];
  for (let i = 0; i < ask.length; i += input.batchSize) batches.push(ask.slice(i, i + input.batchSize));
  const run = await runBatches(step, batches, input.deps);
  for (const [k, v] of run.results) answers.set(k, v);

  const unresolved: LlmMapResult["unresolved"] = [];
  for (const f of run.failures) unresolved.push({ ...f.item, reason: f.reason });
  for (const item of run.unfinished) unresolved.push({ ...item, reason: "not mapped: the run stopped" });
  for (const [key, a] of answers) if (a.id === null) unresolved.push({ ...distinct.get(key)!, reason: "no reference entry fits" });

  const mappings = new Map<string, CanonicalMapping>();
  for (const [hash, r] of records) mappings.set(hash, toMapping(r, answers));
  return {
    mappings,
    unresolved,
    stopped: run.stopped,
    stats: { ...run.stats, distinctNames: distinct.size, byRules, cachedNames, askedLlm: ask.length, durationMs: Date.now() - started },
  };
}

function toMapping(r: Extraction, answers: Map<string, NameAnswer>): CanonicalMapping {
  const get = (kind: NameKind, name: string | null) => (name === null ? undefined : answers.get(itemKey({ kind, name })));
  const p = get("pitcher", r.pitcher_name);
  const b = get("batter", r.batter_name);
  const t = get("pitch_type", r.pitch_type);
  const code = t?.id == null ? null : (t.id as PitchTypeCode);
  return {
    pitcher_id: typeof p?.id === "number" ? p.id : null,
    pitcher_confidence: p && p.id !== null ? p.confidence : null,
    batter_id: typeof b?.id === "number" ? b.id : null,
    batter_confidence: b && b.id !== null ? b.confidence : null,
    pitch_type_code: code,
    pitch_type_name: code ? PITCH_TYPE_NAMES[code] : null,
    pitch_type_confidence: t && code ? t.confidence : null,
  };
}

function splitByKind(items: NameItem[]) {
  return {
    pitchers: items.filter((i) => i.kind === "pitcher").map((i) => i.name),
    batters: items.filter((i) => i.kind === "batter").map((i) => i.name),
    pitchTypes: items.filter((i) => i.kind === "pitch_type").map((i) => i.name),
  };
}

/** Accept only IDs of the reference lists; anything else is a bad answer for that name. */
export function readMappingAnswer(json: unknown, items: NameItem[], reference: ReferenceTables): { ok: Map<string, NameAnswer>; bad: Map<string, string> } {
  const parsed = MappingAnswerSchema.safeParse(json);
  if (!parsed.success) throw new LlmResponseError(`The mapping answer breaks the schema: ${parsed.error.issues[0]!.message}`, "schema");
  const a = parsed.data;
  const given = new Map<string, { id: number | string | null; confidence: Confidence }[]>();
  const push = (kind: NameKind, name: string, id: number | string | null, confidence: Confidence) => {
    const key = itemKey({ kind, name });
    given.set(key, [...(given.get(key) ?? []), { id, confidence }]);
  };
  a.pitchers.forEach((x) => push("pitcher", x.name, x.pitcher_id, x.confidence));
  a.batters.forEach((x) => push("batter", x.name, x.batter_id, x.confidence));
  a.pitch_types.forEach((x) => push("pitch_type", x.text, x.pitch_type_code, x.confidence));
  const valid: Record<NameKind, Set<number | string>> = {
    pitcher: new Set(reference.pitchers.map((p) => p.pitcher_id)),
    batter: new Set(reference.batters.map((b) => b.batter_id)),
    pitch_type: new Set(reference.pitchTypes.map((t) => t.code)),
  };
  const ok = new Map<string, NameAnswer>();
  const bad = new Map<string, string>();
  for (const item of items) {
    const key = itemKey(item);
    const list = given.get(key) ?? [];
    if (list.length !== 1) bad.set(key, list.length === 0 ? "the answer left this name out" : "the answer mapped this name twice");
    else if (list[0]!.id !== null && !valid[item.kind].has(list[0]!.id)) bad.set(key, `the answer gave ${item.kind} ID ${JSON.stringify(list[0]!.id)}, which is not in the reference`);
    else ok.set(key, { ...list[0]!, source: "llm" });
  }
  return { ok, bad };
}

function referenceHash(reference: ReferenceTables): string {
  return createHash("sha256").update(JSON.stringify(reference)).digest("hex").slice(0, 16);
}
