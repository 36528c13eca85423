import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { AbortError, LlmError, LlmRateLimitError, LlmResponseError, toError } from "../../errors";
import type { TokenUsage } from "../../monitor/cost/index";
import { isRetryableStatus, retryAfterFromHeaders } from "../../util/retry-policy";

export interface ChatMessage {
  role: "system" | "user";
  content: string;
}

/** One structured-output request: messages plus the strict JSON schema of the answer. */
export interface JsonChatRequest {
  model: string;
  temperature: number;
  messages: ChatMessage[];
  schemaName: string;
  schema: Record<string, unknown>;
  maxTokensOut: number;
  signal?: AbortSignal;
}

export interface JsonChatResponse {
  json: unknown;
  usage: TokenUsage;
  /** The model id the server says answered (a simulated server says so here). */
  model: string;
}

/** A bad answer that was nevertheless billed: carries its `usage` so the cost is still counted. */
export class BilledResponseError extends LlmResponseError {
  constructor(message: string, kind: LlmResponseError["kind"], readonly usage: TokenUsage) {
    super(message, kind);
  }
}

/**
 * The exchange broke after the request left (a connection reset, a truncated or unparseable
 * HTTP body, a close, a timeout): worth retrying, and the provider may have billed an answer
 * we never read, so its usage is unknown.
 */
export class LlmTransportError extends LlmError {
  constructor(message: string, readonly usageUnknown: boolean) {
    super(message, true);
  }
}

/**
 * The real OpenAI SDK with its own retries off: `maxRetries: 0`, because the
 * pipeline's declared retry policy (retry-policy.ts) is the only one.
 */
export function createOpenAIClient(options: { apiKey: string; baseURL?: string; timeoutMs: number }): OpenAI {
  return new OpenAI({ apiKey: options.apiKey, baseURL: options.baseURL, timeout: options.timeoutMs, maxRetries: 0 });
}

/**
 * Send one request and return its parsed JSON, or throw an `LlmError` that says whether a
 * retry may help. Error messages pass through `redact` so a key echoed by a server never
 * reaches a log, and the SDK's error object is not kept as `cause` for the same reason.
 */
export async function completeJson(client: OpenAI, req: JsonChatRequest, redact: (s: string) => string): Promise<JsonChatResponse> {
  let completion: OpenAI.Chat.Completions.ChatCompletion;
  try {
    completion = await client.chat.completions.create(chatRequestBody(req), { signal: req.signal });
  } catch (e) {
    throw classifyError(e, redact);
  }
  return readCompletion(completion, redact);
}

/** The body of a structured-output chat request: what is sent on its own, or as one line of a Batch API file. */
export function chatRequestBody(req: Omit<JsonChatRequest, "signal">): OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming {
  return {
    model: req.model,
    temperature: req.temperature,
    messages: req.messages,
    max_completion_tokens: req.maxTokensOut,
    response_format: { type: "json_schema", json_schema: { name: req.schemaName, strict: true, schema: req.schema } },
  };
}

/** A completion's JSON and usage, or a `BilledResponseError` (it was billed) saying what is wrong with it. */
export function readCompletion(completion: OpenAI.Chat.Completions.ChatCompletion, redact: (s: string) => string): JsonChatResponse {
  const usage: TokenUsage = {
    tokensIn: completion.usage?.prompt_tokens ?? 0,
    tokensOut: completion.usage?.completion_tokens ?? 0,
    // The provider's prompt cache (a repeated prefix of 1,024 tokens or more): billed at the cached rate.
    tokensCached: completion.usage?.prompt_tokens_details?.cached_tokens ?? 0,
  };
  const choice = completion.choices?.[0];
  if (!choice) throw new BilledResponseError("The answer has no choices", "malformed", usage);
  if (choice.message.refusal) throw new BilledResponseError(`The model refused: ${redact(choice.message.refusal).slice(0, 200)}`, "refusal", usage);
  if (choice.finish_reason === "content_filter") throw new BilledResponseError("The answer was stopped by the content filter", "refusal", usage);
  const content = choice.message.content ?? "";
  if (choice.finish_reason === "length") {
    throw new BilledResponseError(`The answer was truncated at max_tokens (${content.length} characters)`, "truncated", usage);
  }
  try {
    return { json: JSON.parse(content), usage, model: completion.model };
  } catch (e) {
    throw new BilledResponseError(`The answer is not valid JSON: ${toError(e).message}`, "malformed", usage);
  }
}

