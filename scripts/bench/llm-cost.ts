import path from "node:path";
import { EXTRACTION_FIELDS, type Extraction, type GroundTruthRow, type RawPlay } from "../../src/domain";
import { readGroundTruth, readPlays, readReferenceTables } from "../../src/extract";
import { openDatabase } from "../../src/db/database";
import { migrate } from "../../src/load/migrator";
import { costUsd, priceFor } from "../../src/monitor/cost";
import { sameValue } from "../../src/transform/accuracy";
import { LlmExtractor } from "../../src/transform/llm";
import { calibrateCascade } from "../../src/transform/llm/cascade-calibration";
import { startSimulatedModel } from "../simulated-model/server";
import type { TargetRow } from "./targets";

/** The chapter's design for 729 rows (chapter README): five sequential requests per row, at gpt-4o list prices. */
export const CHAPTER_729 = { rows: 729, requests: 3645, tokensIn: 1_560_000, costUsdGpt4o: 5.65 } as const;
/** Issue 12: the LLM bill at most 5% of the chapter design's, at the same model. */
export const LLM_COST_SHARE = 0.05;

interface Scenario {
  name: string;
  cascade: boolean;
  batchApi: boolean;
}

const SCENARIOS: Scenario[] = [
  { name: "all rows to the model", cascade: false, batchApi: false },
  { name: "cascade", cascade: true, batchApi: false },
  { name: "cascade + Batch API", cascade: true, batchApi: true },
];

interface Measured {
  scenario: Scenario;
  requests: number;
  tokensIn: number;
  tokensCached: number;
  tokensOut: number;
  /** At gpt-4o list prices (cached input at the cached rate; the Batch API at half price). */
  costUsd: number;
  settledRows: number;
  /** All fields of all rows equal to the ground truth. */
  accuracy: number;
}

/**
 * LLM COST (issue 12): requests, input / cached / output tokens and the bill at gpt-4o prices for three ways of
 * running the LLM path — every row to the model, the cascade (the rules settle the rows they are sure of), the
 * cascade through the Batch API — each as a share of the chapter's design for as many rows, on the project's game
 * and on a blind game, with the accuracy of what comes out. Then the cascade's calibration: per field, how often
 * what the rules kept equals the ground truth, on the project's game and both blind games.
 * The figures are counted on the simulated model (same tokenizer and usage as the provider reports); prices from
 * src/monitor/cost/price-table.ts. Returns the target rows (each scenario's share; ≤ 5% for the cheapest).
 */
export async function llmCostTargets(root: string, log: (line: string) => void = console.log): Promise<TargetRow[]> {
  const gpt4o = priceFor("gpt-4o")!;
  const games = [
    { label: "project's game", dir: path.join(root, "data") },
    { label: "blind game (Otters)", dir: path.join(root, "test", "fixtures", "blind-game-otters") },
  ];
  const rows: TargetRow[] = [];
  for (const game of games) {
    const plays = readPlays(path.join(game.dir, "playbyplay.csv")).plays;
    const truth = readGroundTruth(game.dir);
    const scale = plays.length / CHAPTER_729.rows;
    const chapter = { requests: CHAPTER_729.requests * scale, tokensIn: CHAPTER_729.tokensIn * scale, costUsd: CHAPTER_729.costUsdGpt4o * scale };
    log(`\nLLM cost, ${game.label}: ${plays.length} rows; the chapter's design for as many rows: ${fmt(chapter.requests)} requests, ${fmt(chapter.tokensIn)} input tokens, $${chapter.costUsd.toFixed(2)} (gpt-4o, ${gpt4o.asOf})`);
    const measured: Measured[] = [];
    for (const scenario of SCENARIOS) measured.push(await measure(root, game.dir, plays, truth, scenario, gpt4o));
    const header = ["", "requests", "input tok", "cached", "output tok", "cost (gpt-4o)", "cost / chapter", "rules settled", "accuracy"];
    const body = measured.map((m) => [
      m.scenario.name, `${fmt(m.requests)} (${pct(m.requests / chapter.requests)})`, `${fmt(m.tokensIn)} (${pct(m.tokensIn / chapter.tokensIn)})`, fmt(m.tokensCached),
      fmt(m.tokensOut), `$${m.costUsd.toFixed(4)}`, pct(m.costUsd / chapter.costUsd), `${m.settledRows} of ${plays.length}`, pct(m.accuracy),
    ]);
    printTable(header, body, log);
    const best = measured[measured.length - 1]!;
    rows.push({
      what: `LLM bill, ${game.label} (${best.scenario.name}) / chapter's design`,
      measured: `${pct(best.costUsd / chapter.costUsd)} ($${best.costUsd.toFixed(3)} of $${chapter.costUsd.toFixed(2)}), accuracy ${pct(best.accuracy)}`,
      target: `≤ ${pct(LLM_COST_SHARE)} ($${(LLM_COST_SHARE * chapter.costUsd).toFixed(2)})`,
      ok: best.costUsd <= LLM_COST_SHARE * chapter.costUsd,
    });
  }
  log("\nThe cascade's calibration: per field, the rules' value on the rows they settle (never sent) against the ground truth");
  const calibrations = ["data", "test/fixtures/blind-game-otters", "test/fixtures/blind-game-second"].map((dir) => {
    const full = path.join(root, dir);
    return { dir, c: calibrateCascade(readPlays(path.join(full, "playbyplay.csv")).plays, readGroundTruth(full), readReferenceTables(full)) };
  });
  printTable(
    ["field", ...calibrations.map(({ dir }) => path.basename(dir))],
    [
      ["rows settled", ...calibrations.map(({ c }) => `${c.settledRows} of ${c.rows} (${pct(c.settledRows / c.rows)})`)],
      ["settled rows all right", ...calibrations.map(({ c }) => `${c.settledRowsCorrect} of ${c.settledRows}`)],
      ...EXTRACTION_FIELDS.map((f) => [f, ...calibrations.map(({ c }) => {
        const x = c.fields.find((y) => y.field === f)!;
        return `${x.correct}/${x.kept} ${pct(x.precision)}`;
      })]),
    ],
    log,
  );
  return rows;
}

