/**
 * d3-format strings for quantitative axes, so ticks read as what they count: whole numbers for
 * counts and play numbers (`0 1 2`, never `0.0 1.0`), one decimal for speeds (`92.0`), and
 * enough significant digits for small amounts of money (`$0.0010`, never `$0.001, $0`).
 */

/** Axis properties for a count: integer labels and never a tick between two integers. */
export const COUNT_AXIS = { format: "d", tickMinStep: 1 } as const;

/** Axis properties for a speed in mph. */
export const MPH_AXIS = { format: ".1f", tickMinStep: 0.5 } as const;

/**
 * A fixed-decimals dollar format for an axis whose largest value is `max`: the decimals that
 * tell apart ticks down to max/10 apart (vega picks 5–10 ticks), and at least 2 (cents).
 *
 * @example usdFormat(0.0015) // "$.4f": ticks $0.0000, $0.0005, $0.0010, $0.0015
 */
export function usdFormat(max: number): string {
  if (!(max > 0) || !Number.isFinite(max)) return "$.2f";
  const step = max / 10;
  const decimals = Math.max(2, -Math.floor(Math.log10(step)));
  return `$.${Math.min(decimals, 8)}f`;
}

/**
 * A speed domain with room around the data, in whole mph: a single pitcher (or pitchers all
 * at 92 mph) still gets a readable axis instead of a zero-width one.
 */
export function mphDomain(speeds: readonly (number | null)[]): [number, number] | undefined {
  const known = speeds.filter((s): s is number => s !== null && Number.isFinite(s));
  if (known.length === 0) return undefined;
  return [Math.floor(Math.min(...known)) - 2, Math.ceil(Math.max(...known)) + 2];
}
