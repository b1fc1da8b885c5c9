export { SimConfigFs, type SimSnapshot } from './sim-configfs.js';
export type * from './fixture-types.js';
export { loadSimState, saveSimState } from './state-file.js';
