export { showTable, type ShowTableOptions } from "./table";
export { showSetup } from "./setup";
export { displayBundle, inKernel, kernelDisplay, type KernelDisplay } from "./kernel";
export { freePort, startSimulatedModelProcess, type SimulatedModelProcess } from "./simulated-model-process";
