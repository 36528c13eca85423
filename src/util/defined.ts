/**
 * `o` without the keys whose value is `undefined`, so that spreading it over defaults keeps the
 * default where a caller forwarded an unset optional field (`{ now: extras.now }`).
 */
export function dropUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Spread `options` over `defaults`, skipping keys set to `undefined`: the one "defaults spread once". */
export function withDefaults<D extends object, O extends object>(defaults: D, options: O): D & O {
  return { ...defaults, ...dropUndefined(options) } as D & O;
}
