export { parseCsv, csvEscape, type CsvRecord } from "./csv-parser";
export { parsePlays, readPlays, playHash, type MalformedRow, type ReadPlaysOptions, type ReadPlaysResult } from "./play-reader";
export { decodeCsvBytes, preview, type DecodedText } from "./text-decoding";
export { readReferenceTables, readGroundTruth, parseReferenceCsv } from "./reference-reader";
export { streamPlays, type PlayBatch, type PlayStream, type StreamPlaysOptions } from "./play-stream";
