import path from "node:path";
import { findProjectRoot } from "../config";
import {
  BudgetExceededError, ConfigError, DatabaseError, InputError, LlmError, LlmRateLimitError, OptionsError, PipelineError, toError, UnknownRosterError,
} from "../errors";
import { displayBundle } from "../util/kernel";

/** What `showError` shows: the step, the row and field when known, the message, its causes and a hint. */
export interface ErrorReport {
  name: string;
  step: string | undefined;
  row: number | undefined;
  field: string | undefined;
  message: string;
  causes: string[];
  hint: string;
}

/** The parts of an error a learner needs, whatever was thrown. */
export function describeError(thrown: unknown, hint?: string): ErrorReport {
  const error = toError(thrown);
  const causes: string[] = [];
  for (let c = (error as { cause?: unknown }).cause, depth = 0; c !== undefined && depth < 5; c = (toError(c) as { cause?: unknown }).cause, depth++) {
    causes.push(toError(c).message);
  }
  return {
    name: error.name,
    step: error instanceof PipelineError ? error.step : undefined,
    row: error instanceof InputError ? error.row : undefined,
    field: error instanceof InputError ? error.field : error instanceof OptionsError ? error.field : error instanceof ConfigError ? error.key : undefined,
    message: projectRelative(error.message),
    causes: causes.map(projectRelative),
    hint: hint ?? defaultHint(error),
  };
}

/**
 * Paths inside the project as the learner types them (`data/pitchers.csv`, as `npm start` takes them
 * from the project folder), not as this machine spells them out.
 */
function projectRelative(text: string): string {
  const root = findProjectRoot() + path.sep;
  return text.split(root).join("");
}

function defaultHint(e: Error): string {
  if (e instanceof UnknownRosterError) return "Propose this game's tables (wb.discoverRoster, or the roster command above), review them, and run with them as its references.";
  if (e instanceof ConfigError) return `Fix ${e.key} in .env (see sample.env), then restart the kernel: the config is read once.`;
  if (e instanceof OptionsError) return `Change \`${e.field}\` in the cell above to the value the message expects.`;
  if (e instanceof InputError) return e.row ? `Look at line ${e.row} of the input CSV${e.field ? ` (field ${e.field})` : ""}.` : "Check the input file's path and its playbyplay column.";
  if (e instanceof BudgetExceededError) return "Raise the run's budget (maxCostUsd / MAX_COST_USD), or run fewer rows.";
  if (e instanceof LlmRateLimitError) return "The provider asked us to slow down: lower LLM_CONCURRENCY, or run again in a minute.";
  if (e instanceof LlmError) return "Check OPENAI_BASE_URL, OPENAI_API_KEY and OPENAI_MODEL, or run with provider \"offline\".";
  if (e instanceof DatabaseError) return "Is the database reachable? Check DATABASE_URL / PG* in .env, or unset them to use the embedded PGlite.";
  if (e.name === "TSError" || /is not defined|Cannot find name/.test(e.message)) return "Run the cells above first (Run All), or restart the kernel after editing src/.";
  return "Read the message above; after editing src/, restart the kernel and run the cells again.";
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Show an error as the workbook's helpers do: a red box with the step, the row and field when known,
 * the message, its causes, and a hint for what to do. tslab itself sends errors as plain stderr text
 * without a name or traceback; this gives notebooks something better. Plain text outside a kernel.
 *
 * @example
 * try { await wb.runPipeline({ config, rows: ROWS }) } catch (e) { wb.showError(e); throw e }
 */
export function showError(thrown: unknown, options: { hint?: string } = {}): ErrorReport {
  const r = describeError(thrown, options.hint);
  const where = [r.step ? `step ${r.step}` : "", r.row ? `row ${r.row}` : "", r.field ? `field ${r.field}` : ""].filter(Boolean).join(" · ");
  const text = [`✗ ${r.name}${where ? ` (${where})` : ""}: ${r.message}`, ...r.causes.map((c) => `  caused by: ${c}`), `  hint: ${r.hint}`].join("\n");
  const html =
    `<div style="border-left:4px solid #b00020;padding:4px 10px;font-family:sans-serif">` +
    `<p style="margin:2px 0"><b style="color:#b00020">Error: ${esc(r.name)}</b>${where ? ` — ${esc(where)}` : ""}</p>` +
    `<p style="margin:2px 0;font-family:monospace">${esc(r.message)}</p>` +
    r.causes.map((c) => `<p style="margin:2px 0;font-family:monospace;color:#555">caused by: ${esc(c)}</p>`).join("") +
    `<p style="margin:2px 0"><b>Hint:</b> ${esc(r.hint)}</p></div>`;
  if (!displayBundle({ "text/html": html, "text/plain": text })) console.error(text);
  return r;
}

/**
 * Run a cell's work and, if it fails, show the error with `showError` and fail the cell (so Run All
 * stops there, as it should). Returns what `fn` returns.
 *
 * @example const result = await wb.withErrorDisplay(() => wb.runPipeline({ config, rows: ROWS }));
 */
export async function withErrorDisplay<T>(fn: () => T | Promise<T>, options: { hint?: string } = {}): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    showError(e, options);
    throw e;
  }
}
