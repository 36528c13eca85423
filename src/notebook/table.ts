import { displayBundle } from "../util/kernel";

export interface ShowTableOptions {
  /** Columns to show, in order. Default: the keys of the first row. */
  columns?: string[];
  /** Rows to show at most. Default 10. */
  maxRows?: number;
  /** Caption above the table. */
  title?: string;
  /** Cut long strings to this many characters. Default 80. */
  maxChars?: number;
}

type Row = Record<string, unknown>;

/** Anything with danfojs DataFrame's shape, without importing danfojs here. */
interface FrameLike {
  columns: string[];
  values: unknown;
}

function isFrame(x: unknown): x is FrameLike {
  return typeof x === "object" && x !== null && Array.isArray((x as FrameLike).columns) && Array.isArray((x as FrameLike).values) && !Array.isArray(x);
}

function cell(v: unknown, maxChars: number): string {
  if (v === null || v === undefined) return "null";
  const s = v instanceof Date ? v.toISOString() : typeof v === "number" && !Number.isInteger(v) ? v.toFixed(2) : String(v);
  return s.length > maxChars ? `${s.slice(0, maxChars - 1)}…` : s;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Show rows (or a danfojs DataFrame) as an HTML table in a notebook, with a plain-text
 * version for logs and static viewers (printed instead when not in a kernel).
 *
 * @example showTable(plays, { columns: ["play_id", "play_hash", "playbyplay"], maxRows: 5 })
 */
export function showTable(data: readonly object[] | FrameLike, options: ShowTableOptions = {}): void {
  const { maxRows = 10, maxChars = 80, title } = options;
  const rows: Row[] = isFrame(data)
    ? (data.values as unknown[][]).map((vals) => Object.fromEntries(data.columns.map((c, i) => [c, vals[i]])))
    : (data as Row[]);
  const columns = options.columns ?? (rows[0] ? Object.keys(rows[0]) : []);
  const shown = rows.slice(0, maxRows);
  const body = shown.map((r) => columns.map((c) => cell(r[c], maxChars)));
  const widths = columns.map((c, i) => Math.max(c.length, ...body.map((b) => b[i]!.length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i]!)).join(" │ ");
  const more = rows.length > shown.length ? `… ${rows.length - shown.length} more row(s)` : "";
  const text = [title ?? "", line(columns), widths.map((w) => "─".repeat(w)).join("─┼─"), ...body.map(line), more]
    .filter((l) => l !== "")
    .join("\n");
  const html =
    (title ? `<p><b>${esc(title)}</b></p>` : "") +
    `<table><thead><tr>${columns.map((c) => `<th>${esc(c)}</th>`).join("")}</tr></thead><tbody>` +
    body.map((b) => `<tr>${b.map((v) => `<td style="text-align:left">${esc(v)}</td>`).join("")}</tr>`).join("") +
    `</tbody></table>` +
    (more ? `<p><i>${esc(more)}</i></p>` : "");
  if (!displayBundle({ "text/html": html, "text/plain": text })) console.log(text);
}
