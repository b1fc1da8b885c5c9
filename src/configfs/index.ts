export * from './port.js';
export * from './paths.js';
export * from './configfs-error.js';
export * from './kernel-configfs.js';
export * from './read-cache.js';
export * from './lanes-in-turn.js';
