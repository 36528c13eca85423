import { describeConfig, type Config } from "../config";
import { showTable } from "./table";

/**
 * The notebooks' setup report: which provider, database and environment are in use.
 * Never shows any part of a key: secrets appear only as "configured" or "not set".
 */
export function showSetup(config: Config): void {
  const rows = Object.entries(describeConfig(config)).map(([setting, value]) => ({ setting, value }));
  rows.push({ setting: "node", value: process.version });
  showTable(rows, { title: "Workbook setup", maxRows: 50 });
}
