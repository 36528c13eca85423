import os from "node:os";

/** One figure of `npm run bench`, measured in this run and printed beside its target. */
export interface TargetRow {
  what: string;
  measured: string;
  target: string;
  ok: boolean;
}

/** Print rows as a table with ok / MISSED; returns whether every target was met. */
export function printTargets(title: string, rows: TargetRow[]): boolean {
  const body = rows.map((r) => [r.what, r.measured, r.target, r.ok ? "ok" : "MISSED"]);
  const header = ["", "measured", "target", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of body) console.log(line(r));
  return rows.every((r) => r.ok);
}

/**
 * How busy the machine is, to read the figures by: the load average (1, 5, 15 min) against the cores.
 * Wall times measured at a load far above the core count are the machine's, not the code's.
 */
export function machineLoad(): string {
  const [one, five, fifteen] = os.loadavg().map((x) => x.toFixed(1));
  return `load average ${one}, ${five}, ${fifteen} (1, 5, 15 min) on ${os.cpus().length} cores`;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
export const mib = (kib: number) => `${Math.round(kib / 1024)} MiB`;
