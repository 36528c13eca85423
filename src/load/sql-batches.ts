import { OptionsError } from "../errors";

/** PostgreSQL's wire protocol caps one statement at 65,535 bind parameters. */
export const MAX_BIND_PARAMETERS = 65_535;

/**
 * `($1, $2), ($3, $4), …` for `rows` rows of `columns` placeholders each. `casts` may give a
 * cast per column (e.g. `"::text::jsonb"`), so JSON travels as text on both pg and PGlite.
 */
export function valuesPlaceholders(rows: number, columns: number, casts: readonly string[] = []): string {
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < columns; c++) cells.push(`$${r * columns + c + 1}${casts[c] ?? ""}`);
    tuples.push(`(${cells.join(", ")})`);
  }
  return tuples.join(",\n");
}

/** The largest batch that keeps one multi-row INSERT of `columns` columns under the parameter cap. */
export function maxBatchSize(columns: number): number {
  return Math.floor(MAX_BIND_PARAMETERS / columns);
}

/** Validate a `batchSize` option against the cap for a table of `columns` columns. */
export function checkBatchSize(batchSize: unknown, columns: number): number {
  const max = maxBatchSize(columns);
  if (typeof batchSize !== "number" || !Number.isInteger(batchSize) || batchSize < 1 || batchSize > max) {
    throw new OptionsError("batchSize", `an integer from 1 to ${max} (${columns} parameters per row, ${MAX_BIND_PARAMETERS} per statement)`, batchSize);
  }
  return batchSize;
}
