export * from './host.js';
export * from './node-host.js';
export * from './memory-host.js';
