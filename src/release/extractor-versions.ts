import type { Config } from "../config";
import { readReferenceTables } from "../extract/reference-reader";
import { RuleExtractor } from "../transform/offline/rule-extractor";
import type { ExtractorVersion } from "./canary";

/**
 * Extractor versions a canary can compare, by name. `rules-v1` is the offline extractor with the
 * roster; `rules-grammar-only` is the same parser without it (a deliberately weaker candidate).
 * Add an LLM prompt or model version here to canary it against the current one.
 */
export const EXTRACTOR_VERSIONS: Record<string, (config: Config) => ExtractorVersion> = {
  "rules-v1": (config) => {
    const rules = new RuleExtractor({ references: readReferenceTables(config.dataDir) });
    return { id: "rules-v1", extract: (plays) => rules.extract(plays) };
  },
  "rules-grammar-only": () => {
    const rules = new RuleExtractor();
    return { id: "rules-grammar-only", extract: (plays) => rules.extract(plays) };
  },
};
