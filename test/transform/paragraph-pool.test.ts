// The rule extractor reads a large input's paragraphs in worker threads: the records must be the very ones
// it makes in one thread, in order, whatever the split, and a pool that cannot run must cost nothing but time.
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/config";
import { readPlays, readReferenceTables } from "../../src/extract";
import type { RawPlay } from "../../src/domain";
import { readParagraphsInWorkers } from "../../src/transform/offline/paragraph-pool";
import { readParagraphs } from "../../src/transform/offline/paragraph-reading";
import { RuleExtractor } from "../../src/transform/offline/rule-extractor";

const root = findProjectRoot();
const dataDir = path.join(root, "data");
const refs = readReferenceTables(dataDir);
const plays = readPlays(path.join(dataDir, "playbyplay.csv")).plays;
const roster = { pitchers: refs.pitchers.map((p) => p.name), batters: refs.batters.map((b) => b.name), teamWords: ["rivets", "harbor"] };
const texts = plays.map((p) => p.playbyplay);
// The threads load the TypeScript sources through tsx, as under `npm start`.
const tsx = ["--import", "tsx"];

describe("reading paragraphs in worker threads", () => {
  it("gives the readings of one thread, in order, with chunks that split the input unevenly", async () => {
    const pooled = await readParagraphsInWorkers(texts, roster, { workers: 2, chunkRows: 97, execArgv: tsx });
    expect(pooled).not.toBeNull();
    expect(pooled!.length).toBe(texts.length);
    const alone = readParagraphs(texts, roster);
    const differing = pooled!.findIndex((r, i) => !isDeepStrictEqual(r, alone[i]));
    expect(differing).toBe(-1);
  });

  it("resolves to null when a thread cannot run (here: plain node, which cannot load the sources), so the caller reads itself", async () => {
    expect(await readParagraphsInWorkers(texts.slice(0, 50), roster, { workers: 1, execArgv: [] })).toBeNull();
  });

  it("extractAsync on an input above the threshold makes the records extract makes (pool or fallback alike)", async () => {
    // 5,103 rows: seven copies of the game, each copy's text told apart so every row has its own hash.
    const big: RawPlay[] = Array.from({ length: 7 }, (_, copy) => plays.map((p) => ({ ...p, play_id: copy * plays.length + p.play_id, play_hash: `${p.play_hash}-${copy}` }))).flat();
    const extractor = new RuleExtractor({ references: refs, onWarning: () => undefined });
    const [a, b] = [await extractor.extractAsync(big), extractor.extract(big)];
    expect(a.size).toBe(big.length);
    expect(isDeepStrictEqual([...a], [...b])).toBe(true);
  });
});
