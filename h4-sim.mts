import { startSimulatedModel } from "./scripts/simulated-model/server";
const sim = await startSimulatedModel({ latencyMs: 0, dataDir: "test/fixtures/blind-game-second", port: 18791 });
console.log(sim.baseURL);
setTimeout(async () => { console.log(JSON.stringify(sim.stats())); await sim.close(); }, 60000);
