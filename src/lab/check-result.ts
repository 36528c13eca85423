import { OptionsError, toError } from "../errors";
import { displayBundle } from "../util/kernel";

/**
 * A graded hint for one part of an exercise: the nudge comes with the "not yet" and names the
 * concept to look at; the answer (code for that part only) is shown on request, with `showHint`.
 */
export interface Hint {
  /** The part of the exercise this is about, e.g. "the join rule". */
  part: string;
  /** Names the concept without giving the code away. */
  nudge: string;
  /** The answer for this part only. */
  answer: string;
}

/** What a lab check found: passed or not yet, what it measured, and what to try next. */
export interface CheckResult {
  exercise: number;
  passed: boolean;
  /** What was measured, in one or two sentences. */
  message: string;
  /** Level 1 of the hint: a nudge naming the concept (shown with the verdict). */
  hint?: string;
  /** The part of the exercise that failed. */
  part?: string;
  /** Level 2 of the hint: the answer for the part that failed, shown only by `showHint(exercise, 2)`. */
  answer?: string;
}

/** The verdict words: the main cue, with colour second (no emoji: many machines have no emoji font). */
export const PASSED_MARK = "PASSED";
export const NOT_YET_MARK = "NOT YET";

const moreHelp = (r: CheckResult) => (r.answer ? ` (The answer for ${r.part ?? "this part"}: wb.showHint(${r.exercise}, 2).)` : "");

