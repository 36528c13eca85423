import type { PitchTypeCode } from "../../../src/domain";

/**
 * What broadcasters call each pitch. The truth keeps the words as written, with the
 * canonical code beside them; "fastball" on its own always means the four-seamer here.
 */
export const PITCH_WORDS: Record<PitchTypeCode, { plain: string[]; slang: string[]; formal: string[] }> = {
  FF: { plain: ["four-seamer", "fastball"], slang: ["heater", "fastball", "heater"], formal: ["four-seam fastball", "four-seamer"] },
  SI: { plain: ["sinker", "two-seamer"], slang: ["sinker", "two-seamer"], formal: ["sinker", "two-seam fastball"] },
  FC: { plain: ["cutter"], slang: ["cutter", "cut fastball"], formal: ["cut fastball", "cutter"] },
  CH: { plain: ["changeup", "change"], slang: ["change", "changeup", "circle change"], formal: ["changeup"] },
  CU: { plain: ["curveball", "curve"], slang: ["hook", "bender", "curveball"], formal: ["curveball"] },
  SL: { plain: ["slider"], slang: ["slider"], formal: ["slider"] },
  ST: { plain: ["sweeper"], slang: ["sweeper"], formal: ["sweeper"] },
  FS: { plain: ["splitter", "split-finger"], slang: ["splitty", "splitter", "split-finger"], formal: ["split-finger fastball", "splitter"] },
  KC: { plain: ["knuckle-curve", "knuckle curve"], slang: ["knuckle-curve", "spike curve"], formal: ["knuckle curveball", "knuckle-curve"] },
};

/** Words that may follow "a" / "an" correctly. */
export function withArticle(word: string): string {
  return /^([aeiou]|8|11-|18-|11\.|18\.)/i.test(word) ? `an ${word}` : `a ${word}`;
}
