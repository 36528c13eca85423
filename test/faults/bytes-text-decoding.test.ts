import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeCsvBytes, preview } from "../../src/extract/text-decoding";
import { parsePlays, readPlays } from "../../src/extract/play-reader";

// Issue 9, item 10, at the level of the reader: which bytes are repaired (and named), which rows are
// quarantined (and at which line), and what an error may echo.
const write = (bytes: Buffer) => {
  const f = path.join(mkdtempSync(path.join(os.tmpdir(), "wb-dec-")), "in.csv");
  writeFileSync(f, bytes);
  return f;
};

describe("decoding input bytes", () => {
  it('turns "â€”" (an em dash once read as Windows-1252) back into "—", naming the line', () => {
    const r = decodeCsvBytes(Buffer.from("playbyplay\nclean line\nArreola deals â€” a slider, â€œpaintedâ€\u009d.\n", "utf8"));
    expect(r.text).toBe("playbyplay\nclean line\nArreola deals — a slider, “painted”.\n");
    expect(r.warnings).toEqual([expect.stringMatching(/^UTF-8 text that had been read as Windows-1252 on line 3: repaired/)]);
    expect(r.lineIssues.size).toBe(0);
  });

  it("leaves clean UTF-8 (accents, dashes, quotes) alone, with no warning", () => {
    const text = "playbyplay\nTomás Arreola — “ninety-five” mph, Hernández on deck\n";
    expect(decodeCsvBytes(Buffer.from(text, "utf8"))).toEqual({ text, warnings: [], lineIssues: new Map() });
  });

  it("reads Windows-1252 bytes in a CRLF file, and names every line it read that way", () => {
    const { plays, malformed, warnings } = readPlays(write(Buffer.from("playbyplay\r\nJosé swings\r\nplain\r\n\"Tomás, then Ibáñez\"\r\n", "latin1")));
    expect(malformed).toEqual([]);
    expect(plays.map((p) => p.playbyplay)).toEqual(["José swings", "plain", "Tomás, then Ibáñez"]);
    expect(warnings).toEqual([expect.stringMatching(/^Windows-1252 \(Latin-1\) bytes, not UTF-8, on lines 2, 4: read as Windows-1252/)]);
  });

  it("quarantines a row whose bytes are neither (0x81), at the physical line inside a multi-line field, and keeps the rest", () => {
    const bytes = Buffer.concat([Buffer.from('playbyplay\nfirst\n"two\nlines '), Buffer.from([0x81]), Buffer.from(' here"\nlast\n')]);
    const { plays, malformed } = readPlays(write(bytes));
    expect(plays.map((p) => [p.play_id, p.playbyplay])).toEqual([[1, "first"], [3, "last"]]);
    expect(malformed.map((m) => [m.play_id, m.line, m.message])).toEqual([[2, 3, "not UTF-8 at line 4 (byte 0x81 at column 7, not Windows-1252 either)"]]);
  });

  it("quarantines a row with a NUL, from bytes or from text, and stores it printable (␀)", () => {
    const fromBytes = readPlays(write(Buffer.from("playbyplay\nok\nbad\u0000row\nok too\n", "utf8")));
    expect(fromBytes.plays.map((p) => p.play_id)).toEqual([1, 3]);
    expect(fromBytes.malformed.map((m) => [m.play_id, m.message, m.raw])).toEqual([[2, "NUL byte at line 3, column 4", "bad␀row"]]);
    const fromText = parsePlays("playbyplay\nok\n\"multi\nli\u0000ne\"\n");
    expect(fromText.malformed.map((m) => [m.play_id, m.line, m.message])).toEqual([[2, 3, "NUL byte at line 4"]]);
  });

  it("quarantines a row with a terminal escape sequence; an error echoes at most a short, escaped prefix", () => {
    const { malformed } = readPlays(write(Buffer.from("playbyplay\n\u001b[2Jcleared\n", "utf8")));
    expect(malformed.map((m) => m.message)).toEqual(["control character U+001B at line 2"]);
    expect(preview("\u001b[31mred\u0000 and a very long tail that goes on and on and on")).toBe('"\\x1B[31mred\\x00 and a very long tail that goes…"');
    expect(() => parsePlays(`${"\u001b".repeat(500)}\nrow\n`)).toThrowError(/^The CSV header has no `playbyplay` column \(found: (\\x1B){80}…\)$/);
  });
});
