import { llmCostTargets } from "../scripts/bench/llm-cost";
import { printTargets } from "../scripts/bench/targets";
const t0 = Date.now();
const rows = await llmCostTargets(process.cwd());
printTargets("LLM cost targets", rows);
console.log(`${(Date.now() - t0) / 1000}s`);
