import { expect, it } from "vitest";
import { EXTRACTION_FIELDS } from "../../../src/domain";
import { readGroundTruth } from "../../../src/extract";
import { loadTokenCounter } from "../../../src/monitor/cost";
import { decodeAnswerRow, encodeAnswerRow } from "../../../src/transform/llm/compact-answer";
import { readPlayAnswer } from "../../../src/transform/llm/play-answer";
import { DATA_DIR, extractionOf } from "./llm-test-kit";

const truth = readGroundTruth(DATA_DIR);

it("decodes every true record of the game from its compact row without losing a field", () => {
  truth.forEach((row, k) => {
    const decoded = decodeAnswerRow(encodeAnswerRow(k + 1, extractionOf(row)));
    expect(decoded, `play ${row.play_id}`).toEqual({ i: k + 1, extraction: extractionOf(row) });
  });
});

it("takes under 40% of the output tokens of the object with every field named", async () => {
  const counter = await loadTokenCounter("gpt-4o");
  let compact = 0;
  let named = 0;
  truth.forEach((row, k) => {
    compact += counter.count(JSON.stringify(encodeAnswerRow((k % 8) + 1, extractionOf(row))));
    named += counter.count(JSON.stringify({ play_hash: row.play_hash, ...Object.fromEntries(EXTRACTION_FIELDS.map((f) => [f, row[f]])) }));
  });
  expect(compact / named).toBeLessThan(0.4);
});

it("names the field of a bad value, and asks again for a play answered twice or left out", () => {
  const good = encodeAnswerRow(1, extractionOf(truth[2]!));
  const bad = [...good];
  bad[3] = "two";
  expect(decodeAnswerRow(bad)).toMatchObject({ i: 1, error: expect.stringMatching(/at `outs`: expected an integer or null, got "two"/) });
  const r = readPlayAnswer({ plays: [good, good, encodeAnswerRow(9, extractionOf(truth[3]!))] }, ["a", "b"]);
  expect(r.ok.size).toBe(0);
  expect(r.bad.get("a")).toBe("the answer gave this play 2 times");
  expect(r.bad.get("b")).toBe("the answer left this play out");
});
