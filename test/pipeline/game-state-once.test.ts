import path from "node:path";
import { describe, expect, it } from "vitest";
import { readPlays } from "../../src/extract/play-reader";
import { readReferenceTables } from "../../src/extract/reference-reader";
import { enrichPlays } from "../../src/pipeline/enrich";
import { analyzeStep, enrichStep, joinExtracted } from "../../src/pipeline/steps/analyze-step";
import { extractOffline } from "../../src/pipeline/steps/extract-step";
import { mapOffline } from "../../src/pipeline/steps/map-step";
import { validateStep } from "../../src/pipeline/steps/validate-step";
import { validatePlays } from "../../src/validate/validate-plays";
import { analyzePlays } from "../../src/transform/play-analyzer";
import { readGameState } from "../../src/transform/state/game-state-reader";

// A game whose paragraphs contradict the running state now and then (the reading has several findings; the
// third game, once the rules learnt from it, has one left, too few for the last case).
const dir = path.join(__dirname, "..", "fixtures", "blind-game-fourth");
const { plays } = readPlays(path.join(dir, "playbyplay.csv"));
const refs = readReferenceTables(dir);
const records = extractOffline(plays, refs);
const mappings = mapOffline(records, refs);
const { extracted, missing } = joinExtracted(plays, records, mappings);

describe("the game state is read once per run (analyze) and handed to enrichment and the game-state check", () => {
  const analyzed = analyzeStep(extracted, mappings, refs);

  it("analyze hands on its reading: one resolved row per play and the findings", () => {
    expect(analyzed.state?.resolved).toHaveLength(extracted.length);
    expect(analyzed.state!.findings.length).toBeGreaterThan(1);
  });

  it("enrichment from the handed reading gives the rows a reading of its own gives", () => {
    expect(enrichStep(extracted, analyzed, refs)).toEqual(enrichPlays(extracted, new Map(analyzed.mappings), analyzed.analyses, refs));
    // Without the reading (a value staged before it was handed on), enrichment reads the game itself.
    expect(enrichStep(extracted, { ...analyzed, state: undefined }, refs)).toEqual(enrichStep(extracted, analyzed, refs));
  });

  it("the game-state check reports the handed findings, the same as reading the game again", () => {
    const enriched = enrichStep(extracted, analyzed, refs);
    const input = { runId: "t", plays, malformed: [], enriched, missing, failures: [], refs, maxRate: 1 };
    const handed = validateStep({ ...input, stateFindings: analyzed.state!.findings });
    const own = validateStep(input);
    expect(handed.report).toEqual(own.report);
    expect(handed.report.warnings).toEqual(
      analyzed.state!.findings.map((f) => ({ check: "game_state", play_id: f.play_id, field: f.field, message: f.message })),
    );
  });

  it("the check uses the handed reading, not a second one, when every row passes the schema; else it reads the rows that did", () => {
    const enriched = enrichStep(extracted, analyzed, refs);
    const findings = analyzed.state!.findings;
    // Hand only the first finding: a second reading would report all of them.
    const one = validatePlays(enriched, refs, { stateFindings: findings.slice(0, 1) });
    expect(one.report.warnings).toHaveLength(1);
    // One row with a broken type: the handed reading covered rows the check does not read, so it reads its own.
    const broken = enriched.map((p, i) => (i === 0 ? { ...p, outs: "two" as unknown as number } : p));
    const reread = validatePlays(broken, refs, { stateFindings: findings.slice(0, 1) });
    expect(reread.quarantined).toHaveLength(one.quarantined.length + 1);
    expect(reread.report.warnings).toEqual(validatePlays(broken, refs).report.warnings);
    expect(reread.report.warnings?.length).toBeGreaterThan(1);
  });

  it("key moments and excitement come from the handed reading, not one of the analyzer's own", () => {
    const rows = [...extracted];
    const own = readGameState(rows).states;
    // The same reading handed over gives what the analyzer reads itself …
    expect(analyzePlays(rows, own)).toEqual(analyzePlays(rows));
    // … and a different one (the game's situations in reverse order) changes the analyses: the handed reading is used.
    expect(analyzePlays(rows, [...own].reverse())).not.toEqual(analyzePlays(rows));
  });
});