/** The one-line verdict, e.g. "PASSED · Exercise 1 passed: …" or "NOT YET · Exercise 1 not yet: … Hint: …". */
export function formatCheck(result: CheckResult): string {
  if (result.passed) return `${PASSED_MARK} · Exercise ${result.exercise} passed: ${result.message}`;
  return `${NOT_YET_MARK} · Exercise ${result.exercise} not yet: ${result.message}${result.hint ? ` Hint: ${result.hint}` : ""}${moreHelp(result)}`;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Green for passed, dark amber for not yet: both carry white words, readable without colour vision. */
const STYLE = {
  passed: { badge: "#1b7f3b", background: "#eaf5ed" },
  notYet: { badge: "#a65400", background: "#fdf1e4" },
};

function box(badge: string, colours: { badge: string; background: string }, title: string, body: string): string {
  return (
    `<div style="border-left:6px solid ${colours.badge};background:${colours.background};padding:8px 12px;margin:4px 0;color:#202124">` +
    `<span style="background:${colours.badge};color:white;font-weight:bold;padding:1px 8px;border-radius:3px;letter-spacing:0.05em">${esc(badge)}</span> ` +
    `<b>${esc(title)}</b><br>${body}</div>`
  );
}

/** The last verdict shown for each exercise: what `showHint` is about. */
const lastResults = new Map<number, CheckResult>();

/**
 * Show a check's verdict: a box with the words PASSED or NOT YET (and colour) in a notebook,
 * with the plain-text line for static viewers and logs; the plain line on the console elsewhere.
 * Remembers the verdict for `showHint`.
 */
export function reportCheck(result: CheckResult): void {
  lastResults.set(result.exercise, result);
  const text = formatCheck(result);
  const title = `Exercise ${result.exercise} ${result.passed ? "passed" : "not yet"}`;
  const body =
    esc(result.message) +
    (result.hint && !result.passed ? `<br><i>Hint${result.part ? ` (${esc(result.part)})` : ""}:</i> ${esc(result.hint)}` : "") +
    (result.answer && !result.passed ? `<br><small>Still stuck? <code>wb.showHint(${result.exercise}, 2)</code> shows the answer for ${esc(result.part ?? "this part")}.</small>` : "");
  const html = box(result.passed ? PASSED_MARK : NOT_YET_MARK, result.passed ? STYLE.passed : STYLE.notYet, title, body);
  if (!displayBundle({ "text/html": html, "text/plain": text })) console.log(text);
}

/**
 * A graded hint about the last check of an exercise: level 1 repeats the nudge, level 2 shows the
 * answer for the part that failed (and only that part). Shown in the notebook; also returned.
 *
 * @example wb.showHint(3, 2)
 */
export function showHint(exercise: number, level: 1 | 2 = 1): string {
  if (!Number.isInteger(exercise) || exercise < 1 || exercise > 6) throw new OptionsError("exercise", "an exercise number from 1 to 6", exercise);
  if (level !== 1 && level !== 2) throw new OptionsError("level", "1 (a nudge) or 2 (the answer for the part that failed)", level);
  const r = lastResults.get(exercise);
  let text: string;
  if (!r) text = `Run the check of exercise ${exercise} first: the hint is about what it found.`;
  else if (r.passed) text = `Exercise ${exercise} passed: nothing to hint. Compare with src/lab/solutions/exercise-${exercise}.ts.`;
  else if (level === 1 || !r.answer) text = `Hint for exercise ${exercise}${r.part ? ` (${r.part})` : ""}: ${r.hint ?? "read what the check saw, above."}${level === 2 && !r.answer ? " (No more to show for this one.)" : ""}`;
  else text = `Answer for exercise ${exercise}, ${r.part ?? "the part that failed"}:\n${r.answer}`;
  const html = `<div style="border-left:6px solid #555;background:#f3f3f3;padding:8px 12px;margin:4px 0;color:#202124;white-space:pre-wrap;font-family:monospace">${esc(text)}</div>`;
  if (!displayBundle({ "text/html": html, "text/plain": text })) console.log(text);
  return text;
}

/** A verdict builder bound to one exercise. */
export function verdicts(exercise: number) {
  return {
    pass: (message: string): CheckResult => ({ exercise, passed: true, message }),
    notYet: (message: string, hint: Hint): CheckResult => ({ exercise, passed: false, message, hint: hint.nudge, part: hint.part, answer: hint.answer }),
  };
}

/** The error a TODO stub throws: `new Error("TODO: …")`. */
export function isTodo(error: unknown): boolean {
  return /^TODO\b/.test(toError(error).message);
}

const TODO_HINT: Hint = {
  part: "the TODO cell",
  nudge: "fill in the TODO cell above (the comments in it point the way), run it, then run this check again.",
  answer: "Write a first attempt from the brief and the comments in the TODO cell. Once your code runs, the check names the part that is not right yet, and wb.showHint(N, 2) shows the answer for that part.",
};

function todoResult(exercise: number, message: string): CheckResult {
  return { exercise, passed: false, message: `the TODO cell still throws (${message}).`, hint: TODO_HINT.nudge, part: TODO_HINT.part, answer: TODO_HINT.answer.replace("N, 2", `${exercise}, 2`) };
}

/**
 * The TODO message when `fn` is still the untouched stub (its body starts with
 * `throw new Error("TODO…")`, so calling it can only throw), else undefined. Lets a check say
 * "not yet" at once instead of starting databases and servers for code that cannot run.
 */
export function todoStub(fn: unknown): string | undefined {
  if (typeof fn !== "function") return undefined;
  const source = Function.prototype.toString.call(fn).replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/[^\n]*/g, "$1");
  const m = /^[^{]*\{\s*throw\s+new\s+Error\(\s*(["'`])(TODO\b.*?)\1\s*\)/s.exec(source);
  return m?.[2];
}

/** A "not yet" for an untouched TODO stub, before any work is started; undefined when `fn` is real code. */
export function untouched(exercise: number, fn: unknown): CheckResult | undefined {
  const message = todoStub(fn);
  return message === undefined ? undefined : todoResult(exercise, message);
}

/**
 * Turn an error thrown while running the learner's code into a "not yet": a TODO stub says
 * so plainly (without giving the answer away); anything else shows its message with the hint.
 */
export function fromError(exercise: number, error: unknown, hint: Hint): CheckResult {
  const e = toError(error);
  if (isTodo(e)) return todoResult(exercise, e.message);
  return { exercise, passed: false, message: `your code threw ${e.name}: ${e.message}`, hint: hint.nudge, part: hint.part, answer: hint.answer };
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
