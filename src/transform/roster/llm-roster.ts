import type { RawPlay } from "../../domain/index";
import { LlmResponseError } from "../../errors";
import { runBatches, type BatchStep, type RunnerStats } from "../llm/batch-runner";
import { LlmExtractor, type LlmRunContext } from "../llm/llm-extractor";
import type { ProposedRoster } from "./roster-discovery";
import { mergeRosters, type MergedRoster } from "./roster-merge";
import { versionOf } from "../llm/response-schemas";
import { ROSTER_JSON_SCHEMA, ROSTER_PROMPT_VERSION, RosterAnswerSchema, rosterCandidates, rosterMessages, type RosterAnswer } from "./roster-prompt";

const ROSTER_SCHEMA_VERSION = versionOf("roster-schema-v1", ROSTER_JSON_SCHEMA);
const NO_REQUESTS: RunnerStats = { requests: 0, retries: 0, splits: 0, tokensIn: 0, tokensOut: 0, tokensCached: 0, costUsd: 0, usageUnknown: 0 };

export interface LlmRosterResult extends MergedRoster {
  /** Names the request asked about. */
  asked: number;
  /** Set when the model gave no usable answer (after the retry policy): `roster` is then the rules' proposal. */
  failure?: string;
  /** The answer came from the response cache (the same names and contexts asked before, same model and prompt): no request. */
  cached: boolean;
  stats: RunnerStats;
}

/** Output tokens allowed for the answer: about 45 per name asked, as every name may be a player. */
const maxTokensOut = (names: number) => Math.min(16_000, 200 + names * 45);

/**
 * The LLM variant of roster discovery: ONE request over the distinct names the rules found (and the other
 * full names of the text), each with a short piece of context; the answer, checked by zod and against the
 * text, is merged with the rules' proposal (`mergeRosters`). The request goes through the same runner as
 * extraction: the declared retry policy, the cost budget reserved before it is sent, the `llm_calls` ledger
 * (step `roster`) and the `llm:*` events.
 *
 * @example
 * const llm = new LlmRoster(llmOptionsFromConfig(config, { db }));
 * const { roster, notes } = await llm.propose(plays, discoverRoster(plays), { runId: "roster-1" }, { firstPitcherId: 101, firstBatterId: 201 });
 */
export class LlmRoster extends LlmExtractor {
  async propose(
    plays: readonly RawPlay[],
    rules: ProposedRoster,
    ctx: LlmRunContext,
    ids: { firstPitcherId: number; firstBatterId: number },
  ): Promise<LlmRosterResult> {
    const candidates = rosterCandidates(plays, rules);
    // Cached like extraction: the address is the request's content (the names and their contexts) under this
    // provider, model, prompt and schema, so a second \`roster\` over the same text sends nothing.
    const cache = this.responseCache("roster", ROSTER_PROMPT_VERSION, ROSTER_SCHEMA_VERSION);
    const key = cache.keyOf(JSON.stringify(candidates));
    const stored = candidates.length > 0 ? RosterAnswerSchema.safeParse((await cache.getMany([key])).get(key)) : undefined;
    if (stored?.success) {
      await this.recordCacheHit(ctx.runId, "roster", [key]);
      return { ...mergeRosters(rules, stored.data, plays, ids), asked: candidates.length, cached: true, stats: NO_REQUESTS };
    }
    const step: BatchStep<"roster", RosterAnswer> = {
      step: "roster",
      schemaName: "game_roster",
      schema: ROSTER_JSON_SCHEMA,
      keyOf: () => "roster",
      messages: () => rosterMessages(candidates),
      maxTokensOut: () => maxTokensOut(candidates.length),
      expectedTokensOut: () => 30 + candidates.length * 25,
      read: (json) => {
        const parsed = RosterAnswerSchema.safeParse(json);
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          throw new LlmResponseError(`The roster answer breaks the schema at ${issue.path.join(".") || "(root)"}: ${issue.message}`, "schema");
        }
        return { ok: new Map([["roster", parsed.data]]), bad: new Map() };
      },
    };
    const run = await runBatches(step, candidates.length > 0 ? [["roster"]] : [], await this.runnerDeps(ctx));
    const answer = run.results.get("roster");
    if (!answer) {
      const failure = run.failures[0]?.reason ?? run.stopped?.message ?? "no names to ask about";
      return { roster: rules, notes: [], asked: candidates.length, failure, cached: false, stats: run.stats };
    }
    await cache.putMany([[key, answer]]);
    return { ...mergeRosters(rules, answer, plays, ids), asked: candidates.length, cached: false, stats: run.stats };
  }
}
