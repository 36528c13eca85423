// A worker thread of the paragraph pool (paragraph-pool.ts): reads the chunks of paragraphs it is sent and
// answers with their readings, without the texts (the caller has them). It says it is ready once loaded.
import { parentPort } from "node:worker_threads";
import type { NameRoster } from "./name-parser";
import { readParagraphs } from "./paragraph-reading";

export interface ChunkRequest {
  id: number;
  texts: string[];
  roster: NameRoster | undefined;
}

parentPort!.on("message", ({ id, texts, roster }: ChunkRequest) => {
  const readings = readParagraphs(texts, roster).map(({ read, names }) => ({ lower: read.lower, recap: read.recap, fields: read.fields, names }));
  parentPort!.postMessage({ id, readings });
});
parentPort!.postMessage({ ready: true });
