import { execFile } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulatedModel, type SimulatedModel } from "../../scripts/simulated-model/server";
import { findProjectRoot } from "../../src/config";
import { cliCommand } from "../support/cli";

// `npm start` on a real pseudo-terminal (100 columns), as a user sees it: python's pty module gives the
// child a terminal for stdin/stdout/stderr and hands back every byte it wrote.
const root = findProjectRoot();
const run = promisify(execFile);
const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
const COLUMNS = 100;
const PTY = `
import os, sys, fcntl, termios, struct, subprocess
master, slave = os.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, ${COLUMNS}, 0, 0))
child = subprocess.Popen(sys.argv[1:], stdin=slave, stdout=slave, stderr=slave, close_fds=True, start_new_session=True)
os.close(slave)
out = b""
while True:
    try:
        data = os.read(master, 65536)
    except OSError:
        break
    if not data:
        break
    out += data
sys.stdout.buffer.write(out)
sys.exit(child.wait())
`;

/** What the terminal shows, line by line: `\r` returns to column 0, ESC[2K clears the line. */
function screenLines(raw: string): string[] {
  return raw.replace(/\r\n/g, "\n").split("\n").map((line) => {
    let shown = "";
    for (const part of line.split("\r")) {
      const text = part.startsWith("\x1b[2K") ? part.slice(4) : part;
      shown = part.startsWith("\x1b[2K") ? text : text + shown.slice(text.length);
    }
    return shown;
  });
}

describe("npm start on a terminal", () => {
  let sim: SimulatedModel;
  beforeAll(async () => {
    sim = await startSimulatedModel({ latencyMs: 150 });
  });
  afterAll(async () => {
    await sim.close();
  });

  it("moves the bar as requests come back, prints each step on its own line, and fits the terminal", async () => {
    const env = {
      PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PGLITE_DIR: path.join(mkdtempSync(path.join(os.tmpdir(), "wb-pty-")), "pglite"),
      OPENAI_API_KEY: "simulated", OPENAI_BASE_URL: sim.baseURL, OPENAI_MODEL: sim.modelId, LLM_CONCURRENCY: "1", LLM_BATCH_SIZE: "4",
    };
    const { stdout } = await run(PYTHON, ["-c", PTY, process.execPath, ...cliCommand(["--rows", "32", "--provider", "openai"])], {
      cwd: root, env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024,
    });
    const screen = screenLines(stdout);

    // The bar advanced through the LLM step (the DAG's one extract task for 32 rows): several different counts, never going back, up to all 32 rows.
    const transform = [...stdout.matchAll(/\] extract\[0\] (\d+)\/32 rows/g)].map((m) => Number(m[1]));
    expect(new Set(transform.filter((n) => n > 0 && n < 32)).size).toBeGreaterThanOrEqual(2);
    expect(transform).toEqual([...transform].sort((a, b) => a - b));
    expect(transform[transform.length - 1]).toBe(32);
    expect(screen.some((l) => /^\[█{24}\] finished 32\/32 rows \(100%\)/.test(l))).toBe(true);

    // Each step line stands alone on the screen: no bar glued before or after it.
    // The steps are the ingest DAG's tasks, as `npm start` runs it in-process.
    for (const step of ["load_csv", "extract[0]", "map_canonical", "analyze_plays", "validate", "load", "summarize"]) {
      const lines = screen.filter((l) => l.includes(`✓ ${step} `));
      expect(lines, step).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^  ✓ ${step.replace(/[[\]]/g, "\\$&")}\\s+\\d+ ms$`));
    }
    // No bar drawn wider than the terminal (a wrapped bar cannot be redrawn in place).
    const bars = stdout.split("\r").filter((part) => /^\x1b\[2K\[[█░]/.test(part)).map((part) => part.slice(4).replace(/\n$/, ""));
    expect(bars.length).toBeGreaterThan(transform.length);
    for (const bar of bars) expect([...bar].length, bar).toBeLessThanOrEqual(COLUMNS);
    expect(screen.join("\n")).toMatch(/Rows\s+32 in = \d+ loaded \+ \d+ quarantined/);
  }, 120_000);
});
