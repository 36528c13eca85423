import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readPlays, streamPlays, type StreamPlaysOptions } from "../../src/extract/index";

const write = (bytes: Buffer | string) => {
  const f = path.join(mkdtempSync(path.join(os.tmpdir(), "wb-stream-")), "in.csv");
  writeFileSync(f, bytes);
  return f;
};

/** Every batch of a stream, and the stream's totals once it is read. */
async function drain(file: string, options: StreamPlaysOptions) {
  const stream = streamPlays(file, options);
  const batches = [];
  for await (const b of stream) batches.push(b);
  return { batches, plays: batches.flatMap((b) => b.plays), malformed: batches.flatMap((b) => b.malformed), warnings: stream.warnings, rowsIn: stream.rowsIn };
}

// Quoted commas, doubled quotes, CRLF inside and between records, a BOM, Latin-1 bytes, a byte that is
// neither, a NUL, a blank line and an unquoted comma: whatever the chunk size, the stream reads the
// same plays, IDs, malformed rows and warnings as reading the file whole.
const awkward = Buffer.concat([
  Buffer.from('\uFEFFplaybyplay,source\r\n"Okafor deals, ""a heater"", 97 mph",booth\r\n"Two lines,\r\nof commentary",radio\r\n', "utf8"),
  Buffer.from("José swings,booth\r\n", "latin1"),
  Buffer.from('"bad '), Buffer.from([0x81]), Buffer.from(' byte\nacross lines",wire\n\nan unquoted, comma,booth\nnul\u0000here,wire\n'),
  Buffer.from("Arreola deals â€” a slider,booth\nlast row without a line end,wire", "utf8"),
]);

describe("streaming a play-by-play CSV in batches", () => {
  it.each([1, 7, 64, 1 << 20])("reads what readPlays reads, in chunks of %i bytes", async (chunkBytes) => {
    const file = write(awkward);
    const whole = readPlays(file);
    const streamed = await drain(file, { chunkBytes, batchSize: 2 });
    expect(streamed.plays).toEqual(whole.plays);
    expect(streamed.malformed).toEqual(whole.malformed);
    expect(streamed.warnings).toEqual(whole.warnings);
    expect(whole.plays.length).toBe(5);
    expect(whole.malformed.map((m) => m.line)).toEqual([6, 9, 10]);
    expect(whole.warnings).toHaveLength(2);
    expect(streamed.rowsIn).toBe(8);
    expect(streamed.batches.map((b) => b.plays.length + b.malformed.length)).toEqual([2, 2, 2, 2]);
  });

  it("reads the project's game in batches of 100: the same 729 plays", async () => {
    const file = path.join("data", "playbyplay.csv");
    const streamed = await drain(file, { batchSize: 100, chunkBytes: 4096 });
    expect(streamed.plays).toEqual(readPlays(file).plays);
    expect(streamed.batches.map((b) => b.plays.length)).toEqual([100, 100, 100, 100, 100, 100, 100, 29]);
  });

  it("stops reading at the limit, counting malformed rows", async () => {
    const file = write(awkward);
    const streamed = await drain(file, { limit: 4, chunkBytes: 7, batchSize: 3 });
    const whole = readPlays(file, { limit: 4 });
    expect([...streamed.plays, ...streamed.malformed].length).toBe(4);
    expect(streamed.plays).toEqual(whole.plays);
    expect(streamed.malformed).toEqual(whole.malformed);
  });

  it("names the file it cannot read, an unterminated quote's line, and a bad option", async () => {
    await expect(drain(path.join(os.tmpdir(), "no-such-file-wb.csv"), {})).rejects.toThrow(/Cannot read input file .*no-such-file-wb\.csv \(no such file\)/);
    await expect(drain(write('playbyplay\nok\n"never closed\n'), { chunkBytes: 5 })).rejects.toThrow(/line 3/);
    await expect(drain(write(""), {})).rejects.toThrow(/The CSV is empty/);
    expect(() => streamPlays("x.csv", { batchSize: 0 })).toThrow("Expected `batchSize` to be an integer ≥ 1, got 0");
  });
});
