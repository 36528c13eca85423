/**
 * Offline token counting with `gpt-tokenizer`, which ships its encodings (no network).
 *
 * The package's type declarations do not parse under the TypeScript that the notebook
 * kernel bundles (5.0.4), so it is loaded with a dynamic import whose specifier is a
 * plain string, and typed with the small interface below instead of its own .d.ts.
 */
export interface TokenCounter {
  /** Tokens in a piece of text. */
  count(text: string): number;
  /** Tokens a chat request's messages take, including the per-message framing the API adds. */
  countChat(messages: { role: string; content: string }[]): number;
  /**
   * Input tokens of a whole chat request: its messages plus the JSON schema of a structured
   * output, which the provider adds to the prompt (and bills).
   */
  countRequest(request: { messages: { role: string; content: string }[]; schema?: unknown }): number;
  readonly encoding: string;
}

interface GptTokenizerModule {
  countTokens(text: string): number;
}

/** Per-message overhead of the chat format (role markers and separators), as OpenAI documents for its chat models. */
const TOKENS_PER_MESSAGE = 3;
const TOKENS_PER_REPLY_PRIMER = 3;

const loaded = new Map<string, Promise<TokenCounter>>();

/**
 * The counter for a model family: o200k_base for the gpt-4o / gpt-4.1 families (and unknown models).
 * @example const tc = await loadTokenCounter(); tc.count("a 95-mph four-seamer") // ≈ 7
 */
export function loadTokenCounter(model = "gpt-4o-mini"): Promise<TokenCounter> {
  const encoding = /^(gpt-4-|gpt-4$|gpt-3\.5)/.test(model) ? "cl100k_base" : "o200k_base";
  let counter = loaded.get(encoding);
  if (!counter) {
    counter = importEncoding(encoding);
    loaded.set(encoding, counter);
  }
  return counter;
}

async function importEncoding(encoding: string): Promise<TokenCounter> {
  const specifier: string = `gpt-tokenizer/encoding/${encoding}`;
  const mod = (await import(specifier)) as GptTokenizerModule & { default?: GptTokenizerModule };
  const api = typeof mod.countTokens === "function" ? mod : mod.default!;
  const count = (text: string) => (text === "" ? 0 : api.countTokens(text));
  const countChat = (messages: { role: string; content: string }[]) => {
    let total = TOKENS_PER_REPLY_PRIMER;
    for (const m of messages) total += TOKENS_PER_MESSAGE + count(m.role) + count(m.content);
    return total;
  };
  return {
    encoding,
    count,
    countChat,
    countRequest: (request) => countChat(request.messages) + (request.schema === undefined ? 0 : count(JSON.stringify(request.schema))),
  };
}
