import type { RunOutcome } from "../load/row-accounting";

/**
 * The process exit codes of `npm start` and `npm start -- trigger`: 0 only when the run loaded what
 * it should. `--help` and the README list them.
 */
export const EXIT_CODES = {
  /** The run loaded every row that passed validation. */
  loaded: 0,
  /** An error stopped the run (bad input file, bad option, the provider or the database failing). */
  error: 1,
  /** Unknown command. */
  usage: 2,
  /** The quality gate held the valid rows back: too many rows failed (see `held list`). */
  held: 3,
  /** The cost budget stopped the run before every row was extracted. */
  stopped: 4,
} as const;

/** The exit code for how a run ended. */
export function exitCodeFor(outcome: RunOutcome): number {
  return EXIT_CODES[outcome];
}

/** The lines `--help` shows. */
export const EXIT_CODES_HELP = `Exit codes:
  0  the run loaded what it should        1  an error stopped it           2  unknown command
  3  rows held by the quality gate        4  stopped by the cost budget (--max-cost)`;
