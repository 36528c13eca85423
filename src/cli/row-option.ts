import { OptionsError } from "../errors";

/**
 * `--rows N` or `--rows all`: how many of the input's plays to run. Undefined when not given; 0 means all
 * (the library's convention), but on the command line "all" is spelt out so that a `--rows 0` typo
 * does not silently run the whole game.
 */
export function parseRowsOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (value === "all") return 0;
  const rows = Number(value);
  if (!Number.isInteger(rows) || rows < 1) throw new OptionsError("--rows", 'an integer ≥ 1, or "all"', value);
  return rows;
}
