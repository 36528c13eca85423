import path from "node:path";
import { findProjectRoot } from "../../../src/config";
import { EXTRACTION_FIELDS, type Extraction, type GroundTruthRow, type RawPlay } from "../../../src/domain";
import { readGroundTruth, readPlays, readReferenceTables } from "../../../src/extract";
import { PipelineEvents, type PipelineEventName } from "../../../src/events";
import { LlmExtractor, type LlmExtractorOptions } from "../../../src/transform/llm";
import { startSimulatedModel, type SimulatedModel, type SimulatedModelOptions } from "../../../scripts/simulated-model/server";

/** Shared by the LLM-path tests: the project's data, the simulated model, an extractor pointed at it. */
export const DATA_DIR = path.join(findProjectRoot(), "data");
export const API_KEY = "sk-test-h4-DO-NOT-LEAK-7f3a9c";

export function loadPlays(): RawPlay[] {
  return readPlays(path.join(DATA_DIR, "playbyplay.csv")).plays;
}

export function truthByHash(): Map<string, GroundTruthRow> {
  return new Map(readGroundTruth(DATA_DIR).map((r) => [r.play_hash, r]));
}

export function extractionOf(row: GroundTruthRow): Extraction {
  return Object.fromEntries(EXTRACTION_FIELDS.map((f) => [f, row[f]])) as Extraction;
}

export function startSim(options: SimulatedModelOptions = {}): Promise<SimulatedModel> {
  return startSimulatedModel({ latencyMs: 0, dataDir: DATA_DIR, ...options });
}

/** Every event, in order, as [name, payload]. */
export function recordEvents(): { events: PipelineEvents; log: [PipelineEventName, unknown][] } {
  const events = new PipelineEvents();
  const log: [PipelineEventName, unknown][] = [];
  events.onAny((name, e) => log.push([name, e]));
  return { events, log };
}

/** An extractor on the simulated model; every row goes to the model (the cascade off) unless a test turns it on. */
export function extractorFor(sim: SimulatedModel, options: Partial<LlmExtractorOptions> = {}): LlmExtractor {
  return new LlmExtractor({
    cascade: false,
    apiKey: API_KEY,
    baseURL: sim.baseURL,
    model: sim.modelId,
    reference: readReferenceTables(DATA_DIR),
    retry: { baseDelayMs: 5, capDelayMs: 200 },
    random: () => 0.5,
    ...options,
  });
}
