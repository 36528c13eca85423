import { describe, expect, it } from "vitest";
import type { ReferenceTables } from "../../src/domain";
import { createCanonicalMapper } from "../../src/transform";

const refs: ReferenceTables = {
  pitchers: [
    { pitcher_id: 1, name: "Tomás Arreola", team: "Herons", throws: "R" },
    { pitcher_id: 2, name: "Wendell Strand", team: "Coyotes", throws: "R" },
    { pitcher_id: 3, name: "Ada Strand", team: "Coyotes", throws: "L" },
  ],
  batters: [{ batter_id: 10, name: "Kenji Matsuda", team: "Herons", position: "CF", bats: "L" }],
  pitchTypes: [{ code: "FF", name: "Four-seam FB" }, { code: "KC", name: "Knuckle Curve" }],
};
const mapper = createCanonicalMapper(refs);

describe("canonical mapper: names", () => {
  it("maps exact names and accent- or case-insensitive names with high confidence", () => {
    expect(mapper.mapPitcher("Tomás Arreola")).toEqual({ id: 1, confidence: "high" });
    expect(mapper.mapPitcher("tomas arreola")).toEqual({ id: 1, confidence: "high" });
    expect(mapper.mapBatter("Matsuda")).toEqual({ id: 10, confidence: "high" });
  });

  it("maps a near-miss spelling with low confidence and leaves ambiguous or unknown names to the LLM", () => {
    expect(mapper.mapPitcher("Arreolla")).toEqual({ id: 1, confidence: "low" });
    expect(mapper.mapPitcher("Strand")).toBeNull();
    expect(mapper.mapPitcher("W. Strand")).toEqual({ id: 2, confidence: "high" });
    expect(mapper.mapPitcher("Nobody Known")).toBeNull();
    expect(mapper.mapPitcher(null)).toBeNull();
  });
});

describe("canonical mapper: pitch-type vocabulary", () => {
  it.each([
    ["four-seamer", "FF"], ["heater", "FF"], ["fastball", "FF"], ["Four-seam FB", "FF"],
    ["two-seamer", "SI"], ["sinker", "SI"], ["cutter", "FC"], ["cut fastball", "FC"],
    ["slider", "SL"], ["sweeper", "ST"], ["curveball", "CU"], ["hook", "CU"], ["bender", "CU"], ["12-to-6", "CU"],
    ["knuckle-curve", "KC"], ["knuckle curve", "KC"], ["spike curve", "KC"],
    ["changeup", "CH"], ["change-up", "CH"], ["circle change", "CH"], ["splitter", "FS"], ["splitty", "FS"], ["split-finger", "FS"],
  ])("%s → %s", (text, code) => expect(mapper.mapPitchType(text)?.code).toBe(code));

  it("names the canonical pitch from the reference table and says how sure it is", () => {
    expect(mapper.mapPitchType("knuckle curve")).toEqual({ code: "KC", name: "Knuckle Curve", confidence: "high" });
    expect(mapper.mapPitchType("fastball")?.confidence).toBe("medium");
    expect(mapper.mapPitchType("eephus")).toBeNull();
  });
});
