import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/config";
import { PITCH_TYPE_CODES } from "../../src/domain";
import { InputError } from "../../src/errors";
import { readGroundTruth, readReferenceTables } from "../../src/extract";

const dataDir = path.join(findProjectRoot(), "data");

function copyData(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "refs-"));
  for (const f of ["pitchers.csv", "batters.csv", "pitch_types.csv"]) copyFileSync(path.join(dataDir, f), path.join(dir, f));
  return dir;
}

describe("readReferenceTables", () => {
  it("reads the workbook's pitchers, batters and nine pitch types with integer IDs", () => {
    const refs = readReferenceTables(dataDir);
    expect(refs.pitchers).toHaveLength(13);
    expect(refs.batters).toHaveLength(22);
    expect(refs.pitchTypes.map((t) => t.code).sort()).toEqual([...PITCH_TYPE_CODES].sort());
    expect(refs.pitchers.every((p) => Number.isInteger(p.pitcher_id))).toBe(true);
    expect(refs.pitchTypes.find((t) => t.code === "FF")?.name).toBe("Four-seam FB");
  });

  it("rejects a bad row with an InputError naming the file, the line and the field", () => {
    const dir = copyData();
    const file = path.join(dir, "pitchers.csv");
    const lines = readFileSync(file, "utf8").split("\n");
    lines[3] = lines[3]!.replace(/,R$|,L$/, ",X");
    writeFileSync(file, lines.join("\n"));
    let error: unknown;
    try {
      readReferenceTables(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).row).toBe(4);
    expect((error as InputError).field).toBe("throws");
    expect((error as Error).message).toMatch(/pitchers\.csv line 4, field `throws`/);
  });

  it("rejects a non-integer ID naming its field", () => {
    const dir = copyData();
    const file = path.join(dir, "batters.csv");
    const lines = readFileSync(file, "utf8").split("\n");
    lines[2] = lines[2]!.replace(/^\d+/, "20x");
    writeFileSync(file, lines.join("\n"));
    expect(() => readReferenceTables(dir)).toThrow(/batters\.csv line 3, field `batter_id`/);
  });
});

describe("readGroundTruth", () => {
  it("reads one truth row per play, numbered 1..729", () => {
    const rows = readGroundTruth(dataDir);
    expect(rows).toHaveLength(729);
    expect(rows.map((r) => r.play_id)).toEqual(Array.from({ length: 729 }, (_, i) => i + 1));
  });
});
