import { realpathSync } from "node:fs";
import path from "node:path";
import { describeConfig, findProjectRoot, type Config } from "../config";
import { showTable } from "./table";

export interface ShowSetupOptions {
  /** The row limit this notebook runs with (its `ROWS`; 0 = all rows). Default: the config's `ROW_LIMIT`. */
  rows?: number;
}

/**
 * The notebooks' setup report: which provider, database and environment are in use, how many rows
 * this notebook runs, and which clone of the workbook the kernel runs (its Node and tslab).
 * Never shows any part of a key: secrets appear only as "configured" or "not set".
 *
 * @example wb.showSetup(config, { rows: ROWS })
 */
export function showSetup(config: Config, options: ShowSetupOptions = {}): void {
  const rows = Object.entries(describeConfig(config)).map(([setting, value]) => ({ setting, value }));
  if (options.rows !== undefined) {
    const limit = rows.find((r) => r.setting === "row_limit");
    if (limit) limit.value = options.rows === 0 ? "all rows (this notebook's ROWS = 0)" : `${options.rows} (this notebook's ROWS)`;
  }
  rows.push({ setting: "node", value: process.version });
  // The folder's name, not its path: the committed notebooks' outputs carry no machine paths.
  const kernel = kernelClone();
  const folder = path.basename(config.projectRoot);
  if (!kernel) rows.push({ setting: "project", value: folder });
  else if (path.resolve(kernel) === path.resolve(config.projectRoot)) rows.push({ setting: "kernel runs", value: `this clone (${folder})` });
  else rows.push({ setting: "kernel runs", value: `ANOTHER clone: ${kernel}, not this notebook's ${config.projectRoot}. Pick the kernel "TypeScript (workbook: ${folder}, …)"` });
  showTable(rows, { title: "Workbook setup", maxRows: 50, maxChars: 160 });
}

/** The clone whose tslab runs this kernel (`node …/node_modules/tslab/bin/tslab kernel`), or undefined outside tslab. */
export function kernelClone(argv: readonly string[] = process.argv): string | undefined {
  const script = argv[1];
  if (!script || !/[\\/]tslab[\\/]/.test(script)) return undefined;
  let real = script;
  try {
    real = realpathSync(script);
  } catch {
    // keep the path as given
  }
  return findProjectRoot(path.dirname(real));
}
