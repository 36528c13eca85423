import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { findProjectRoot } from "../../src/config";
import { playHash } from "../../src/extract";
import { loadTokenCounter, type TokenCounter } from "../../src/monitor/cost";
import { loadAnswerBook, type AnswerBook } from "./answer-book";
import { answerNames, answerPlays, parseNames, parsePlays } from "./answers";
import { createBatchApi, type BatchStats } from "./batch-api";
import { FaultPlan, TRANSPORT_FAULTS, isBatchFault, type FaultKind, type FaultRule, type RequestFacts } from "./faults";
import { loadRosterBook, parseRosterNames } from "./roster-answers";

/** Options of the simulated model. */
export interface SimulatedModelOptions {
  /** Port on 127.0.0.1; 0 picks a free one. Default 0. */
  port?: number;
  /** Delay before each answer, ms. Default 300. */
  latencyMs?: number;
  /** Faults to inject. Default none. */
  faults?: FaultRule[];
  /** Seed of rate-based faults. Default 1. */
  seed?: number;
  /** How long a `timeout` or `hang` fault keeps the request open, ms (the client gives up first). Default 120 000. */
  hangMs?: number;
  /** Model id the server answers as. Default "simulated-gpt-4o-mini". */
  modelId?: string;
  /** Play the gullible model that obeys "ignore previous instructions". Default true. */
  obeyInjections?: boolean;
  /** Folder with ground_truth.jsonl and the reference CSVs. Default `<project>/data`. */
  dataDir?: string;
  /** How long a Batch API batch takes to validate, then to run, ms. Default 200. */
  batchLatencyMs?: number;
  /** Called as each chat request arrives, with its 1-based number (tests use it to kill a client mid-run). */
  onRequest?: (number: number) => void;
}

export interface ServedCount {
  requests: number;
  tokensIn: number;
  tokensOut: number;
}

/** What the server has seen and billed, for tests and for `GET /_stats` (also `GET /stats`). */
export interface SimulatedModelStats {
  requests: number;
  extractionRequests: number;
  mappingRequests: number;
  playsRequested: number;
  namesRequested: number;
  /** Tokens billed: every generated answer, delivered or not. */
  tokensIn: number;
  tokensOut: number;
  /** Of `tokensIn`, those served from the simulated prompt cache (a repeated prefix of 1,024 tokens or more). */
  tokensCached: number;
  /** Answers sent whole (HTTP 200 with usage the client can read). */
  delivered: ServedCount;
  /** Answers generated and billed but not delivered whole (transport faults: the client cannot know their usage). */
  undelivered: ServedCount;
  /** Of the above, what the Batch API ran (each line a request; billed at the batch price). */
  batch: BatchStats;
  faults: Partial<Record<FaultKind, number>>;
  /** Requests that carried a bearer key (the key itself is never kept). */
  authorized: number;
}

export interface SimulatedModel {
  /** Base URL to give the SDK (`OPENAI_BASE_URL`), ending in /v1. */
  readonly baseURL: string;
  readonly modelId: string;
  stats(): SimulatedModelStats;
  close(): Promise<void>;
}

export const SIMULATED_BANNER = "SIMULATED MODEL: answers come from the project's ground truth, not from a language model";

/**
 * Start an OpenAI-compatible server on 127.0.0.1 that answers `POST /v1/chat/completions`
 * from the ground truth, with token counts from gpt-tokenizer, a fixed latency, and faults
 * injected on demand, in the answer's content or in the HTTP exchange itself (reset, truncated body,
 * early close, hang). `GET /v1/models` lists its one model; `GET /_stats` reports what it saw and billed.
 * The Batch API (`/v1/files`, `/v1/batches`, batch-api.ts) runs the lines of a batch through the same answers.
 * A repeated prompt prefix of 1,024 tokens or more is reported as `usage.prompt_tokens_details.cached_tokens`.
 *
 * @example const sim = await startSimulatedModel({ latencyMs: 0 }); // sim.baseURL → http://127.0.0.1:PORT/v1
 */
