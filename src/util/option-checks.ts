import { OptionsError } from "../errors";

/**
 * The checks a component's option resolver runs once, each throwing an `OptionsError` that names the
 * field and the value ("Expected `batchSize` to be an integer ≥ 1, got 0"). Each returns the value.
 *
 * @example const o = withDefaults(DEFAULTS, options); checkInteger("batchSize", o.batchSize, 1);
 */
export function checkInteger(field: string, value: unknown, min: number, max = Number.POSITIVE_INFINITY): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new OptionsError(field, max === Number.POSITIVE_INFINITY ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`, value);
  }
  return value;
}

/** A number in a range: `above` is exclusive (`{ above: 0 }` is "> 0"), `min` and `max` inclusive. */
export function checkNumber(field: string, value: unknown, range: { above?: number; min?: number; max?: number }): number {
  const { above, min, max } = range;
  const ok =
    typeof value === "number" &&
    !Number.isNaN(value) &&
    (above === undefined || value > above) &&
    (min === undefined || value >= min) &&
    (max === undefined || value <= max);
  if (!ok) {
    const expected =
      min !== undefined && max !== undefined ? `a number from ${min} to ${max}` : above !== undefined ? `a number > ${above}` : min !== undefined ? `a number ≥ ${min}` : `a number ≤ ${max}`;
    throw new OptionsError(field, expected, value);
  }
  return value;
}

/** One of a few allowed values, listed in the message. */
export function checkOneOf<T>(field: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new OptionsError(field, allowed.map(String).join(", "), value);
  return value as T;
}
