import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "../config";
import { OptionsError } from "../errors";
import { readPlays } from "../extract/play-reader";
import type { RawPlay, ReferenceTables } from "../domain/index";
import { discoverRoster, rosterFiles, type ProposedRoster } from "../transform/roster/index";

export interface RosterArgs {
  input?: string;
  out?: string;
  force?: boolean;
  /** `offline` (rules only) or `openai` (the rules, then one request over the names). Default: `config.llm.provider`, offline without a key. */
  provider?: string;
  /** Spending cap of the request, USD. Default `config.llm.maxCostUsd`. */
  "max-cost"?: string;
}

/**
 * `npm start -- roster --input game.csv --out DIR [--provider openai]`: propose the reference tables of a
 * game from its commentary and write them to DIR for review. Offline by rules; with the OpenAI provider, the
 * rules' proposal is then checked and completed by one request over the distinct names (`LlmRoster`),
 * recorded in `llm_calls` like every request. Existing tables are kept unless `--force`.
 * IDs start past those of `current` (the tables in use), so both games can share one database.
 */
export async function rosterCommand(args: RosterArgs, current?: ReferenceTables, config?: Config): Promise<number> {
  if (!args.input) throw new OptionsError("--input", "the CSV of the game (a playbyplay column)", args.input ?? null);
  if (!args.out) throw new OptionsError("--out", "a folder to write the proposed tables to", args.out ?? null);
  const out = path.resolve(args.out);
  if (!args.force && existsSync(path.join(out, "pitchers.csv"))) {
    throw new OptionsError("--out", "a folder without reference tables (or add --force to replace them)", args.out);
  }
  const provider = args.provider ?? config?.llm.provider ?? "offline";
  if (provider !== "offline" && provider !== "openai") throw new OptionsError("--provider", "offline or openai", provider);
  if (provider === "openai" && !config?.llm.apiKey) throw new OptionsError("--provider", "offline unless OPENAI_API_KEY is set", provider);
  const maxCostUsd = args["max-cost"] === undefined ? undefined : Number(args["max-cost"]);
  if (maxCostUsd !== undefined && !(maxCostUsd > 0)) throw new OptionsError("--max-cost", "a positive number of US dollars", args["max-cost"]);
  const { plays, malformed } = readPlays(args.input);
  // IDs past the tables in use, so this game's players do not overwrite those of the game already loaded.
  const ids = {
    firstPitcherId: Math.max(100, ...(current?.pitchers ?? []).map((p) => p.pitcher_id)) + 1,
    firstBatterId: Math.max(200, ...(current?.batters ?? []).map((b) => b.batter_id)) + 1,
  };
  const rules = discoverRoster(plays, ids);
  const roster = provider === "openai" ? await askModel(plays, rules, ids, config!, maxCostUsd) : rules;
  mkdirSync(out, { recursive: true });
  for (const [name, text] of Object.entries(rosterFiles(roster))) writeFileSync(path.join(out, name), text);

  const mentions = (name: string) => Object.values(roster.people.find((p) => p.name === name)?.variants ?? {}).reduce((s, n) => s + n, 0);
  console.log(`Read ${plays.length} plays${malformed.length ? ` (${malformed.length} malformed rows skipped)` : ""} from ${args.input}.`);
  console.log(`Teams: home ${roster.teams.home}, away ${roster.teams.away} (${roster.teams.evidence})`);
  console.log(`\nPitchers (${roster.pitchers.length})`);
  for (const p of roster.pitchers) console.log(`  ${p.pitcher_id}  ${p.name.padEnd(24)} ${p.team.padEnd(22)} throws ${p.throws}   ${mentions(p.name)} mentions`);
  console.log(`\nBatters (${roster.batters.length})`);
  for (const b of roster.batters) console.log(`  ${b.batter_id}  ${b.name.padEnd(24)} ${b.team.padEnd(22)} ${(b.position || "-").padEnd(3)} bats ${b.bats}   ${mentions(b.name)} mentions`);
  const twoWay = roster.pitchers.filter((p) => roster.batters.some((b) => b.name === p.name));
  if (twoWay.length > 0) console.log(`\nIn both tables (two-way players): ${twoWay.map((p) => p.name).join(", ")}`);
  console.log(`\nWrote pitchers.csv, batters.csv, pitch_types.csv and name_variants.csv to ${out}.`);
  console.log("Review them (throws, bats and positions are guesses where the text does not say; fix names and teams), then run:");
  console.log(`  npm start -- --input ${args.input} --references ${args.out}`);
  return 0;
}

/** The LLM variant: one request, costed and recorded; on no usable answer, the rules' proposal, and the reason. */
async function askModel(plays: RawPlay[], rules: ProposedRoster, ids: { firstPitcherId: number; firstBatterId: number }, config: Config, maxCostUsd?: number): Promise<ProposedRoster> {
  // Loaded here: the offline roster never needs the OpenAI SDK, the tokenizer or a database.
  const [{ openDatabaseFromConfig }, { migrate }, { CostBudget }, { llmOptionsFromConfig }, { LlmRoster }] = await Promise.all([
    import("../db/database"), import("../load/migrator"), import("../monitor/cost/index"), import("../transform/llm/index"), import("../transform/roster/llm-roster"),
  ]);
  const db = await openDatabaseFromConfig(config);
  try {
    await migrate(db, path.join(config.projectRoot, "migrations"));
    const runId = `roster-${new Date().toISOString().replace(/[-:.TZ]/g, "").slice(0, 14)}-${randomUUID().slice(0, 6)}`;
    const llm = new LlmRoster(llmOptionsFromConfig(config, { db }));
    const budget = new CostBudget(maxCostUsd ?? config.llm.maxCostUsd);
    const result = await llm.propose(plays, rules, { runId, budget }, ids);
    const s = result.stats;
    console.log(result.cached
      ? `Model ${config.llm.model}: the answer over ${result.asked} names came from the response cache (asked before): 0 requests, $0.0000 (llm_calls, run ${runId})`
      : `Model ${config.llm.model}: ${s.requests} request${s.requests === 1 ? "" : "s"} over ${result.asked} names, ${s.tokensIn + s.tokensOut} tokens, $${s.costUsd.toFixed(4)} (llm_calls, run ${runId})`);
    if (result.failure) {
      console.log(`The model gave no usable roster (${result.failure}): the proposal below is the rules' alone.`);
      return rules;
    }
    if (result.notes.length > 0) console.log(`What the model changed in the rules' proposal (${result.notes.length}):\n${result.notes.map((n) => `  - ${n}`).join("\n")}`);
    return result.roster;
  } finally {
    await db.close();
  }
}
