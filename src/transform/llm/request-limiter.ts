import { sleep } from "../../util/sleep";

/**
 * Bounds the requests in flight, and holds every worker back while the provider has
 * asked us to wait (a 429's `retry-after`), so one rate-limit answer slows the whole run
 * instead of each worker hammering on its own. Backoff sleeps happen outside a slot.
 */
export class RequestLimiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private pausedUntil = 0;

  constructor(readonly concurrency: number) {}

  /** Run `fn` when a slot is free and no pause is in force. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      const wait = this.pausedUntil - Date.now();
      if (wait > 0) await sleep(wait);
      return await fn();
    } finally {
      this.release();
    }
  }

  /** Ask every worker to hold off for `ms` (from now). */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
  }

  private acquire(): Promise<void> {
    if (this.active < this.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
