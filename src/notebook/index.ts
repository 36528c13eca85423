export { showTable, type ShowTableOptions } from "./table";
export { kernelClone, showSetup, type ShowSetupOptions } from "./setup";
export { describeError, showError, withErrorDisplay, type ErrorReport } from "./error-display";
export { displayBundle, inKernel, kernelDisplay, type KernelDisplay } from "../util/kernel";
export { freePort, startSimulatedModelProcess, type SimulatedModelProcess } from "./simulated-model-process";
