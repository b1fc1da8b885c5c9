export { dumpConfig } from './dump-config.js';