export async function startSimulatedModel(options: SimulatedModelOptions = {}): Promise<SimulatedModel> {
  const o = { port: 0, latencyMs: 300, faults: [], seed: 1, hangMs: 120_000, batchLatencyMs: 200, modelId: "simulated-gpt-4o-mini", obeyInjections: true, ...options };
  const book = loadAnswerBook(o.dataDir ?? path.join(findProjectRoot(), "data"));
  const rosterBook = loadRosterBook(o.dataDir ?? path.join(findProjectRoot(), "data"));
  // The tokenizer is most of the start-up: it loads while the server already listens, and requests wait for it.
  let counter!: TokenCounter;
  const counterLoaded = loadTokenCounter("gpt-4o-mini").then((c) => {
    counter = c;
  });
  const plan = new FaultPlan(o.faults.filter((r) => !isBatchFault(r.kind)), o.seed);
  const batchPlans = {
    batch_line_error: new FaultPlan(o.faults.filter((r) => r.kind === "batch_line_error"), o.seed),
    batch_expired: new FaultPlan(o.faults.filter((r) => r.kind === "batch_expired"), o.seed),
    batch_failed: new FaultPlan(o.faults.filter((r) => r.kind === "batch_failed"), o.seed),
    poll_reset: new FaultPlan(o.faults.filter((r) => r.kind === "poll_reset"), o.seed),
  };
  const injected = () => Object.assign({}, plan.injected, ...Object.values(batchPlans).map((p) => p.injected)) as Partial<Record<FaultKind, number>>;
  const seen = new Map<string, number>();
  const prefixes = new Set<string>();
  const stats: SimulatedModelStats = {
    requests: 0, extractionRequests: 0, mappingRequests: 0, playsRequested: 0, namesRequested: 0, tokensIn: 0, tokensOut: 0, tokensCached: 0,
    delivered: { requests: 0, tokensIn: 0, tokensOut: 0 }, undelivered: { requests: 0, tokensIn: 0, tokensOut: 0 }, batch: { batches: 0, requests: 0, tokensIn: 0, tokensOut: 0, tokensCached: 0, polls: 0 },
    faults: plan.injected, authorized: 0,
  };
  const snapshot = (): SimulatedModelStats => ({ ...stats, delivered: { ...stats.delivered }, undelivered: { ...stats.undelivered }, batch: { ...stats.batch }, faults: injected() });
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => void counterLoaded.then(() => {
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        if (res.destroyed) return;
        res.writeHead(status, { "content-type": "application/json", "x-simulated-model": "true", ...headers });
        res.end(JSON.stringify(body));
      };
      if (req.method === "GET" && (req.url === "/stats" || req.url === "/_stats")) return send(200, { banner: SIMULATED_BANNER, ...snapshot() });
      if (req.method === "GET" && req.url?.startsWith("/v1/models")) {
        return send(200, { object: "list", data: [{ id: o.modelId, object: "model", created: 0, owned_by: "simulated" }] });
      }
      if (batchApi.handle(req, Buffer.concat(chunks), send, res)) return;
      if (req.method !== "POST" || !req.url?.startsWith("/v1/chat/completions")) return send(404, { error: { message: "Not found", type: "invalid_request_error" } });
      handleChat(Buffer.concat(chunks).toString("utf8"), req.headers.authorization, send, res);
    }));
  });

  type Send = (s: number, b: unknown, h?: Record<string, string>) => void;
  const batchApi = createBatchApi({
    plans: batchPlans,
    stats: stats.batch,
    later,
    latencyMs: o.batchLatencyMs,
    run: (body, raw, pick) => {
      const g = generate(body as ChatBody, raw, "Bearer batch", pick);
      return g.kind === "error" ? { kind: "error", status: g.status, body: g.body } : g;
    },
  });

  type ChatBody = { messages?: { role: string; content: string }[]; response_format?: { json_schema?: { schema?: unknown } } };
  /** What one chat request produces: an HTTP error, or a generated (and billed) completion, maybe to be delivered badly. */
  type Generated =
    | { kind: "error"; status: number; body: unknown; headers?: Record<string, string>; delayMs: number }
    | { kind: "completion"; completion: Record<string, unknown>; tokensIn: number; tokensOut: number; tokensCached: number; transport?: FaultKind };

  function handleChat(raw: string, auth: string | undefined, send: Send, res: http.ServerResponse) {
    let body: ChatBody;
    try {
      body = JSON.parse(raw);
    } catch {
      return send(400, { error: { message: "Body is not JSON", type: "invalid_request_error" } });
    }
    const g = generate(body, raw, auth, (facts) => plan.pick(facts));
    if (g.kind === "error") return later(g.delayMs, () => send(g.status, g.body, g.headers));
    if (g.transport) {
      stats.undelivered.requests++;
      stats.undelivered.tokensIn += g.tokensIn;
      stats.undelivered.tokensOut += g.tokensOut;
      return breakTransport(g.transport, res, Buffer.from(JSON.stringify(g.completion)));
    }
    stats.delivered.requests++;
    stats.delivered.tokensIn += g.tokensIn;
    stats.delivered.tokensOut += g.tokensOut;
    later(o.latencyMs, () => send(200, g.completion));
  }

  /** Answer one chat request (sent on its own, or a line of a batch): the fault `pick` chooses shapes the answer. */
  function generate(body: ChatBody, raw: string, auth: string | undefined, pick: (facts: RequestFacts) => FaultRule | undefined): Generated {
    stats.requests++;
    o.onRequest?.(stats.requests);
    if (auth?.startsWith("Bearer ")) stats.authorized++;
    const messages = body.messages ?? [];
    const user = messages.filter((m) => m.role === "user").map((m) => m.content).join("\n");
    const plays = parsePlays(user);
    const names = parseNames(user);
    const isExtraction = plays.length > 0;
    if (isExtraction) stats.extractionRequests++;
    else stats.mappingRequests++;
    stats.playsRequested += plays.length;
    const allNames = [...names.pitchers, ...names.batters, ...names.pitchTypes];
    stats.namesRequested += allNames.length;
    const contentHash = createHash("sha256").update(raw).digest("hex");
    const repeat = seen.get(contentHash) ?? 0;
    seen.set(contentHash, repeat + 1);
    const hashes = plays.map((p) => playHash(p.text));
    const fault = pick({ number: stats.requests, contentHash, repeat, playHashes: hashes, names: allNames });
    const targetOf = (hash?: string) => (hash === undefined ? undefined : plays[hashes.indexOf(hash)]?.i);

    if (fault?.kind === "rate_limit") {
      const headers: Record<string, string> = { "retry-after": String(fault.retryAfterSeconds ?? 1) };
      if (fault.retryAfterMs !== undefined) headers["retry-after-ms"] = String(fault.retryAfterMs);
      return { kind: "error", status: 429, body: { error: { message: "Rate limit reached (simulated)", type: "requests", code: "rate_limit_exceeded" } }, headers, delayMs: o.latencyMs / 3 };
    }
    if (fault?.kind === "server_error" || fault?.kind === "batch_line_error") {
      return { kind: "error", status: 500, body: { error: { message: "The server had an error (simulated)", type: "server_error", code: "server_error" } }, delayMs: o.latencyMs / 3 };
    }
    if (fault?.kind === "unauthorized") {
      const echoed = (auth ?? "").replace(/^Bearer /, "");
      const shown = fault.echoWithoutPrefix ? echoed.replace(/^sk-/, "").slice(0, 16) : echoed;
      return { kind: "error", status: 401, body: { error: { message: `Incorrect API key provided: ${shown}. (simulated)`, type: "invalid_request_error", code: "invalid_api_key" } }, delayMs: 0 };
    }

    const rosterNames = parseRosterNames(user);
    let answer: unknown = rosterNames.length > 0 ? rosterBook.answer(rosterNames)
      : isExtraction ? answerPlays(book, plays, o.obeyInjections) : answerNames(book, names, fault?.kind === "wrong_id");
    if (fault?.kind === "schema") answer = breakSchema(answer, targetOf(fault.playHash));
    if (fault?.kind === "all_null" || fault?.kind === "score_99") answer = implausible(answer, fault.kind, targetOf(fault.playHash));
    let content: string | null = JSON.stringify(answer);
    let finish = "stop";
    let refusal: string | null = null;
    if (fault?.kind === "truncated") {
      content = content.slice(0, Math.floor(content.length / 2));
      finish = "length";
    } else if (fault?.kind === "malformed") {
      content = `Here is the data: ${content.slice(0, -2)},}`;
    } else if (fault?.kind === "refusal") {
      content = null;
      refusal = "I'm sorry, but I can't help with that request. (simulated)";
    }
    // The answer is generated, so it is billed, whether or not the client gets it.
    const tokensIn = counter.countRequest({ messages, schema: body.response_format?.json_schema?.schema });
    const tokensOut = counter.count(content ?? refusal ?? "");
    const tokensCached = cachedPrefix(messages, body.response_format?.json_schema?.schema);
    stats.tokensCached += tokensCached;
    stats.tokensIn += tokensIn;
    stats.tokensOut += tokensOut;
    const completion = {
      id: `chatcmpl-sim-${stats.requests}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: o.modelId,
      system_fingerprint: "simulated",
      choices: [{ index: 0, message: { role: "assistant", content, refusal }, logprobs: null, finish_reason: finish }],
      usage: { prompt_tokens: tokensIn, completion_tokens: tokensOut, total_tokens: tokensIn + tokensOut, prompt_tokens_details: { cached_tokens: tokensCached } },
    };
    const transport = fault && TRANSPORT_FAULTS.includes(fault.kind) ? fault.kind : undefined;
    return { kind: "completion", completion, tokensIn, tokensOut, tokensCached, transport };
  }

  /**
   * Prompt caching as OpenAI does it: the prefix a request shares with an earlier one (here: every message before
   * the last, plus the response schema) is served from the cache when it is 1,024 tokens or longer, in steps of 128.
   */
  function cachedPrefix(messages: { role: string; content: string }[], schema: unknown): number {
    if (messages.length < 2) return 0;
    const prefix = messages.slice(0, -1);
    const key = createHash("sha256").update(JSON.stringify([prefix, schema])).digest("hex");
    const tokens = counter.countRequest({ messages: prefix, schema }) - 3;
    const seenBefore = prefixes.has(key);
    prefixes.add(key);
    if (!seenBefore || tokens < 1024) return 0;
    return 1024 + Math.floor((tokens - 1024) / 128) * 128;
  }

  /** Deliver a generated answer badly, the way a flaky network or proxy does. */
  function breakTransport(kind: FaultKind, res: http.ServerResponse, bytes: Buffer) {
    const headers = { "content-type": "application/json", "x-simulated-model": "true", "content-length": String(bytes.length) };
    const half = bytes.subarray(0, Math.floor(bytes.length / 2));
    const socket = res.socket;
    if (kind === "timeout") return later(o.hangMs, () => !res.destroyed && res.writeHead(504, headers).end());
    later(o.latencyMs, () => {
      if (res.destroyed || !socket) return;
      if (kind === "close") return socket.destroy();
      if (kind === "garbled") {
        res.writeHead(200, { ...headers, "content-length": String(half.length) });
        return res.end(half);
      }
      res.writeHead(200, headers);
      res.write(half);
      // Let the first half reach the client before the connection breaks.
      if (kind === "reset") return later(20, () => socket.resetAndDestroy());
      if (kind === "truncate") return later(20, () => socket.end());
      if (kind === "hang") return later(o.hangMs, () => socket.destroy());
    });
  }

  await new Promise<void>((resolve) => server.listen(o.port, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    modelId: o.modelId,
    stats: snapshot,
    close: () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Break one item of an answer: the targeted play's row (or the first) gets a string where the outs belong. */
function breakSchema(answer: unknown, target?: number): unknown {
  const a = answer as { plays?: unknown[][]; pitchers?: unknown };
  if (a.plays) {
    const row = a.plays.find((r) => r[0] === target) ?? a.plays[0];
    if (row) row[3] = "two";
    return a;
  }
  return { ...a, pitchers: "not a list" };
}

/** A schema-valid but implausible answer: every field null, or score_home 99, on the targeted play's row (or every row). */
function implausible(answer: unknown, kind: "all_null" | "score_99", target?: number): unknown {
  const a = answer as { plays?: unknown[][] };
  if (!a.plays) return answer;
  for (const row of a.plays) {
    if (target !== undefined && row[0] !== target) continue;
    if (kind === "score_99") row[4] = 99;
    else row.fill(null, 1);
  }
  return a;
}

export { type AnswerBook, type FaultRule, type FaultKind };
