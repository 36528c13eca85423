import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findProjectRoot, loadConfig } from "../../src/config";
import type { Extraction, RawPlay } from "../../src/domain";
import { readPlays } from "../../src/extract";
import { canarySample, EXTRACTOR_VERSIONS, readReleaseLog, readReleaseState, runCanary, type ExtractorVersion } from "../../src/release";
import { RuleExtractor } from "../../src/transform/offline/rule-extractor";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../support/databases";

const { plays } = readPlays(path.join(findProjectRoot(), "data", "playbyplay.csv"));
const rules = new RuleExtractor();
const current: ExtractorVersion = { id: "rules-v1", extract: (p) => rules.extract(p) };

/** A candidate that changes extractions: `edit` returns the altered record for some plays. */
function variant(id: string, edit: (e: Extraction, play: RawPlay) => Extraction, costPerRow = 0): ExtractorVersion {
  return {
    id,
    extract: (sample) => {
      const base = rules.extract(sample);
      const extractions = new Map(sample.map((p) => [p.play_hash, edit(base.get(p.play_hash)!, p)]));
      return { extractions, costUsd: costPerRow * sample.length };
    },
  };
}

describe.each(DB_KINDS)("canary releases of an extractor version (%s)", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.dispose());

  it("samples the same spread of plays for the same seed", () => {
    const a = canarySample(plays, 60, "s1");
    expect(a).toHaveLength(60);
    expect(canarySample(plays, 60, "s1").map((p) => p.play_hash)).toEqual(a.map((p) => p.play_hash));
    expect(a[a.length - 1]!.play_id - a[0]!.play_id).toBeGreaterThan(plays.length / 2);
  });

  it("promotes a candidate that is not worse, and records it as current", async () => {
    // Refactored rules: same answers except pitch types written in upper case on a few rows.
    const candidate = variant("rules-v2", (e, p) => (p.play_id % 10 === 0 && e.pitch_type ? { ...e, pitch_type: e.pitch_type.toUpperCase() } : e));
    const report = await runCanary(t.db, plays, { current, candidate, sampleSize: 80, actor: "ci@test" });
    expect(report.reasons).toEqual([]);
    expect(report.promoted).toBe(true);
    expect(report.agreement).toBeGreaterThan(0.95);
    expect(report.agreement).toBeLessThan(1);
    expect(report.fieldAgreement.pitch_type).toBeLessThan(1);
    expect(report.candidate.quarantineRate).toBe(report.current.quarantineRate);
    expect(await readReleaseState(t.db, "extractor")).toMatchObject({ current_version: "rules-v2", previous_version: "rules-v1" });
    expect((await readReleaseLog(t.db, { limit: 1 }))[0]).toMatchObject({ action: "promote", from_version: "rules-v1", to_version: "rules-v2", actor: "ci@test" });
  });

  it("rejects a degraded candidate on agreement and quarantine rate, and leaves the current version live", async () => {
    // Misreads every third play: outs and post-pitch count out of range, the home score wrong.
    const degraded = variant("rules-degraded", (e, p) =>
      p.play_id % 3 === 0 ? { ...e, outs: 3, post_pitch_balls: 9, post_pitch_strikes: 9, score_home: 99 } : e);
    const report = await runCanary(t.db, plays, { current: { ...current, id: "rules-v2" }, candidate: degraded, sampleSize: 80, actor: "ci@test" });
    expect(report.promoted).toBe(false);
    expect(report.candidate.quarantineRate).toBeGreaterThan(report.current.quarantineRate + 0.2);
    expect(report.fieldAgreement.outs).toBeLessThan(0.8);
    expect(report.fieldAgreement.inning_number).toBe(1);
    expect(report.reasons).toEqual([
      expect.stringMatching(/^agrees with rules-v2 on \d+\.\d% of values/),
      expect.stringMatching(/^fields that differ from rules-v2: .*outs agrees on \d+\.\d%.* \(each must agree on ≥ 85\.0%\)$/),
      expect.stringMatching(/^quarantine rate \d+\.\d% vs \d+\.\d%/),
    ]);
    expect((await readReleaseState(t.db, "extractor"))?.current_version).toBe("rules-v2");
    const last = (await readReleaseLog(t.db, { limit: 1 }))[0]!;
    expect(last).toMatchObject({ action: "canary-reject", to_version: "rules-degraded", reason: report.reasons.join("; ") });
    expect(last.details).toMatchObject({ sample: 80, candidate: { quarantined: report.candidate.quarantined } });
  });

  it("refuses the registry's deliberately weaker rules-grammar-only (batter wrong on half the plays) and promotes rules-v2", async () => {
    const config = loadConfig({ env: {}, loadDotenv: false });
    const weak = await runCanary(t.db, plays, { current: EXTRACTOR_VERSIONS["rules-v1"]!(config), candidate: EXTRACTOR_VERSIONS["rules-grammar-only"]!(config), sampleSize: 50 });
    expect(weak.agreement).toBeGreaterThan(0.95); // averaged over all fields it would have passed
    expect(weak.fieldAgreement.batter_name).toBeLessThan(0.7);
    expect(weak.promoted).toBe(false);
    expect(weak.reasons).toEqual([expect.stringMatching(/^fields that differ from rules-v1: batter_name agrees on \d+\.\d%/)]);
    const same = await runCanary(t.db, plays, { current: EXTRACTOR_VERSIONS["rules-v1"]!(config), candidate: EXTRACTOR_VERSIONS["rules-v2"]!(config), sampleSize: 50 });
    expect(same).toMatchObject({ promoted: true, agreement: 1, reasons: [] });
    expect(await readReleaseState(t.db, "extractor")).toMatchObject({ current_version: "rules-v2" });
  });

  it("refuses to compare a version with itself", async () => {
    await expect(runCanary(t.db, plays, { current, candidate: current })).rejects.toThrow(/Expected `candidate` to be a version other than the current one \(rules-v1\), got "rules-v1"/);
  });

  it("rejects a candidate that answers the same but costs too much more per row", async () => {
    const cheap = variant("prompt-v1", (e) => e, 0.0001);
    const pricey = variant("prompt-v2", (e) => e, 0.0003);
    const report = await runCanary(t.db, plays, { current: cheap, candidate: pricey, sampleSize: 20, margins: { maxCostIncrease: 0.5 } });
    expect(report.promoted).toBe(false);
    expect(report.reasons).toEqual(["cost per row $0.000300 vs $0.000100 (allowed +50.0%)"]);
  });
});
