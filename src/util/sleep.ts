import { AbortError } from "../errors";

/**
 * Wait `ms`; an abort signal cuts the wait short with an `AbortError` (its `cause` is the signal's
 * reason), so a stopped run does not sit out a backoff. The one sleep of the code base.
 *
 * @example await sleep(250, controller.signal)
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, Math.max(0, ms));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function abortReason(signal: AbortSignal): AbortError {
  return new AbortError("Aborted", { cause: signal.reason });
}
