import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { parseFaultSpecs, TRANSPORT_FAULTS, type FaultKind } from "../../../scripts/simulated-model/faults";
import type { SimulatedModel } from "../../../scripts/simulated-model/server";
import { extractionMessages } from "../../../src/transform/llm";
import { loadPlays, startSim } from "./llm-test-kit";

// The simulated model breaks the HTTP exchange itself, as a flaky network or proxy does; the real SDK sees each break.
const plays = loadPlays().slice(0, 4);
let sim: SimulatedModel | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function ask(kind: FaultKind): Promise<Error | undefined> {
  sim = await startSim({ faults: [{ kind, requests: [1] }], hangMs: 10_000 });
  // A hang is only seen through the client's timeout; every other fault must arrive before it, even on a busy machine.
  const client = new OpenAI({ apiKey: "sk-simulated", baseURL: sim.baseURL, timeout: kind === "hang" ? 400 : 5_000, maxRetries: 0 });
  try {
    await client.chat.completions.create({ model: sim.modelId, messages: extractionMessages(plays) });
    return undefined;
  } catch (e) {
    return e as Error;
  }
}

describe("HTTP-level faults of the simulated model", () => {
  it.each<[FaultKind, RegExp]>([
    ["reset", /^terminated$/],
    ["truncate", /^terminated$/],
    ["close", /Connection error/],
    ["hang", /timed out/],
    ["garbled", /JSON/],
  ])("%s: the SDK gets no answer, and the server counts the billed answer as undelivered", async (kind, message) => {
    const error = await ask(kind);
    expect(error?.message).toMatch(message);
    const s = sim!.stats();
    expect(s.requests).toBe(1);
    expect(s.faults[kind]).toBe(1);
    expect(s.undelivered.requests).toBe(1);
    expect(s.undelivered.tokensIn).toBe(s.tokensIn);
    expect(s.tokensIn).toBeGreaterThan(0);
    expect(s.delivered.requests).toBe(0);
  });

  it("a mid-body reset really is a TCP reset (ECONNRESET), a truncated body a close before Content-Length bytes", async () => {
    expect(((await ask("reset")) as Error & { cause?: { code?: string } }).cause?.code).toBe("ECONNRESET");
    await sim!.close();
    expect(((await ask("truncate")) as Error & { cause?: { code?: string } }).cause?.code).toBe("UND_ERR_SOCKET");
  });

  it("GET /_stats reports requests and the tokens billed, delivered or not", async () => {
    sim = await startSim({ faults: [{ kind: "reset", requests: [2] }] });
    const client = new OpenAI({ apiKey: "sk-simulated", baseURL: sim.baseURL, timeout: 2000, maxRetries: 0 });
    const ok = await client.chat.completions.create({ model: sim.modelId, messages: extractionMessages(plays) });
    await expect(client.chat.completions.create({ model: sim.modelId, messages: extractionMessages(plays.slice(1)) })).rejects.toThrow();
    const served = (await (await fetch(sim.baseURL.replace(/\/v1$/, "/_stats"))).json()) as ReturnType<SimulatedModel["stats"]>;
    expect(served.requests).toBe(2);
    expect(served.delivered).toEqual({ requests: 1, tokensIn: ok.usage!.prompt_tokens, tokensOut: ok.usage!.completion_tokens });
    expect(served.undelivered.requests).toBe(1);
    expect(served.tokensIn).toBe(served.delivered.tokensIn + served.undelivered.tokensIn);
  });

  it("faults are selected on the command line as KIND=RATE lists", () => {
    expect(parseFaultSpecs(["reset=0.1,truncate=0.1", "hang=0.05"])).toEqual([
      { kind: "reset", rate: 0.1 }, { kind: "truncate", rate: 0.1 }, { kind: "hang", rate: 0.05 },
    ]);
    expect(() => parseFaultSpecs(["reset=2"])).toThrow(/KIND=RATE.*"reset=2"/);
    expect(() => parseFaultSpecs(["nope=0.1"])).toThrow(/nope/);
    expect(TRANSPORT_FAULTS).toEqual(expect.arrayContaining(["reset", "truncate", "close", "hang", "garbled"]));
  });
});
