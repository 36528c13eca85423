import { parseArgs } from "node:util";
import { parseFaultSpecs, type FaultRule } from "./faults";
import { SIMULATED_BANNER, startSimulatedModel } from "./server";

/**
 * `npm run sim:openai -- [--port 8787] [--latency 300] [--seed 1] [--fault rate_limit=0.05 --fault reset=0.1,truncate=0.1,hang=0.05]`
 *
 * Starts the simulated model on its own, so learners can watch the LLM path (requests,
 * tokens, cost, retries, injected faults) for free, and anyone can measure it from outside.
 */
const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8787" },
    latency: { type: "string", default: "300" },
    seed: { type: "string", default: "1" },
    fault: { type: "string", multiple: true, default: [] },
  },
});

let faults: FaultRule[] = [];
try {
  faults = parseFaultSpecs(values.fault ?? []);
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}

const sim = await startSimulatedModel({ port: Number(values.port), latencyMs: Number(values.latency), seed: Number(values.seed), faults });
const line = "=".repeat(SIMULATED_BANNER.length);
console.log(`${line}\n${SIMULATED_BANNER}\n${line}`);
console.log(`Listening on ${sim.baseURL} as model "${sim.modelId}" (latency ${values.latency} ms${faults.length ? `, faults ${values.fault!.join(" ")}` : ""})`);
console.log("Point the pipeline at it (any non-empty key works; it is not checked, stored or printed):");
console.log(`  OPENAI_BASE_URL=${sim.baseURL}`);
console.log("  OPENAI_API_KEY=sk-simulated");
console.log(`  OPENAI_MODEL=${sim.modelId}`);
console.log(`Statistics: GET ${sim.baseURL.replace(/\/v1$/, "")}/_stats   Stop: Ctrl-C`);

const stop = async () => {
  console.log("\nSimulated model stopped. It saw:", JSON.stringify(sim.stats()));
  await sim.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
