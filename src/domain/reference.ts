import { z } from "zod";

export const PITCH_TYPE_CODES = ["FC", "FF", "CH", "CU", "SL", "ST", "FS", "SI", "KC"] as const;
export type PitchTypeCode = (typeof PITCH_TYPE_CODES)[number];

/** Canonical names, as the reference table `data/pitch_types.csv` gives them. */
export const PITCH_TYPE_NAMES: Record<PitchTypeCode, string> = {
  FC: "Cutter",
  FF: "Four-seam FB",
  CH: "Changeup",
  CU: "Curve",
  SL: "Slider",
  ST: "Sweeper",
  FS: "Splitter",
  SI: "Sinker",
  KC: "Knuckle Curve",
};

export const PitcherSchema = z.object({
  pitcher_id: z.number().int(),
  name: z.string(),
  team: z.string(),
  throws: z.enum(["R", "L"]),
});
export type Pitcher = z.infer<typeof PitcherSchema>;

export const BatterSchema = z.object({
  batter_id: z.number().int(),
  name: z.string(),
  team: z.string(),
  position: z.string(),
  bats: z.enum(["R", "L", "S"]),
});
export type Batter = z.infer<typeof BatterSchema>;

export const PitchTypeSchema = z.object({
  code: z.enum(PITCH_TYPE_CODES),
  name: z.string(),
});
export type PitchType = z.infer<typeof PitchTypeSchema>;

export interface ReferenceTables {
  pitchers: Pitcher[];
  batters: Batter[];
  pitchTypes: PitchType[];
}
