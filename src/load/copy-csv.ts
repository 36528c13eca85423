/**
 * One value as a field of `COPY … WITH (FORMAT csv)`: null (or undefined) is the unquoted empty
 * field, which COPY reads as NULL; text is always quoted (so an empty string stays an empty string);
 * an object (a jsonb column) is its JSON, quoted; booleans are `t` / `f`.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : quote(String(value));
  if (typeof value === "boolean") return value ? "t" : "f";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return quote(text);
}

const quote = (text: string) => `"${text.includes('"') ? text.replace(/"/g, '""') : text}"`;

/** Rows as CSV for `COPY … FROM` (FORMAT csv, no header): one line per row, `columns` in order. */
export function csvRows<T>(rows: readonly T[], columns: readonly (keyof T & string)[], extra: readonly unknown[] = []): string {
  const tail = extra.map(csvField);
  const lines: string[] = [];
  for (const row of rows) {
    const fields = columns.map((c) => csvField(row[c]));
    lines.push([...fields, ...tail].join(","));
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}