/**
 * The one place that says what a failure means. Transport faults (the request was sent but
 * no well-formed answer came back) are retryable with unknown usage; a connection that never
 * opened is retryable and was not billed; HTTP statuses follow `isRetryableStatus`; a
 * well-formed answer whose content is bad is handled by the caller (`BilledResponseError`).
 */
export function classifyError(e: unknown, redact: (s: string) => string): Error {
  if (e instanceof APIUserAbortError) return new AbortError("The request was aborted");
  if (e instanceof APIConnectionTimeoutError) return new LlmTransportError("The request timed out", true);
  if (e instanceof APIError && !(e instanceof APIConnectionError)) {
    const status = e.status ?? 0;
    const message = `HTTP ${status} from the provider: ${redact(e.message)}`;
    if (status === 429) return new LlmRateLimitError(message, retryAfterFromHeaders(e.headers));
    return new LlmError(message, isRetryableStatus(status), undefined, status);
  }
  const chain = causeChain(e);
  const codes = chain.map((c) => (c as { code?: unknown }).code).filter((c): c is string => typeof c === "string");
  const detail = redact([...new Set(chain.map((c) => c.message).filter((m) => m && m !== "fetch failed"))].join(": ")).slice(0, 300);
  if (codes.some((c) => NEVER_SENT.has(c))) return new LlmError(`Connection failed: ${detail}`, true);
  if (e instanceof APIConnectionError || e instanceof SyntaxError || chain.some((c) => TRANSPORT_MESSAGE.test(c.message)) || codes.some((c) => TRANSPORT_CODES.has(c))) {
    const what = e instanceof SyntaxError ? "The HTTP body is not valid JSON" : "The connection broke before the answer arrived";
    return new LlmTransportError(`${what}: ${detail}`, true);
  }
  return new LlmError(`Unexpected failure: ${redact(toError(e).message)}`, false);
}

/** Connection errors that mean the request never reached a server (nothing was billed). */
const NEVER_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);
/** Error codes and messages of a broken exchange, as undici and node report them. */
const TRANSPORT_CODES = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED", "ETIMEDOUT", "UND_ERR_SOCKET", "UND_ERR_BODY_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "ERR_STREAM_PREMATURE_CLOSE"]);
const TRANSPORT_MESSAGE = /^terminated$|socket hang up|premature close|other side closed|ECONNRESET|Unexpected end of JSON|Unterminated string in JSON/i;

function causeChain(e: unknown): Error[] {
  const out: Error[] = [];
  for (let c: unknown = e; c instanceof Error && out.length < 6; c = (c as { cause?: unknown }).cause) out.push(c);
  return out;
}

/** The shortest piece of a key worth hiding: a server may echo part of it, without its `sk-` prefix. */
export const MIN_SECRET_FRAGMENT = 8;

/**
 * A function that removes the key, every fragment of it of `MIN_SECRET_FRAGMENT` or more
 * characters, and anything shaped like an OpenAI key, from a text.
 */
export function secretRedactor(apiKey: string): (s: string) => string {
  const n = MIN_SECRET_FRAGMENT;
  const grams = new Set<string>();
  for (let i = 0; i + n <= apiKey.length; i++) grams.add(apiKey.slice(i, i + n));
  return (s: string) => {
    let out = s;
    if (grams.size > 0) {
      // Cover every stretch of the text that is a piece (of n or more characters) of the key.
      const covered = new Uint8Array(out.length);
      for (let j = 0; j + n <= out.length; j++) {
        if (!grams.has(out.slice(j, j + n))) continue;
        let end = j + n;
        while (end < out.length && apiKey.includes(out.slice(j, end + 1))) end++;
        covered.fill(1, j, end);
      }
      let redacted = "";
      for (let j = 0; j < out.length; j++) {
        if (!covered[j]) redacted += out[j];
        else if (j === 0 || !covered[j - 1]) redacted += "[redacted]";
      }
      out = redacted;
    }
    return out.replace(/\bsk-[A-Za-z0-9_\-*.]{3,}/g, "[redacted]");
  };
}
