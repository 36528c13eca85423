export { showTable, type ShowTableOptions } from "./table";
export { showSetup } from "./setup";
export { displayBundle, inKernel, kernelDisplay, type KernelDisplay } from "./kernel";