async function measure(root: string, dataDir: string, plays: RawPlay[], truth: GroundTruthRow[], scenario: Scenario, gpt4o: NonNullable<ReturnType<typeof priceFor>>): Promise<Measured> {
  const sim = await startSimulatedModel({ latencyMs: 0, dataDir, batchLatencyMs: 50 });
  const db = await openDatabase({ kind: "pglite", pgliteDir: "memory://" });
  try {
    await migrate(db, path.join(root, "migrations"));
    const llm = new LlmExtractor({
      apiKey: "sk-simulated-bench", baseURL: sim.baseURL, model: sim.modelId, db, reference: readReferenceTables(dataDir),
      cascade: scenario.cascade, batchApi: scenario.batchApi, batchPollMs: 20,
    });
    const runId = `bench-cost-${scenario.cascade ? "c" : "a"}${scenario.batchApi ? "b" : ""}`;
    const extracted = await llm.extract(plays, { runId });
    await llm.map(extracted.records, { runId });
    const s = sim.stats();
    const tier = scenario.batchApi ? "batch" : "standard";
    // What went through the Batch API is billed at the batch rate, anything retried in place at the standard one.
    const viaBatch = s.batch;
    const standard = { tokensIn: s.tokensIn - viaBatch.tokensIn, tokensOut: s.tokensOut - viaBatch.tokensOut, tokensCached: s.tokensCached - viaBatch.tokensCached };
    const cost = costUsd(standard, gpt4o) + costUsd(viaBatch, gpt4o, tier === "batch" ? "batch" : "standard");
    return {
      scenario, requests: s.requests, tokensIn: s.tokensIn, tokensCached: s.tokensCached, tokensOut: s.tokensOut, costUsd: cost,
      settledRows: extracted.stats.settledRows, accuracy: accuracyOf(plays, truth, extracted.records),
    };
  } finally {
    await db.close();
    await sim.close();
  }
}

/** Share of all fields of all rows equal to the ground truth (rows in input order). */
function accuracyOf(plays: RawPlay[], truth: GroundTruthRow[], records: Map<string, Extraction>): number {
  let right = 0;
  let total = 0;
  plays.forEach((p, i) => {
    const rec = records.get(p.play_hash);
    for (const f of EXTRACTION_FIELDS) {
      total++;
      if (rec && sameValue(rec[f], truth[i]![f])) right++;
    }
  });
  return total === 0 ? 1 : right / total;
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 2 : 1)}%`;

function printTable(header: string[], body: string[][], log: (line: string) => void): void {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  log(line(header));
  log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of body) log(line(r));
}
