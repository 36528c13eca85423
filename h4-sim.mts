import { startSimulatedModel } from "./scripts/simulated-model/server";
const sim = await startSimulatedModel({ latencyMs: 0, dataDir: process.argv[2], port: Number(process.argv[3]) });
console.log(sim.baseURL);
setTimeout(async () => { await sim.close(); }, 90000);
