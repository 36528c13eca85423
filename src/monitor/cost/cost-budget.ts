import { BudgetExceededError, OptionsError } from "../../errors";

/** Money set aside for a request in flight; settled with what it really cost. */
export interface Reservation {
  readonly worstCaseUsd: number;
  settled: boolean;
}

/**
 * A spending limit checked before every request. A request reserves its worst case
 * (its counted input tokens plus its `max_tokens` of output) so that concurrent
 * requests cannot together overshoot; the reservation is replaced by the real cost
 * from `usage` when the answer arrives. One budget spans a whole run (all its steps).
 *
 * @example
 * const budget = new CostBudget(1.0);
 * const r = budget.reserve(0.002); // throws BudgetExceededError if it could exceed $1.00
 * budget.settle(r, 0.0011);
 */
export class CostBudget {
  private spent = 0;
  private reserved = 0;

  constructor(readonly maxCostUsd: number = Number.POSITIVE_INFINITY) {
    if (!(maxCostUsd > 0)) throw new OptionsError("maxCostUsd", "a number > 0", maxCostUsd);
  }

  /** Dollars actually spent so far (settled requests). */
  get spentUsd(): number {
    return this.spent;
  }

  /** Dollars held by requests still in flight. */
  get reservedUsd(): number {
    return this.reserved;
  }

  /** Reserve the worst case of the next request, or throw `BudgetExceededError` before it is sent. */
  reserve(worstCaseUsd: number): Reservation {
    const wouldSpend = this.spent + this.reserved + worstCaseUsd;
    if (wouldSpend > this.maxCostUsd) throw new BudgetExceededError(this.maxCostUsd, wouldSpend);
    this.reserved += worstCaseUsd;
    return { worstCaseUsd, settled: false };
  }

  /** Replace a reservation by the real cost (0 when the request failed before any usage was billed). */
  settle(reservation: Reservation, actualUsd: number): void {
    if (reservation.settled) return;
    reservation.settled = true;
    this.reserved -= reservation.worstCaseUsd;
    this.spent += actualUsd;
  }
}
