import type { Config } from "../config";
import type { Extraction, RawPlay } from "../domain/index";
import { PipelineError } from "../errors";
import { readReferenceTables } from "../extract/reference-reader";
import type { Queryable } from "../db/database";
import { RuleExtractor } from "../transform/offline/rule-extractor";
import { readReleaseState } from "./release-log";

/** An offline extractor version: a canary can compare it, and `npm start` extracts with the current one. */
export interface OfflineExtractorVersion {
  id: string;
  /** One-line description, shown by `canary --help` and when a run uses it. */
  about: string;
  extract(plays: RawPlay[]): Map<string, Extraction>;
}

/** What `npm start` extracts with until a canary promotes something else. */
export const DEFAULT_EXTRACTOR = "rules-v1";

/** What each version is, for `--help` and the run's "Extractor:" line. */
export const EXTRACTOR_ABOUT: Record<string, string> = {
  "rules-v1": "the rule-based parser with the reference tables' roster",
  "rules-v2": "rules-v1 released as a new version (the same parser: a refactor the canary must show changes nothing)",
  "rules-grammar-only": "the parser without the roster (deliberately weaker: the canary refuses it)",
};

const rules = (id: string, withRoster: boolean) => (config: Config): OfflineExtractorVersion => {
  // The tables the run maps names to (`--references`, REFERENCES_DIR), so the extractor knows the same players.
  const extractor = new RuleExtractor(withRoster ? { references: readReferenceTables(config.referencesDir) } : {});
  return { id, about: EXTRACTOR_ABOUT[id] ?? id, extract: (plays) => extractor.extract(plays) };
};

/**
 * Extractor versions a canary can compare, by name (see `EXTRACTOR_ABOUT`). A promoted version is what
 * `npm start` extracts with next. Add an LLM prompt or model version here to canary it against the current one.
 */
export const EXTRACTOR_VERSIONS: Record<string, (config: Config) => OfflineExtractorVersion> = {
  "rules-v1": rules("rules-v1", true),
  "rules-v2": rules("rules-v2", true),
  "rules-grammar-only": rules("rules-grammar-only", false),
};

/** The extractor in use: the one a canary promoted (`release_state` target `extractor`), else the default. */
export interface CurrentExtractor {
  version: OfflineExtractorVersion;
  /** When a canary made it current; null for the default. */
  promotedAt: Date | null;
  /** What was current before it. */
  previous: string | null;
}

/** Read which extractor version is current; an unknown name in the state (removed from the code) is an error, not a silent fallback. */
export async function readCurrentExtractor(db: Queryable, config: Config): Promise<CurrentExtractor> {
  const state = await readReleaseState(db, "extractor");
  const name = state?.current_version ?? DEFAULT_EXTRACTOR;
  const make = EXTRACTOR_VERSIONS[name];
  if (!make) {
    throw new PipelineError(
      `The current extractor "${name}" (release_state) is not one of ${Object.keys(EXTRACTOR_VERSIONS).join(", ")}: promote one with \`npm start -- canary --candidate NAME\``,
      { step: "release" },
    );
  }
  return { version: make(config), promotedAt: state?.switched_at ?? null, previous: state?.previous_version ?? null };
}
