import type { RawPlay, ReferenceTables } from "../../domain/index";
import { UnknownRosterError } from "../../errors";
import { grammarNames } from "../offline/name-grammar";
import { surnameOf } from "../offline/name-parser";

/** How many of the people an input names the reference tables know. */
export interface RosterCoverage {
  /** Distinct surnames the grammar of the calls puts on the mound or at the plate at least twice. */
  names: number;
  known: number;
  /** A few of the unknown ones, most mentioned first, for the message. */
  unknownExamples: string[];
}

/**
 * Read the names an input gives its pitchers and batters (by the grammar of the calls, no tables needed)
 * and count how many the reference tables know, by surname.
 */
export function measureRosterCoverage(plays: readonly RawPlay[], refs: ReferenceTables): RosterCoverage {
  const known = new Set([...refs.pitchers, ...refs.batters].map((p) => surnameOf(p.name)));
  const mentions = new Map<string, { written: string; n: number }>();
  for (const play of plays) {
    const g = grammarNames(play.playbyplay, []);
    for (const name of [g.pitcher, g.batter]) {
      if (!name) continue;
      const key = surnameOf(name);
      const m = mentions.get(key) ?? { written: name, n: 0 };
      m.n++;
      mentions.set(key, m);
    }
  }
  const names = [...mentions].filter(([, m]) => m.n >= 2);
  const unknown = names.filter(([k]) => !known.has(k)).sort((a, b) => b[1].n - a[1].n);
  return { names: names.length, known: names.length - unknown.length, unknownExamples: unknown.slice(0, 5).map(([, m]) => m.written) };
}

/** Rows the early stop reads for its verdict: a few games' worth (`assertRosterCovers`). */
export const ROSTER_CHECK_ROWS = 2_000;

export interface RosterCheckOptions {
  /** The input file, for the message. */
  input: string;
  /** Where the tables were read from, for the message. */
  referencesDir: string;
  /** Largest share of unknown names that still runs. Default 0.5 ("most names unknown" stops). */
  maxUnknownShare?: number;
}

/**
 * Stop before anything is loaded when most names of an input are not in the reference tables: it is
 * another game, and every row would be quarantined for an unmapped pitcher or batter. The error says so
 * and gives the `roster` command that proposes tables for it.
 */
export function assertRosterCovers(plays: readonly RawPlay[], refs: ReferenceTables, options: RosterCheckOptions): RosterCoverage {
  // The verdict needs the names of a game, not of every row: the first rows hold whole games (a game is a few hundred
  // paragraphs), and reading 100,000 rows for it cost ~0.9 s.
  const sampled = plays.length > ROSTER_CHECK_ROWS;
  const coverage = measureRosterCoverage(sampled ? plays.slice(0, ROSTER_CHECK_ROWS) : plays, refs);
  const unknown = coverage.names - coverage.known;
  const maxShare = options.maxUnknownShare ?? 0.5;
  if (coverage.names >= 3 && unknown / coverage.names > maxShare) {
    const out = "my-roster";
    throw new UnknownRosterError(
      `${unknown} of the ${coverage.names} players named in ${sampled ? `the first ${ROSTER_CHECK_ROWS.toLocaleString("en-US")} rows of ` : ""}${options.input} are not in the reference tables in ${options.referencesDir} ` +
        `(${coverage.unknownExamples.join(", ")}, …): this looks like another game, and nearly every row would be quarantined. ` +
        `Nothing was loaded. Propose its tables with \`npm start -- roster --input ${options.input} --out ${out}\`, review them, ` +
        `then run \`npm start -- --input ${options.input} --references ${out}\` (or set REFERENCES_DIR=${out} in .env).`,
      coverage.known,
      unknown,
    );
  }
  return coverage;
}
