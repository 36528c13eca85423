import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { readPlays } from "../../src/extract/play-reader";
import { readReferenceTables } from "../../src/extract/reference-reader";
import { extractOffline, extractStep } from "../../src/pipeline/steps/extract-step";

const config = loadConfig({ env: { LLM_PROVIDER: "offline" } });
const { plays } = readPlays(path.join(config.dataDir, "playbyplay.csv"), { limit: 300 });
const refs = readReferenceTables(config.referencesDir);

describe("the offline extract step", () => {
  it("gives each batch of a fan-out the records the whole input gives it (the rules read the game as a whole)", async () => {
    const whole = extractOffline(plays, refs);
    const merged = new Map<string, unknown>();
    for (let i = 0; i < plays.length; i += 70) {
      const batch = plays.slice(i, i + 70);
      const r = await extractStep(batch, refs, { provider: "offline", context: plays, runId: "t", onLongWait: "stop" });
      expect(r.records.map(([hash]) => hash)).toEqual([...new Set(batch.map((p) => p.play_hash))].filter((h) => whole.has(h)));
      for (const [hash, e] of r.records) merged.set(hash, e);
    }
    expect(merged).toEqual(whole);
    expect(merged.size).toBeGreaterThan(250);
  });
});
