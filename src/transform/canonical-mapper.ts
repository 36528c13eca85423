import {
  PITCH_TYPE_NAMES,
  type CanonicalMapping,
  type Confidence,
  type Extraction,
  type PitchTypeCode,
  type ReferenceTables,
} from "../domain/index";
import { createNameMatcher, normalizeName, type NameMatch } from "./mapping/name-matcher";
import { lookupPitchTerm } from "./offline/pitch-vocabulary";

export interface PitchTypeMatch {
  code: PitchTypeCode;
  name: string;
  confidence: Confidence;
}

/** The deterministic half of canonical mapping (sections 9.3–9.6). */
export interface CanonicalMapper {
  mapPitcher(name: string | null): NameMatch | null;
  mapBatter(name: string | null): NameMatch | null;
  mapPitchType(text: string | null): PitchTypeMatch | null;
  map(e: Extraction): CanonicalMapping;
}

/**
 * Build a mapper over the reference tables. Names resolve by exact name, then normalized name,
 * unique surname and unique near-miss spelling (see `createNameMatcher`); pitch types through the
 * broadcast vocabulary ("heater" → FF, "12-to-6 hook" → CU). What stays ambiguous or unknown maps
 * to null, for the LLM path to resolve.
 *
 * @example
 * const mapper = createCanonicalMapper(refs);
 * mapper.mapPitchType("knuckle curve") // { code: "KC", name: "Knuckle Curve", confidence: "high" }
 */
export function createCanonicalMapper(refs: ReferenceTables): CanonicalMapper {
  const pitcher = createNameMatcher(refs.pitchers.map((p) => ({ id: p.pitcher_id, name: p.name })));
  const batter = createNameMatcher(refs.batters.map((b) => ({ id: b.batter_id, name: b.name })));
  const names = new Map<PitchTypeCode, string>();
  for (const t of refs.pitchTypes) names.set(t.code, t.name);
  const canonical = new Map<string, PitchTypeCode>();
  for (const [code, name] of Object.entries(PITCH_TYPE_NAMES) as [PitchTypeCode, string][]) {
    canonical.set(normalizeName(name), code);
    canonical.set(code.toLowerCase(), code);
  }
  for (const t of refs.pitchTypes) canonical.set(normalizeName(t.name), t.code);
  const nameOf = (code: PitchTypeCode) => names.get(code) ?? PITCH_TYPE_NAMES[code];

  const mapPitchType = (text: string | null): PitchTypeMatch | null => {
    if (text === null || text.trim() === "") return null;
    const direct = canonical.get(normalizeName(text));
    if (direct) return { code: direct, name: nameOf(direct), confidence: "high" };
    const found = lookupPitchTerm(text);
    return found ? { code: found.code, name: nameOf(found.code), confidence: found.confidence } : null;
  };

  return {
    mapPitcher: pitcher,
    mapBatter: batter,
    mapPitchType,
    map(e) {
      const p = pitcher(e.pitcher_name);
      const b = batter(e.batter_name);
      const t = mapPitchType(e.pitch_type);
      return {
        pitcher_id: p?.id ?? null,
        pitcher_confidence: p?.confidence ?? null,
        batter_id: b?.id ?? null,
        batter_confidence: b?.confidence ?? null,
        pitch_type_code: t?.code ?? null,
        pitch_type_name: t?.name ?? null,
        pitch_type_confidence: t?.confidence ?? null,
      };
    },
  };
}
