import { readFileSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { BatterSchema, PitchTypeSchema, PitcherSchema, type GroundTruthRow, type ReferenceTables } from "../domain/index";
import { InputError } from "../errors";
import { parseCsv } from "./csv-parser";

/** Columns holding integers: CSV gives strings, the schemas want numbers. */
const INTEGER_COLUMNS = new Set(["pitcher_id", "batter_id"]);

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new InputError(`Cannot read ${file}`, undefined, undefined, e);
  }
}

/**
 * Parse one reference CSV and validate every row with its zod schema. A bad row is an
 * `InputError` naming the file, the line and the field, e.g.
 * "pitchers.csv line 4, field `throws`: Invalid option: expected one of "R"|"L"".
 */
export function parseReferenceCsv<S extends z.ZodType>(text: string, fileName: string, schema: S): z.infer<S>[] {
  const records = parseCsv(text);
  const header = records.shift();
  if (!header) throw new InputError(`${fileName} is empty: expected a header row`, 1);
  const names = header.fields.map((f) => f.trim());
  return records.map((record) => {
    if (record.fields.length !== names.length) {
      throw new InputError(`${fileName} line ${record.line}: expected ${names.length} fields, found ${record.fields.length}`, record.line);
    }
    const raw: Record<string, unknown> = {};
    names.forEach((name, i) => {
      const value = record.fields[i]!.trim();
      raw[name] = INTEGER_COLUMNS.has(name) && /^-?\d+$/.test(value) ? Number(value) : value;
    });
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = String(issue.path[0] ?? names[0]);
      throw new InputError(`${fileName} line ${record.line}, field \`${field}\`: ${issue.message} (got ${JSON.stringify(raw[field] ?? null)})`, record.line, field);
    }
    return parsed.data;
  });
}

/**
 * Read the three reference tables (`pitchers.csv`, `batters.csv`, `pitch_types.csv`) from a folder.
 *
 * @example
 * const { pitchers, batters, pitchTypes } = readReferenceTables(config.dataDir);
 */
export function readReferenceTables(dataDir: string): ReferenceTables {
  const read = <S extends z.ZodType>(name: string, schema: S) => parseReferenceCsv(readText(path.join(dataDir, name)), name, schema);
  return {
    pitchers: read("pitchers.csv", PitcherSchema),
    batters: read("batters.csv", BatterSchema),
    pitchTypes: read("pitch_types.csv", PitchTypeSchema),
  };
}

/**
 * Read `ground_truth.jsonl`: one `GroundTruthRow` per play, in play order. A line that is not
 * JSON is an `InputError` naming the line.
 */
export function readGroundTruth(dataDir: string): GroundTruthRow[] {
  const text = readText(path.join(dataDir, "ground_truth.jsonl"));
  const rows: GroundTruthRow[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    try {
      rows.push(JSON.parse(line) as GroundTruthRow);
    } catch (e) {
      throw new InputError(`ground_truth.jsonl line ${i + 1} is not valid JSON`, i + 1, undefined, e);
    }
  });
  return rows;
}
