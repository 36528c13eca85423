import { createReadStream } from "node:fs";
import type { RawPlay } from "../domain/index";
import { OptionsError } from "../errors";
import { CsvRecordParser } from "./csv-parser";
import { cannotRead, PlayRowReader, type MalformedRow, type ReadPlaysOptions } from "./play-reader";
import { CsvBytesDecoder } from "./text-decoding";

export interface StreamPlaysOptions extends Pick<ReadPlaysOptions, "limit" | "column"> {
  /** Rows (plays and malformed rows) per batch; the last batch may be smaller. Default 1,000. */
  batchSize?: number;
  /** Bytes read from the file at a time. Default 1 MiB. */
  chunkBytes?: number;
}

/** A run of consecutive input rows: `play_id`s continue from one batch to the next. */
export interface PlayBatch {
  plays: RawPlay[];
  malformed: MalformedRow[];
}

/** The batches of a file, and what was learned reading it. */
export interface PlayStream extends AsyncIterable<PlayBatch> {
  /** Repairs made while decoding (as `readPlays`' `warnings`); complete once the batches are done. */
  readonly warnings: string[];
  /** Data rows read so far, malformed ones included. */
  readonly rowsIn: number;
}

/**
 * Read a play-by-play CSV in batches, holding one batch and one chunk of the file at a time: the
 * same plays, IDs, malformed rows and warnings as `readPlays`, for inputs too large to hold whole.
 * With `limit`, reading stops once that many rows are taken.
 *
 * @example
 * const stream = streamPlays("big-game.csv", { batchSize: 5000 });
 * for await (const { plays, malformed } of stream) await handle(plays, malformed);
 * console.log(stream.rowsIn, stream.warnings);
 */
export function streamPlays(file: string, options: StreamPlaysOptions = {}): PlayStream {
  const { batchSize = 1000, chunkBytes = 1 << 20 } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new OptionsError("batchSize", "an integer ≥ 1", batchSize);
  if (!Number.isInteger(chunkBytes) || chunkBytes < 1) throw new OptionsError("chunkBytes", "an integer ≥ 1", chunkBytes);
  const rows = new PlayRowReader(options);
  const decoder = new CsvBytesDecoder();
  return {
    get warnings() {
      return decoder.warnings;
    },
    get rowsIn() {
      return rows.position;
    },
    [Symbol.asyncIterator]: () => batches(file, batchSize, chunkBytes, rows, decoder),
  };
}

async function* batches(file: string, batchSize: number, chunkBytes: number, rows: PlayRowReader, decoder: CsvBytesDecoder): AsyncGenerator<PlayBatch> {
  const parser = new CsvRecordParser();
  let batch: PlayBatch = { plays: [], malformed: [] };
  const size = () => batch.plays.length + batch.malformed.length;
  // Each piece handed on ends just after a line feed, so no line is split between two decodes; the
  // bytes after the last one wait (as a list, so a long line is copied once, not once per chunk).
  let carry: Buffer[] = [];
  const stream = createReadStream(file, { highWaterMark: chunkBytes });
  const pieces = async function* (): AsyncGenerator<{ text: string; lineIssues: Map<number, string> } | "end"> {
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (!chunk.includes(0x0a)) {
          carry.push(chunk);
          continue;
        }
        const bytes = carry.length > 0 ? Buffer.concat([...carry, chunk]) : chunk;
        const cut = bytes.lastIndexOf(0x0a) + 1;
        carry = cut < bytes.length ? [bytes.subarray(cut)] : [];
        yield decoder.decode(bytes.subarray(0, cut));
        if (rows.full) return;
      }
    } catch (e) {
      throw cannotRead(file, e);
    }
    if (carry.length > 0) yield decoder.decode(Buffer.concat(carry));
    yield "end";
  };
  // Line problems found by the decoder, kept until the records on those lines have been taken.
  const issues = new Map<number, string>();
  try {
    for await (const piece of pieces()) {
      if (piece !== "end") for (const [line, issue] of piece.lineIssues) issues.set(line, issue);
      const records = piece === "end" ? parser.end() : parser.push(piece.text);
      // Records go in a few at a time so that a batch is handed on as soon as it is full.
      let i = 0;
      while (i < records.length && !rows.full) {
        const part = records.slice(i, i + batchSize - size());
        rows.take(part, issues, batch);
        i += part.length;
        if (size() >= batchSize) {
          yield batch;
          batch = { plays: [], malformed: [] };
        }
      }
      const last = records.at(-1)?.endLine ?? 0;
      for (const line of issues.keys()) if (line <= last) issues.delete(line);
      if (piece === "end" || rows.full) break;
    }
    rows.finish();
    if (size() > 0) yield batch;
  } finally {
    stream.destroy();
  }
}
