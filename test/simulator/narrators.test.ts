import { describe, expect, it } from "vitest";
import { generateDataset } from "../../scripts/simulator/dataset";
import { VOICE_IDS } from "../../scripts/simulator/narrators";

const { texts, voices, truth } = generateDataset();

/** Habits that mark each broadcaster; a row may show none of them, but only its own voice shows them often. */
const FAMILIES: Record<string, RegExp> = {
  radio: /\.\.\. |!$/,
  analyst: /\b\d{2,3}\.\d\b(-mph| mph| miles| on the gun)/,
  folksy: /rears back|hook|bender|splitty|oh-and-|Well,|Lord,|Goodness/,
  wire: /\b(threw|fouled|swung|took|grounded|lined|flied|was caught|walked)\b/,
  booth: /\bsets, and\b/,
};

describe("the narrators", () => {
  it("uses at least four voices, each calling a good share of the game", () => {
    const used = new Set(voices);
    expect(used.size).toBeGreaterThanOrEqual(4);
    for (const v of used) expect(voices.filter((x) => x === v).length).toBeGreaterThan(60);
  });

  it("gives each voice phrasing habits that the others rarely show", () => {
    for (const [voice, habit] of Object.entries(FAMILIES)) {
      const mine = texts.filter((t, i) => voices[i] === voice && truth[i]!.event_kind === "pitch");
      const others = texts.filter((t, i) => voices[i] !== voice && truth[i]!.event_kind === "pitch");
      const rate = (xs: string[]) => xs.filter((t) => habit.test(t)).length / xs.length;
      expect(rate(mine), voice).toBeGreaterThan(0.2);
      expect(rate(mine), voice).toBeGreaterThan(2 * rate(others));
    }
    expect(VOICE_IDS.length).toBe(5);
  });

  it("states the same fact in different words: counts, velocities and names take several forms", () => {
    const joined = texts.join("\n");
    for (const form of [/\b\d-\d (count|pitch)\b/, /\b(one|two|three)-and-(one|two)\b/, /\b(no|one|two|three) balls? and (no|one|two) strikes?\b/, /\bfull count\b|count full/, /\b\d{2}-mph\b/, /clocked at (\d{2}|[a-z-]+) miles per hour/, /\bninety-[a-z]+\b/]) {
      expect(joined, String(form)).toMatch(form);
    }
    const surnameOnly = truth.filter((r) => r.batter_name !== null && !r.batter_name.includes(" ")).length;
    const fullName = truth.filter((r) => r.batter_name?.includes(" ")).length;
    expect(surnameOnly).toBeGreaterThan(100);
    expect(fullName).toBeGreaterThan(100);
  });

  it("leaves some facts unsaid: no row kind states every field every time", () => {
    const pitches = truth.filter((r) => r.event_kind === "pitch");
    for (const f of ["pitch_velocity_mph", "pitch_type", "pre_pitch_balls", "score_home", "outs", "pitcher_name"] as const) {
      const nulls = pitches.filter((r) => r[f] === null).length;
      expect(nulls, f).toBeGreaterThan(10);
      expect(nulls, f).toBeLessThan(pitches.length);
    }
  });
});
