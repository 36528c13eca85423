/**
 * Spread `options` over `defaults`, skipping keys set to `undefined`: callers that forward an
 * optional field (`{ now: extras.now }`) get the default, not `undefined`.
 */
export function withDefaults<D extends object, O extends object>(defaults: D, options: O): D & O {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  return { ...defaults, ...given } as D & O;
}
