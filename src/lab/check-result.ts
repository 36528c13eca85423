import { toError } from "../errors";
import { displayBundle } from "../util/kernel";

/** What a lab check found: passed or not yet, what it measured, and what to try next. */
export interface CheckResult {
  exercise: number;
  passed: boolean;
  /** What was measured, in one or two sentences. */
  message: string;
  /** What to look at when it did not pass. */
  hint?: string;
}

/** Marks in the plain-text line; `scripts/check-lab.mjs` reads them back from the executed notebook. */
export const PASSED_MARK = "✅";
export const NOT_YET_MARK = "❌";

/** The one-line verdict, e.g. "✅ Exercise 1 passed: …" or "❌ Exercise 1 not yet: … Hint: …". */
export function formatCheck(result: CheckResult): string {
  if (result.passed) return `${PASSED_MARK} Exercise ${result.exercise} passed: ${result.message}`;
  return `${NOT_YET_MARK} Exercise ${result.exercise} not yet: ${result.message}${result.hint ? ` Hint: ${result.hint}` : ""}`;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Show a check's verdict: a green or amber box in a notebook (with the plain-text line for
 * static viewers and logs), the plain line on the console elsewhere.
 */
export function reportCheck(result: CheckResult): void {
  const text = formatCheck(result);
  const colour = result.passed ? "#e6f4ea" : "#fff4e5";
  const border = result.passed ? "#34a853" : "#f29900";
  const title = result.passed ? `${PASSED_MARK} Exercise ${result.exercise} passed` : `${NOT_YET_MARK} Exercise ${result.exercise} not yet`;
  const html =
    `<div style="border-left:6px solid ${border};background:${colour};padding:8px 12px;margin:4px 0;color:#202124">` +
    `<b>${esc(title)}</b><br>${esc(result.message)}` +
    (result.hint && !result.passed ? `<br><i>Hint:</i> ${esc(result.hint)}` : "") +
    `</div>`;
  if (!displayBundle({ "text/html": html, "text/plain": text })) console.log(text);
}

/** A verdict builder bound to one exercise. */
export function verdicts(exercise: number) {
  return {
    pass: (message: string): CheckResult => ({ exercise, passed: true, message }),
    notYet: (message: string, hint: string): CheckResult => ({ exercise, passed: false, message, hint }),
  };
}

/** The error a TODO stub throws: `new Error("TODO: …")`. */
export function isTodo(error: unknown): boolean {
  return /^TODO\b/.test(toError(error).message);
}

/**
 * Turn an error thrown while running the learner's code into a "not yet": a TODO stub says
 * so plainly (without giving the answer away); anything else shows its message with the hint.
 */
export function fromError(exercise: number, error: unknown, hint: string): CheckResult {
  const e = toError(error);
  if (isTodo(e)) {
    return { exercise, passed: false, message: `the TODO cell still throws (${e.message}).`, hint: "fill in the TODO cell above (the comments in it point the way), run it, then run this check again." };
  }
  return { exercise, passed: false, message: `your code threw ${e.name}: ${e.message}`, hint };
}

/** Reject after `ms` with a clear message, so a hanging attempt cannot freeze the notebook. */
export async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
