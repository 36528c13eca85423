import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors";
import { parsePlays, playHash, readPlays } from "../../src/extract/index";

describe("reading a play-by-play CSV", () => {
  it("gives every play its canonical IDs: play_id in input order and a 16-hex-char SHA-256 play_hash", () => {
    const { plays, malformed } = parsePlays("playbyplay\n\"First pitch, a called strike.\"\nSecond pitch fouled away.\n");
    expect(malformed).toEqual([]);
    expect(plays.map((p) => p.play_id)).toEqual([1, 2]);
    expect(plays[0]!.play_hash).toMatch(/^[0-9a-f]{16}$/);
    expect(plays[0]!.play_hash).toBe(playHash("First pitch, a called strike."));
    expect(plays[0]!.play_hash).not.toBe(plays[1]!.play_hash);
  });

  it("reads a UTF-8 BOM, CRLF line ends and quoted fields holding commas, quotes and newlines", () => {
    const text = '\uFEFFplaybyplay\r\n"Okafor deals, ""a heater"", 97 mph"\r\n"Two lines,\r\nof commentary"\r\nplain row\r\n';
    const { plays } = parsePlays(text);
    expect(plays.map((p) => p.playbyplay)).toEqual(['Okafor deals, "a heater", 97 mph', "Two lines,\nof commentary", "plain row"]);
    expect(plays.map((p) => p.line)).toEqual([2, 3, 5]);
  });

  it("reports malformed rows by line number and keeps their place, instead of dropping them", () => {
    const { plays, malformed } = parsePlays("playbyplay,source\nfine row,booth\nan unquoted, comma,booth\n,radio\nlast row,wire\n", {});
    expect(plays.map((p) => [p.play_id, p.line])).toEqual([[1, 2], [4, 5]]);
    expect(malformed.map((m) => [m.play_id, m.line, m.field])).toEqual([[2, 3, "playbyplay"], [3, 4, "playbyplay"]]);
    expect(malformed[0]!.message).toMatch(/expected 2 field\(s\), found 3/);
    expect(malformed[1]!.message).toMatch(/empty/);
  });

  it("stops at --rows N, counting malformed rows too", () => {
    const { plays, malformed } = parsePlays("playbyplay\na\nb\nc\n", { limit: 2 });
    expect(plays.length + malformed.length).toBe(2);
  });

  it("names the line of an unterminated quote and a missing playbyplay column", () => {
    expect(() => parsePlays('playbyplay\nok\n"never closed\n')).toThrowError(/line 3/);
    expect(() => parsePlays("text\nhello\n")).toThrowError(InputError);
    expect(() => parsePlays("text\nhello\n")).toThrowError(/no `playbyplay` column \(found: text\)/);
  });

  it("rejects a bad limit naming the option", () => {
    expect(() => parsePlays("playbyplay\na\n", { limit: -1 })).toThrowError("Expected `limit` to be an integer ≥ 0, got -1");
  });

  it("reads the project's game: 729 plays, none malformed", () => {
    const { plays, malformed } = readPlays(path.join("data", "playbyplay.csv"));
    expect(plays).toHaveLength(729);
    expect(malformed).toEqual([]);
  });

  it("says which file it cannot read", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "plays-"));
    writeFileSync(path.join(dir, "ok.csv"), "playbyplay\nx\n");
    expect(readPlays(path.join(dir, "ok.csv")).plays).toHaveLength(1);
    expect(() => readPlays(path.join(dir, "missing.csv"))).toThrowError(/Cannot read input file .*missing\.csv \(no such file\)/);
  });
});
