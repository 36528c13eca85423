import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { findProjectRoot } from "../../config";
import type { NameRoster } from "./name-parser";
import type { ParagraphReading, ReadParagraph } from "./paragraph-reading";
import type { ChunkRequest } from "./paragraph-worker";

/** From this many paragraphs on, the rule extractor reads them in worker threads (below, starting the threads costs more than it saves). */
export const PARALLEL_MIN_ROWS = 5_000;

export interface ParagraphPoolOptions {
  /** Threads. Default: the machine's cores, at most 4. */
  workers?: number;
  /** Paragraphs per message. Default 2,000: a thread holds one chunk's readings at a time. */
  chunkRows?: number;
  /** Node options of the threads. Default: this process's (so `--import tsx` carries over to the sources). */
  execArgv?: string[];
}

/**
 * Read paragraphs in worker threads, in chunks, in order: the same readings as `readParagraphs`, on every
 * core (100,000 rows on 2 cores: the extraction about 30% sooner). The garbage of reading stays in small
 * capped heaps, but the threads' own heaps and code cost about what that saves the main one: peak memory
 * is about the same. Resolves to null when the threads cannot run here (no worker file for this build,
 * or one failed), and the caller reads in this thread.
 */
export async function readParagraphsInWorkers(texts: readonly string[], roster: NameRoster | undefined, options: ParagraphPoolOptions = {}): Promise<ParagraphReading[] | null> {
  const file = workerFile();
  if (!file || texts.length === 0) return null;
  const chunkRows = options.chunkRows ?? 2_000;
  const chunks = Math.ceil(texts.length / chunkRows);
  const count = Math.max(1, Math.min(options.workers ?? Math.min(os.availableParallelism(), 4), chunks));
  const out: ParagraphReading[] = new Array(texts.length);
  const workers: Worker[] = [];
  try {
    let next = 0;
    await Promise.all(Array.from({ length: count }, () => new Promise<void>((resolve, reject) => {
      // A small heap: a chunk's readings need a few MB, and V8 collects a small heap sooner.
      const worker = new Worker(file, { execArgv: options.execArgv ?? process.execArgv, resourceLimits: { maxOldGenerationSizeMb: 64 } });
      workers.push(worker);
      let done = false;
      const send = () => {
        if (next >= chunks) {
          done = true;
          return resolve();
        }
        const id = next++;
        const request: ChunkRequest = { id, texts: texts.slice(id * chunkRows, (id + 1) * chunkRows), roster };
        worker.postMessage(request);
      };
      worker.on("message", (m: { ready: true } | { id: number; readings: (Omit<ReadParagraph, "text"> & Pick<ParagraphReading, "names">)[] }) => {
        if ("id" in m) {
          m.readings.forEach(({ names, ...read }, i) => {
            const at = m.id * chunkRows + i;
            out[at] = { read: { text: texts[at]!, ...read }, names };
          });
        }
        send();
      });
      worker.on("error", reject);
      worker.on("exit", (code) => (done ? undefined : reject(new Error(`paragraph worker stopped (exit code ${code}) before its last chunk`))));
    })));
    return out;
  } catch {
    // A thread that could not load or ran out of its heap: the caller reads in this thread (the same readings).
    return null;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * The worker's file for how this module runs: the compiled `.js` beside it (the notebooks' build), or the
 * project's `.ts` source (npm start, through tsx). Null when neither is there (a bundle).
 */
function workerFile(): string | null {
  const compiled = typeof __filename === "string" && __filename.endsWith(".js") ? path.join(path.dirname(__filename), "paragraph-worker.js") : null;
  if (compiled) return existsSync(compiled) ? compiled : null;
  const source = path.join(findProjectRoot(), "src", "transform", "offline", "paragraph-worker.ts");
  return existsSync(source) ? source : null;
}
