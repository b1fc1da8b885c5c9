// The library entry: `import { ... } from 'lioctl'`.
export * from './errors/index.js';
export * from './configfs/index.js';
export * from './model/index.js';
