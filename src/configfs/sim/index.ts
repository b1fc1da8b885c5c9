export { SimConfigFs, type SimSnapshot } from './sim-configfs.js';
export type * from './fixture-types.js';
export { loadSimState, saveSimState, type SimKernelChoice } from './state-file.js';
export { SIM_KERNELS, SimKernel, chooseSimKernel, findSimKernel, kernelSeries, newestSimKernel } from './sim-kernel.js';
